package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import io.agrilink.suite.LocalSuite;
import io.agrilink.suite.sandbox.EmvQr;

/**
 * A buyer in Hồ Chí Minh City orders lychees on her phone and chooses a VietQR transfer: the
 * payment page shows the code and what it says; she "scans" it with the demo bank (the sandbox,
 * in another tab) and transfers; back on the payment page, without reloading, the payment turns
 * PAID and the order CONFIRMED when the bank's notification reaches order-service.
 */
@ExtendWith(BrowserSuite.class)
class BuyerPaysByVietQrInBrowserTest {

    private static final String BUYER = "buyer-hcm";
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
    void buyerPaysHerOrderByVietQrFromTheDemoBankAndSeesItConfirmedWithoutReloading() {
        phone.open("/");
        phone.waitFor(By.linkText("Xem trực tiếp và đặt hàng")).click();
        phone.signIn(BUYER);
        WebElement grams = phone.waitFor(By.id("f-grams"));
        grams.clear();
        grams.sendKeys("1000");
        phone.driver().findElement(By.id("f-recipient")).sendKeys("Trần Thị Bích");
        phone.driver().findElement(By.id("f-phone")).sendKeys("0908 123 456");
        new Select(phone.driver().findElement(By.id("f-province"))).selectByVisibleText("Hồ Chí Minh");
        phone.driver().findElement(By.id("f-commune")).sendKeys("Phường Sài Gòn");
        phone.driver().findElement(By.id("f-street")).sendKeys("45 Lê Duẩn");
        phone.driver().findElement(By.cssSelector("input[name=payment][value=BANK_TRANSFER]")).click();
        phone.screenshot("payment-01-order-by-vietqr");
        phone.driver().findElement(By.xpath("//button[normalize-space()='Đặt hàng']")).click();

        phone.waitFor(By.id("vietqr-image"));
        String paymentPage = phone.driver().getCurrentUrl();
        assertTrue(paymentPage.matches(".*/my/orders/\\d+/payment"), paymentPage);
        long order = Long.parseLong(paymentPage.replaceAll(".*/my/orders/(\\d+)/payment", "$1"));
        assertEquals("PENDING", phone.driver().findElement(By.id("payment-state")).getText().strip());
        assertEquals("PLACED", phone.driver().findElement(By.id("order-status")).getText().strip());
        EmvQr qr = EmvQr.parse(phone.driver().findElement(By.id("vietqr-payload")).getText().strip());
        assertEquals(LocalSuite.BANK_BIN, qr.bin());
        assertEquals(LocalSuite.BANK_ACCOUNT, qr.account());
        assertEquals("AGL" + order, qr.reference());
        phone.fitsThePhone();
        phone.screenshot("payment-02-vietqr-code");

        String bank = phone.driver().findElement(By.id("sandbox-bank")).getAttribute("href");
        assertTrue(bank.startsWith(BrowserSuite.suite().paymentSandboxes().url() + "/bank/?payload="), bank);
        String paymentTab = phone.driver().getWindowHandle();
        phone.driver().switchTo().newWindow(WindowType.TAB);
        phone.driver().get(bank);
        assertEquals("AGL" + order, phone.waitFor(By.id("bank-reference")).getText().strip());
        phone.fitsThePhone();
        phone.screenshot("payment-03-demo-bank");
        phone.driver().findElement(By.id("transfer")).click();
        assertEquals("CONFIRMED", phone.waitFor(By.id("bank-result")).getText().strip());
        phone.screenshot("payment-04-transferred");
        phone.driver().close();
        phone.driver().switchTo().window(paymentTab);

        // the page polls its state: no reload
        phone.waitForText(By.id("payment-state"), "PAID", Duration.ofSeconds(20));
        phone.waitForText(By.id("order-status"), "CONFIRMED", Duration.ofSeconds(20));
        assertFalse(phone.driver().findElement(By.id("vietqr-image")).isDisplayed(),
                "once paid, the page no longer offers the code to pay again");
        assertEquals(paymentPage, phone.driver().getCurrentUrl(), "still the same page");
        phone.screenshot("payment-05-paid");
    }
}
