package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import io.agrilink.suite.Service;
import io.restassured.RestAssured;

/**
 * Programme staff watch the lychee week on the live dashboard at their desk; a buyer orders through
 * order-service's API meanwhile, and the dashboard's order counter moves by exactly one, without a reload.
 */
@ExtendWith(BrowserSuite.class)
class StaffWatchesTheCampaignInBrowserTest {

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
    void staffWatchTheLiveDashboardMoveWhenABuyerOrdersWithoutReloadingThePage() {
        desk.open("/");
        desk.signIn("staff-hoa");
        desk.waitFor(By.linkText("Quản lý")).click();
        desk.waitFor(By.xpath("//h1[normalize-space()='Quản lý chương trình']"));
        assertTrue(desk.driver().findElement(By.linkText("Tập huấn")).getAttribute("href").endsWith("/staff/training"));
        assertTrue(desk.driver().findElement(By.linkText("Vận chuyển")).getAttribute("href").endsWith("/staff/shipments"));
        desk.screenshot("staff-01-home");

        desk.driver().findElement(By.linkText("Chiến dịch bán hàng")).click();
        desk.waitFor(By.xpath("//h2[starts-with(normalize-space(), 'Đang diễn ra')]"));
        assertTrue(desk.driver().findElement(By.xpath("//section[@aria-labelledby='group-running']//th[@scope='row']"))
                .getText().startsWith("Tuần lễ Vải thiều Lục Ngạn 2026"), "the demo's lychee week is running");
        desk.screenshot("staff-02-campaigns");

        desk.driver().findElement(By.xpath("//section[@aria-labelledby='group-running']//a[normalize-space()='Theo dõi trực tiếp']"))
                .click();
        desk.waitFor(By.id("live-orders"));
        Matcher id = Pattern.compile("/staff/campaigns/(\\d+)/live$").matcher(desk.driver().getCurrentUrl());
        assertTrue(id.find(), desk.driver().getCurrentUrl());
        long campaignId = Long.parseLong(id.group(1));
        long before = Long.parseLong(desk.driver().findElement(By.id("live-orders")).getText());
        assertTrue(before > 0, "the demo's orders are counted on the first render");
        assertEquals(3, desk.driver().findElements(By.cssSelector("svg.chart")).size(),
                "kg per minute, by province and by country, drawn on the server");
        desk.screenshot("staff-03-live-dashboard");
        // a mark on this very page: a reload would lose it
        ((JavascriptExecutor) desk.driver()).executeScript("window.stillTheSamePage = true;");

        String buyer = BrowserSuite.suite().keycloak().password("buyer-hcm", BrowserSuite.demoPassword()).accessToken();
        long lotId = RestAssured.given().baseUri(BrowserSuite.suite().baseUrl(Service.CATALOG)).accept("application/json")
                .get("/campaigns/" + campaignId).then().statusCode(200).extract().jsonPath().getLong("lots[0].lotId");
        Map<String, Object> order = Map.of("lines", List.of(Map.of("lotId", lotId, "grams", 2_000)), "payment",
                "CASH_ON_DELIVERY", "delivery", Map.of("recipient", "Trần Thị Bích", "phone", "0908 123 456", "country", "VN",
                        "province", "Hồ Chí Minh", "commune", "Phường Sài Gòn", "street", "45 Lê Duẩn"));
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            // the same key twice, as a flaky network would: one order
            int status = RestAssured.given().baseUri(BrowserSuite.suite().baseUrl(Service.ORDER))
                    .contentType("application/json").accept("application/json").auth().oauth2(buyer)
                    .header("Idempotency-Key", key).body(order).post("/orders").then().extract().statusCode();
            assertEquals(201, status, "placed, then replayed");
        }

        desk.waitForText(By.id("live-orders"), String.valueOf(before + 1), Duration.ofSeconds(20));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) desk.driver()).executeScript("return window.stillTheSamePage === true;"),
                "the counter moved without a reload");
        desk.screenshot("staff-04-live-dashboard-moved");
    }
}
