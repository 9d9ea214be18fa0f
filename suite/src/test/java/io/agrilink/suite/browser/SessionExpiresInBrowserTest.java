package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * A session that ends while the page is open: the next signed-in page goes through Keycloak and
 * comes back to the same page (at once while Keycloak's own session lives, after the sign-in form
 * when that has ended too).
 */
@ExtendWith(BrowserSuite.class)
class SessionExpiresInBrowserTest {

    private static Browser desk;

    @BeforeAll
    static void browser() {
        desk = Browser.desktop();
    }

    @AfterAll
    static void close() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void anEndedSessionReturnsThroughSignInToTheSamePage() {
        String web = BrowserSuite.suite().webUrl();
        desk.open("/");
        desk.signIn("buyer-hcm");
        desk.open("/my/orders");
        desk.waitFor(By.xpath("//*[contains(@class,'who') and starts-with(normalize-space(), 'buyer-hcm')]"));

        // the web app's session cookies gone (as when it expires): Keycloak still knows her
        dropCookies("q_session");
        desk.open("/my/orders");
        desk.waitFor(By.xpath("//*[contains(@class,'who') and starts-with(normalize-space(), 'buyer-hcm')]"));
        assertEquals(web + "/my/orders", desk.driver().getCurrentUrl(), "back on the page, signed in again");

        // both sessions gone (Keycloak's ended for her, the web app's cookies expired): Keycloak's
        // sign-in form, then the same page
        var keycloak = BrowserSuite.suite().keycloak();
        keycloak.adminJson("POST", "agrilink/users/" + keycloak.user("buyer-hcm").path("id").asText() + "/logout", null);
        dropCookies("q_session");
        desk.open("/my/orders");
        desk.waitFor(By.id("username")).sendKeys("buyer-hcm");
        desk.driver().findElement(By.id("password")).sendKeys(BrowserSuite.demoPassword());
        desk.driver().findElement(By.id("kc-login")).click();
        desk.waitFor(By.xpath("//*[contains(@class,'who') and starts-with(normalize-space(), 'buyer-hcm')]"));
        assertTrue(desk.driver().getCurrentUrl().startsWith(web + "/my/orders"),
                "back where she was: " + desk.driver().getCurrentUrl());
        desk.screenshot("session-01-back-after-sign-in");
    }

    private static void dropCookies(String prefix) {
        for (Cookie cookie : desk.driver().manage().getCookies()) {
            if (cookie.getName().startsWith(prefix)) {
                desk.driver().manage().deleteCookieNamed(cookie.getName());
            }
        }
    }
}
