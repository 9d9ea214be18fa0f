package io.agrilink.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.agrilink.web.forms.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The machinery every form and signed-in page uses: the form token, the user's token, the service's problem. */
@QuarkusTest
class FormsTest {

    @Test
    void everyPageGivesTheBrowserAFormTokenInAnHttpOnlySameSiteCookieAndItsForms() {
        Response page = given().header("X-Test-User", "farmer-lan farmer").get("/search");
        String cookie = page.getCookie(Csrf.COOKIE);
        page.then().statusCode(200).header("Set-Cookie", org.hamcrest.Matchers.containsStringIgnoringCase("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Lax"))
                .body(containsString("<input type=\"hidden\" name=\"csrf\" value=\"" + cookie + "\">"));
        given().cookie(Csrf.COOKIE, cookie).get("/search").then().statusCode(200)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aFormPostedWithoutItsTokenOrWithAnotherIsRefusedWithAPageNotActedOn() {
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().header("Accept-Language", "vi").formParam("grams", "500").post("/test-page").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("Biểu mẫu đã hết hạn"));
        given().cookie(Csrf.COOKIE, token).formParam("grams", "500").post("/test-page").then().statusCode(403);
        String other = given().get("/").getCookie(Csrf.COOKIE);
        given().cookie(Csrf.COOKIE, token).formParam("csrf", other).formParam("grams", "500").post("/test-page")
                .then().statusCode(403);
        given().cookie(Csrf.COOKIE, "x").formParam("csrf", "x").formParam("grams", "500").post("/test-page").then()
                .statusCode(403);
    }

    @Test
    void aFormWithItsTokenGoesThroughAndTheServicesProblemBecomesSentencesByField() {
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().cookie(Csrf.COOKIE, token).formParam("csrf", token).formParam("grams", "500").post("/test-page")
                .then().statusCode(200).body(equalTo("500|Phải lớn hơn 0.|is not a phone number|2500"));
    }

    @Test
    void aSignedInPageCallsTheServiceWithThePersonsAccessToken() {
        given().header("X-Test-User", "buyer-hanoi buyer").get("/test-page").then().statusCode(200)
                .body(equalTo("Bearer token-of-buyer-hanoi"));
    }

    @Test
    void aPageThatFailsShowsASentenceNeverAStackTrace() {
        given().header("Accept-Language", "en").get("/no-such-page").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("This page does not exist"))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
        given().get("/").then().header("Set-Cookie", matchesPattern(Csrf.COOKIE + "=[A-Za-z0-9_-]{43}.*"));
    }

    @Test
    void aPageShownForAPostLinksItsLanguageSwitchToTheFormsPageNotToThePost() {
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().cookie(Csrf.COOKIE, token).formParam("csrf", token).header("Referer", "http://localhost:18085/search?q=vai")
                .post("/test-page/again").then().statusCode(200)
                .body(containsString("next=%2Fsearch%3Fq%3Dvai"), org.hamcrest.Matchers.not(containsString("test-page")));
        given().cookie(Csrf.COOKIE, token).formParam("csrf", token).header("Referer", "https://evil.example/search")
                .post("/test-page/again").then().statusCode(200).body(containsString("next=%2F\""));
    }
}
