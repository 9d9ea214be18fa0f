package io.agrilink.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LanguageTest {

    @Test
    void vietnameseByDefault() {
        given().get("/search").then().statusCode(200)
                .body(containsString("<html lang=\"vi\">"), containsString("Tìm nông sản"));
    }

    @Test
    void acceptLanguagePicksEnglishOrVietnameseByQuality() {
        given().header("Accept-Language", "fr-FR, en;q=0.8, vi;q=0.5").get("/search").then()
                .body(containsString("<html lang=\"en\">"), containsString("Find produce"));
        given().header("Accept-Language", "en;q=0.4, vi-VN;q=0.9").get("/search").then()
                .body(containsString("<html lang=\"vi\">"));
        given().header("Accept-Language", "ja").get("/search").then().body(containsString("<html lang=\"vi\">"));
    }

    @Test
    void theSwitchRemembersTheChoiceAndReturnsToThePage() {
        String cookie = given().redirects().follow(false).queryParam("to", "en").queryParam("next", "/search?q=vai")
                .get("/language").then().statusCode(303).header("Location", equalTo(url("/search?q=vai")))
                .extract().cookie(Visitor.LANGUAGE_COOKIE);
        assertEquals("en", cookie);
        given().cookie(Visitor.LANGUAGE_COOKIE, "en").header("Accept-Language", "vi").get("/search").then()
                .body(containsString("<html lang=\"en\">"), containsString("Find produce"),
                        containsString("href=\"/language?to=vi&amp;next=%2Fsearch\""));
    }

    @Test
    void theSwitchNeverSendsTheBrowserElsewhere() {
        for (String elsewhere : new String[] { "https://evil.example/", "//evil.example/x", "/\\evil.example" }) {
            given().redirects().follow(false).queryParam("to", "en").queryParam("next", elsewhere).get("/language")
                    .then().statusCode(303).header("Location", equalTo(url("/")));
        }
    }

    @Test
    void anUnknownLanguageIsNotRemembered() {
        given().redirects().follow(false).queryParam("to", "xx").get("/language").then().statusCode(303)
                .header("Set-Cookie", nullValue());
    }

    static String url(String path) {
        return "http://localhost:18085" + path;
    }
}
