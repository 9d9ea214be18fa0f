package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** A farmer on her phone finds her lychees, signs in at Keycloak, comes back to the same page, and signs out. */
@ExtendWith(BrowserSuite.class)
class FarmerSignsInTest {

    private static Browser phone;

    @BeforeAll
    static void browser() {
        phone = Browser.phone();
    }

    @AfterAll
    static void close() {
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void farmerSignsInFromHerPhoneComesBackToThePageAndSignsOut() {
        String web = BrowserSuite.suite().webUrl();
        phone.open("/search?q=vai+thieu");
        phone.waitFor(By.xpath("//h1[normalize-space()='Tìm nông sản']"));
        assertTrue(phone.driver().findElement(By.linkText("Vải thiều Lục Ngạn – loại đặc biệt")).isDisplayed(),
                "\"vai thieu\" finds Vải thiều");
        phone.fitsThePhone();
        phone.screenshot("01-search-vai-thieu");

        phone.driver().findElement(By.linkText("Đăng nhập")).click();
        phone.waitFor(By.id("username"));
        var signIn = phone.driver().findElement(By.id("kc-login"));
        assertEquals("Đăng nhập", signIn.getText().isBlank() ? signIn.getAttribute("value") : signIn.getText(),
                "Keycloak's sign-in page speaks Vietnamese (the realm's own texts: Keycloak ships none)");
        phone.screenshot("02-keycloak-sign-in");
        phone.driver().navigate().back();
        phone.signIn("farmer-lan");
        phone.waitFor(By.xpath("//*[contains(@class,'who') and normalize-space()='farmer-lan (nông dân)']"));
        assertTrue(phone.driver().getCurrentUrl().startsWith(web + "/search?q=vai"),
                "back on the page she signed in from: " + phone.driver().getCurrentUrl());
        assertEquals(0, phone.driver().findElements(By.linkText("Đăng nhập")).size(), "no sign-in link once signed in");
        phone.fitsThePhone();
        phone.screenshot("03-signed-in");

        phone.driver().findElement(By.xpath("//button[normalize-space()='Đăng xuất']")).click();
        phone.waitFor(By.linkText("Đăng nhập"));
        assertEquals(0, phone.driver().findElements(By.xpath("//*[contains(@class,'who')]")).size(), "no one signed in");
        phone.screenshot("04-signed-out");
    }
}
