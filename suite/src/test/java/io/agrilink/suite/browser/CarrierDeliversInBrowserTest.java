package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.suite.demo.DemoContext;

/**
 * A driver of Vận tải lạnh Kinh Bắc, on her phone, takes a load of lychees, picks it up, reads the
 * reefer's temperature, drives, and hands it over with the buyer's code and the cash collected. The
 * order is this test's own (placed by buyer-hanoi, packed by farmer-lan through the services' APIs),
 * so no other test's taking a demo load can get in the way.
 */
@ExtendWith(BrowserSuite.class)
class CarrierDeliversInBrowserTest {

    private static Browser phone;
    private static Browser staffDesk;
    private static DemoContext api;

    @BeforeAll
    static void browsers() {
        api = new DemoContext(BrowserSuite.suite().baseUrls(), BrowserSuite.suite().keycloak()::token);
        phone = Browser.phone();
        staffDesk = Browser.desktop();
    }

    @AfterAll
    static void close() {
        if (phone != null) {
            phone.close();
        }
        if (staffDesk != null) {
            staffDesk.close();
        }
    }

    @Test
    void carrierTakesALoadPicksItUpRecordsTheColdChainAndDeliversItWithTheBuyersCode() throws Exception {
        long orderId = packedCashOnDeliveryOrder();
        JsonNode handedOver = shipmentOf(orderId);
        long shipmentId = handedOver.path("id").asLong();
        String ref = handedOver.path("orderRef").asText();
        long cod = handedOver.path("codAmount").asLong();
        String code = deliveryCodeTheBuyerWasGiven(orderId);

        phone.open("/");
        phone.signIn("carrier-coldchain");
        phone.driver().findElement(By.linkText("Chuyến hàng")).click();
        phone.waitFor(By.xpath("//h1[normalize-space()='Chuyến hàng chờ nhận']"));
        WebElement load = phone.waitFor(By.xpath("//li[h2[normalize-space()='" + ref + "']]"));
        String card = load.getText().replace('\u00a0', ' ');
        assertTrue(card.contains("Từ 2 °C đến 5 °C"), "the load's temperature range: " + card);
        assertTrue(card.contains("2 kg"), "the load's weight: " + card);
        phone.fitsThePhone();
        phone.screenshot("carrier-01-open-loads");

        load.findElement(By.xpath(".//button[normalize-space()='Nhận chuyến này']")).click();
        status("Đã nhận, chờ lấy hàng");
        assertTrue(phone.driver().getCurrentUrl().endsWith("/carrier/shipments/" + shipmentId),
                phone.driver().getCurrentUrl());
        phone.fitsThePhone();
        phone.screenshot("carrier-02-taken");

        button("Đã lấy hàng").click();
        status("Đã lấy hàng");
        field("Nhiệt độ đo được (°C)").sendKeys("4,5");
        button("Ghi nhiệt độ").click();
        inView(phone.waitFor(By.xpath("//table[contains(@class,'readings')]//td[starts-with(normalize-space(),'4,5')]")));
        phone.fitsThePhone();
        phone.screenshot("carrier-03-picked-up-and-read");

        field("Vị trí hiện tại").sendKeys("Cầu Thanh Trì, Hà Nội");
        button("Báo vị trí").click();
        status("Đang vận chuyển");
        button("Bắt đầu đi giao").click();
        status("Đang giao");

        field("Tên người nhận hàng").sendKeys("Nguyễn Văn An");
        field("Mã giao hàng của người mua").sendKeys(code.equals("000000") ? "111111" : "000000");
        field("Số tiền đã thu (đồng)").sendKeys(String.valueOf(cod));
        button("Xác nhận đã giao").click();
        WebElement wrong = phone.waitFor(By.id("f-proof.deliveryCode-error"));
        assertEquals("Mã này không khớp với mã giao hàng của người mua. Hãy hỏi lại người mua.", wrong.getText());
        assertEquals("Nguyễn Văn An", field("Tên người nhận hàng").getAttribute("value"), "nothing typed is lost");
        inView(wrong);
        phone.fitsThePhone();
        phone.screenshot("carrier-04-wrong-code");

        field("Mã giao hàng của người mua").clear();
        field("Mã giao hàng của người mua").sendKeys(code);
        button("Xác nhận đã giao").click();
        status("Đã giao");
        String delivered = phone.waitFor(By.id("delivered")).getText();
        assertTrue(delivered.startsWith("Nguyễn Văn An đã nhận hàng lúc"), delivered);
        inView(phone.driver().findElement(By.id("delivered")));
        phone.fitsThePhone();
        phone.screenshot("carrier-05-delivered");

        JsonNode after = shipmentOf(orderId);
        assertEquals("DELIVERED", after.path("status").asText());
        assertEquals(cod, after.path("cashCollected").asLong(), "the cash collected, in whole đồng");
        assertFalse(after.path("codMismatch").asBoolean());
        JsonNode steps = api.get("logistics", "/shipments/" + shipmentId + "/tracking", staff()).path("events");
        assertEquals(List.of("ASSIGNED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"),
                statuses(steps), "taken once, each step once");
        assertEquals(1, api.get("logistics", "/shipments/" + shipmentId + "/tracking", staff()).path("readings").size());

        phone.open("/carrier/shipments");
        phone.waitFor(By.xpath("//li[h2[normalize-space()='" + ref + "']]/p[normalize-space()='Đã giao']"));
        phone.screenshot("carrier-06-my-shipments");
    }

