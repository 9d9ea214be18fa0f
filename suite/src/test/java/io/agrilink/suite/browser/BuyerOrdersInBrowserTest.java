package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.suite.Service;

/**
 * A buyer in Hà Nội opens the live lychee campaign from the home page, signs in, fills the order
 * form and double-clicks the button: one order, which order-service confirms, and which she finds
 * in My orders with its timeline.
 */
@ExtendWith(BrowserSuite.class)
class BuyerOrdersInBrowserTest {

    private static final String BUYER = "buyer-hanoi";
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
    void buyerOrdersInTheLiveCampaignWithADoubleClickAndGetsOneOrder() throws Exception {
        String token = BrowserSuite.suite().keycloak().password(BUYER, BrowserSuite.demoPassword()).accessToken();
        long before = ordersOf(token);

        desk.open("/");
        desk.waitFor(By.linkText("Xem trực tiếp và đặt hàng")).click();
        desk.waitFor(By.id("counter"));
        String campaignPage = desk.driver().getCurrentUrl();
        assertTrue(campaignPage.matches(".*/campaigns/\\d+"), campaignPage);
        assertTrue(desk.driver().findElement(By.cssSelector("[data-figure=sold]")).getText().endsWith("kg"),
                "the counter has its numbers in the first render");
        desk.screenshot("buyer-01-live-campaign");

        desk.signIn(BUYER);
        assertEquals(campaignPage, desk.driver().getCurrentUrl(), "back on the campaign after signing in");
        WebElement grams = desk.waitFor(By.id("f-grams"));
        grams.clear();
        grams.sendKeys("1500");
        desk.driver().findElement(By.id("f-recipient")).sendKeys("Nguyễn Văn An");
        desk.driver().findElement(By.id("f-phone")).sendKeys("0912 345 678");
        new Select(desk.driver().findElement(By.id("f-province"))).selectByVisibleText("Hà Nội");
        desk.driver().findElement(By.id("f-commune")).sendKeys("Phường Ba Đình");
        desk.driver().findElement(By.id("f-street")).sendKeys("12 Phố Điện Biên Phủ");
        desk.screenshot("buyer-02-order-form");

        WebElement order = desk.driver().findElement(By.xpath("//button[normalize-space()='Đặt hàng']"));
        new Actions(desk.driver()).doubleClick(order).perform();
        desk.waitFor(By.xpath("//h1[normalize-space()='Đã đặt hàng']"));
        String number = desk.driver().findElement(By.className("order-number")).getText();
        assertTrue(number.matches("Đơn số \\d+"), number);
        desk.screenshot("buyer-03-order-placed");

        // a second request of the double click would have landed by now
        Thread.sleep(2_000);
        assertEquals(before + 1, ordersOf(token), "one order for a double click");

        desk.driver().findElement(By.linkText("Theo dõi đơn hàng")).click();
        desk.waitFor(By.xpath("//h1[normalize-space()='" + number + "']"));
        assertTrue(desk.driver().findElements(By.cssSelector(".timeline li")).size() >= 1, "the timeline");
        desk.screenshot("buyer-04-order-timeline");

        desk.driver().findElement(By.linkText("Về Đơn của tôi")).click();
        desk.waitFor(By.xpath("//h1[normalize-space()='Đơn của tôi']"));
        assertEquals(1, desk.driver().findElements(By.linkText(number)).size(), "the order in My orders, once");
        desk.screenshot("buyer-05-my-orders");
    }

    /** How many orders order-service holds for the buyer whose token this is. */
    private static long ordersOf(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BrowserSuite.suite().baseUrl(Service.ORDER) + "/orders?size=1"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body()).path("total").asLong();
    }
}
