package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.suite.demo.DemoContext;
import io.agrilink.suite.demo.PaymentDemo;

/**
 * A buyer in the US paid her order by bank transfer; staff cancel it, which leaves a refund that
 * staff send by hand from the cooperative's bank. Staff find it on the refunds page, send the
 * money back, and record the transfer's reference: the refund is DONE, by them. The order is this
 * test's own (placed, paid at the demo bank and cancelled through the APIs).
 */
@ExtendWith(BrowserSuite.class)
class StaffRefundsInBrowserTest {

    private static Browser desk;
    private static DemoContext api;
    /** The order whose refund this test completes. */
    private static long order;

    @BeforeAll
    static void browser() {
        Map<String, String> urls = new LinkedHashMap<>(BrowserSuite.suite().baseUrls());
        urls.put(PaymentDemo.SANDBOX, BrowserSuite.suite().paymentSandboxes().url());
        api = new DemoContext(urls, BrowserSuite.suite().keycloak()::token);
        desk = Browser.desktop();
    }

    @AfterAll
    static void close() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void staffCompleteABankTransferRefundWithTheirTransfersReference() throws Exception {
        long refund = refundTaskOfAPaidAndCancelledTransfer();

        desk.open("/");
        desk.signIn("staff-hoa");
        desk.open("/staff/refunds");
        By row = By.cssSelector("tr[data-refund-id='" + refund + "']");
        By form = By.cssSelector("form[action='/staff/refunds/" + refund + "/complete']");
        assertTrue(desk.waitFor(row).getText().contains("Cần hoàn"), desk.driver().findElement(row).getText());
        desk.screenshot("refund-01-requested");
        WebElement sent = desk.driver().findElement(form);
        sent.findElement(By.name("reference")).sendKeys("FT26161REFUND");
        sent.findElement(By.cssSelector(".complete-refund")).click();

        desk.waitForText(By.cssSelector("tr[data-refund-id='" + refund + "'] td:nth-of-type(2)"), "Đã hoàn",
                java.time.Duration.ofSeconds(20));
        JsonNode done = refundView(refund);
        assertEquals("DONE", done.path("status").asText(), done.toString());
        assertEquals("staff-hoa", done.path("doneBy").asText());
        assertEquals("FT26161REFUND", done.path("providerRef").asText());
        assertTrue(desk.driver().findElement(row).getText().contains("FT26161REFUND"), "the row shows the reference");
        assertEquals(0, desk.driver().findElements(form).size(), "nothing left to complete");
        desk.screenshot("refund-02-done");

        desk.open("/staff/payments");
        desk.waitFor(By.cssSelector("tr[data-payment-id]"));
        desk.screenshot("refund-03-payments");
    }

    /** buyer-us orders longan by bank transfer, pays it at the demo bank, and staff cancel: the refund's id. */
    private static long refundTaskOfAPaidAndCancelledTransfer() throws Exception {
        String buyer = api.token("buyer", "buyer-us");
        String staff = api.token("staff", "staff-hoa");
        // the demo's running campaign, its first lot (54 tonnes: never short of a kilogram)
        long lot = api.get("catalog", "/campaigns?running=true&size=1", null).path("items").path(0).path("lots").path(0)
                .path("lotId").asLong(-1);
        assertTrue(lot > 0, "a running demo campaign with a lot");
        Map<String, Object> delivery = Map.of("recipient", "Linh Nguyen", "phone", "+1 408 555 0134", "country", "US",
                "street", "1200 Story Road, San Jose, CA", "postalCode", "95122");
        order = api.post("order", "/orders", buyer, Map.of("lines", List.of(Map.of("lotId", lot, "grams", 1_000)),
                "delivery", delivery, "payment", "BANK_TRANSFER")).path("id").asLong();
        String payload = api.post("order", "/orders/" + order + "/payments", buyer, Map.of()).path("vietQr")
                .path("payload").asText();
        assertEquals("CONFIRMED", api.post(PaymentDemo.SANDBOX, "/bank/api/transfers", null, Map.of("payload", payload))
                .path("outcome").asText());
        api.post("order", "/orders/" + order + "/cancel", staff, Map.of("reason", "Khách hủy (kiểm thử trình duyệt)"));
        JsonNode refunds = api.get("order", "/orders/" + order + "/payments", staff).path("refunds");
        assertEquals(1, refunds.size(), refunds.toString());
        assertEquals("REQUESTED", refunds.path(0).path("status").asText());
        return refunds.path(0).path("id").asLong();
    }

    private static JsonNode refundView(long refund) throws Exception {
        for (JsonNode candidate : api.get("order", "/orders/" + order + "/payments", api.token("staff", "staff-hoa"))
                .path("refunds")) {
            if (candidate.path("id").asLong() == refund) {
                return candidate;
            }
        }
        throw new AssertionError("refund " + refund + " is not among order " + order + "'s");
    }
}
