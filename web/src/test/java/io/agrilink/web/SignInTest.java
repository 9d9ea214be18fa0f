package io.agrilink.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Sign-in itself is Keycloak's (the browser test in suite); here: where it leads and what the header shows. */
@QuarkusTest
class SignInTest {

    @Test
    void signedInTheVisitorReturnsToThePageAskedFor() {
        given().redirects().follow(false).header("X-Test-User", "farmer-lan farmer")
                .queryParam("next", "/products/1").get("/sign-in").then().statusCode(303)
                .header("Location", equalTo(LanguageTest.url("/products/1")));
    }

    @Test
    void signInNeverRedirectsOutsideTheApp() {
        for (String elsewhere : new String[] { "https://evil.example/", "//evil.example", "/\\evil.example",
                "javascript:alert(1)" }) {
            given().redirects().follow(false).header("X-Test-User", "farmer-lan farmer").queryParam("next", elsewhere)
                    .get("/sign-in").then().statusCode(303).header("Location", equalTo(LanguageTest.url("/")));
        }
    }

    @Test
    void anonymousSignInIsAChallengeNotAPage() {
        given().redirects().follow(false).get("/sign-in").then().statusCode(401);
    }

    @Test
    void theHeaderShowsTheUsersNameAndRoleAndASignOutForm() {
        given().header("X-Test-User", "farmer-lan farmer").header("Accept-Language", "vi").get("/search").then()
                .statusCode(200).body(containsString("farmer-lan (nông dân)"),
                        containsString("<form method=\"post\" action=\"/sign-out\""), not(containsString("Đăng nhập")));
    }

    @Test
    void theHeaderLinksThePartsOfTheSignedInPersonsRolesOnly() {
        given().header("X-Test-User", "farmer-lan farmer").get("/search").then().statusCode(200)
                .body(containsString("href=\"/farmer\""), not(containsString("href=\"/staff\"")),
                        not(containsString("href=\"/carrier\"")), not(containsString("href=\"/my/orders\"")));
        given().header("X-Test-User", "staff-hoa staff").get("/search").then().statusCode(200)
                .body(containsString("href=\"/staff\""), not(containsString("href=\"/farmer\"")));
        given().get("/search").then().statusCode(200).body(not(containsString("href=\"/farmer\"")),
                not(containsString("href=\"/staff\"")));
    }
}
