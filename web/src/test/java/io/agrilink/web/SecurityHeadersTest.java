package io.agrilink.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class SecurityHeadersTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self' https://sandbox.vnpayment.vn https://checkout.stripe.com";

    @Inject
    @RestClient
    FakeCatalog catalog;

    @BeforeEach
    void products() {
        catalog.reset();
        catalog.add(1, "Vải thiều Lục Ngạn", "Chín cây, hái sáng sớm.", "HTX Phượng Sơn");
    }

    @Test
    void everyPageStylesheetAndErrorCarriesTheHeaders() {
        for (String path : new String[] { "/", "/search?q=vai", "/products/1", "/products/999", "/agrilink.css",
                "/no-such-page", "/language?to=en&next=/" }) {
            secured(given().redirects().follow(false).get(path).then(), path);
        }
    }

    @Test
    void aPageWhoseServiceIsDownCarriesThemToo() {
        catalog.down(true);
        secured(given().get("/").then().statusCode(200), "/");
    }

    @Test
    void noPageHasAnInlineScriptOrStyle() {
        for (String path : new String[] { "/", "/search?q=vai", "/products/1" }) {
            given().get(path).then().statusCode(200)
                    // scripts come from this app's files only (script-src 'self'): no inline one
                    .body(not(org.hamcrest.Matchers.matchesPattern("(?s).*<script(?![^>]*\\ssrc=\"/)[^>]*>.*")),
                            not(containsString("style=")), not(containsString("<style")));
        }
    }

    private static void secured(ValidatableResponse response, String path) {
        response.header("Content-Security-Policy", equalTo(CSP))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }
}