    @Test
    void staffSeeTheDemosTemperatureAlertAmongTheShipmentsAtRisk() {
        staffDesk.open("/");
        staffDesk.signIn("staff-hoa");
        staffDesk.open("/staff/shipments");
        staffDesk.waitFor(By.xpath("//h1[normalize-space()='Chuyến hàng cần chú ý']"));
        String alerts = staffDesk.waitFor(By.xpath("//ul[contains(@class,'alerts')]")).getText().replace('\u00a0', ' ');
        assertTrue(alerts.contains("9.50 °C"), "the demo's reading out of the cold chain: " + alerts);
        staffDesk.screenshot("carrier-07-staff-shipments-at-risk");
    }

    /** What the screenshot is about, in the middle of the phone's screen. */
    private static void inView(WebElement element) {
        ((JavascriptExecutor) phone.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static void status(String shown) {
        phone.waitFor(By.xpath("//p[@id='status' and normalize-space()='" + shown + "']"));
    }

    private static WebElement button(String name) {
        return phone.waitFor(By.xpath("//button[normalize-space()='" + name + "']"));
    }

    /** The input a label names, as a screen reader finds it. */
    private static WebElement field(String label) {
        String id = phone.waitFor(By.xpath("//label[normalize-space()='" + label + "']")).getAttribute("for");
        return phone.driver().findElement(By.id(id));
    }

    private static List<String> statuses(JsonNode events) {
        List<String> statuses = new java.util.ArrayList<>();
        events.forEach(e -> statuses.add(e.path("status").asText()));
        return statuses;
    }

    private static String staff() {
        return api.token("staff", "staff-hoa");
    }

    /** buyer-hanoi orders 2 kg of the campaign's first lot, cash on delivery; farmer-lan's cooperative packs it. */
    private static long packedCashOnDeliveryOrder() throws Exception {
        JsonNode campaign = api.get("catalog", "/campaigns?running=true", null).path("items").path(0);
        long lotId = campaign.path("lots").path(0).path("lotId").asLong();
        JsonNode order = api.post("order", "/orders", api.token("buyer", "buyer-hanoi"), Map.of(
                "lines", List.of(Map.of("lotId", lotId, "grams", 2_000)),
                "delivery", Map.of("recipient", "Nguyễn Văn An", "phone", "0912 345 678", "country", "VN",
                        "province", "Hà Nội", "commune", "Phường Ba Đình", "street", "12 Phố Điện Biên Phủ"),
                "payment", "CASH_ON_DELIVERY"));
        long orderId = order.path("id").asLong();
        for (JsonNode line : api.get("order", "/orders/" + orderId, staff()).path("lines")) {
            String farmer = line.path("farmers").path(0).asText("farmer-lan");
            api.post("order", "/orders/" + orderId + "/packing", api.token("farmer", farmer), Map.of("lines",
                    List.of(Map.of("lineId", line.path("id").asLong(), "packedGrams", line.path("grams").asLong()))));
        }
        return orderId;
    }

    /** The shipment order-service's outbox handed over for the order (staff's view). */
    private static JsonNode shipmentOf(long orderId) throws Exception {
        return eventually(() -> api.get("logistics", "/shipments/by-order/" + orderId, staff()));
    }

    /** What the buyer reads on her order once it is with logistics-service: the code she gives the courier. */
    private static String deliveryCodeTheBuyerWasGiven(long orderId) throws Exception {
        return eventually(() -> {
            String code = api.get("order", "/orders/" + orderId, api.token("buyer", "buyer-hanoi")).path("deliveryCode")
                    .asText("");
            if (code.isEmpty()) {
                throw new IOException("no delivery code on order " + orderId + " yet");
            }
            return code;
        });
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T eventually(Call<T> call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return call.call();
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(500);
            }
        }
    }
}
