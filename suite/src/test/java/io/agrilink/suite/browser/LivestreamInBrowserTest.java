package io.agrilink.suite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.agrilink.suite.Service;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * A livestream of the lychee week in real browsers: staff schedule it for farmer-lan, who goes
 * live from her phone; a viewer watches the stream's page while buyer-hanoi orders from it at her
 * desk and is told the order counted; the viewer's counter moves without a reload; farmer-lan
 * ends the stream and sees its results with the headline; staff look at the streams, the teams
 * and the funnel, whose CSV link answers CSV.
 */
@ExtendWith(BrowserSuite.class)
class LivestreamInBrowserTest {

    private static Browser farmer;
    private static Browser buyer;
    private static Browser viewer;
    private static Browser staff;

    @BeforeAll
    static void browsers() {
        farmer = Browser.phone();
        viewer = Browser.phone();
        buyer = Browser.desktop();
        staff = Browser.desktop();
    }

    @AfterAll
    static void close() {
        for (Browser browser : new Browser[] { farmer, viewer, buyer, staff }) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void aFarmerGoesLiveFromHerPhoneABuyerOrdersFromTheStreamPageAndStaffSeeTheFunnel() {
        String code = scheduledForFarmerLan();

        // farmer-lan on her phone: her streams, the new one with its big go-live button
        farmer.open("/");
        farmer.signIn("farmer-lan");
        farmer.open("/host");
        WebElement goLive = farmer.waitFor(By.id("start-" + code));
        assertEquals("go-live", goLive.getAttribute("data-test"));
        showCard(farmer, code);
        farmer.fitsThePhone();
        farmer.screenshot("live-02-host-go-live");
        goLive.click();
        farmer.waitFor(By.id("end-" + code));
        assertTrue(farmer.driver().getCurrentUrl().contains("moved=" + code), farmer.driver().getCurrentUrl());
        farmer.screenshot("live-02b-host-live");

        // a viewer on a phone keeps the stream's page open; the counter starts at zero
        viewer.open("/live/" + code);
        viewer.waitFor(By.id("live-orders"));
        assertEquals("LIVE", viewer.driver().findElement(By.id("stream")).getAttribute("data-state"));
        assertEquals("0", viewer.driver().findElement(By.id("live-orders")).getText());
        viewer.fitsThePhone();
        ((JavascriptExecutor) viewer.driver()).executeScript("window.stillTheSamePage = true;");

        // buyer-hanoi at her desk orders from the stream's page: the form carries the code
        buyer.open("/live/" + code);
        buyer.signIn("buyer-hanoi");
        assertTrue(buyer.driver().getCurrentUrl().endsWith("/live/" + code), "back on the stream after signing in");
        buyer.waitFor(By.id("f-grams"));
        assertEquals(code, buyer.driver().findElement(By.id("order-live")).getAttribute("value"));
        WebElement grams = buyer.driver().findElement(By.id("f-grams"));
        grams.clear();
        grams.sendKeys("2000");
        buyer.driver().findElement(By.id("f-recipient")).sendKeys("Nguyễn Văn An");
        buyer.driver().findElement(By.id("f-phone")).sendKeys("0912 345 678");
        new Select(buyer.driver().findElement(By.id("f-province"))).selectByVisibleText("Hà Nội");
        buyer.driver().findElement(By.id("f-commune")).sendKeys("Phường Ba Đình");
        buyer.driver().findElement(By.id("f-street")).sendKeys("12 Phố Điện Biên Phủ");
        buyer.screenshot("live-01b-order-form");
        buyer.driver().findElement(By.xpath("//button[normalize-space()='Đặt hàng']")).click();
        buyer.waitFor(By.xpath("//h1[normalize-space()='Đã đặt hàng']"));
        WebElement counted = buyer.waitFor(By.id("placed-livestream"));
        assertEquals("true", counted.getAttribute("data-attributed"), counted.getText());
        assertTrue(counted.getText().contains("Đơn được tính cho buổi phát") && counted.getText().contains(code),
                counted.getText());
        buyer.screenshot("live-01c-order-counted");

        // the viewer's counter shows the order, polled, without a reload
        viewer.waitForText(By.id("live-orders"), "1", Duration.ofSeconds(20));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) viewer.driver())
                .executeScript("return window.stillTheSamePage === true;"), "the counter moved without a reload");
        assertEquals("2", viewer.driver().findElement(By.id("live-kg")).getText().replaceAll("[^0-9,]", ""));
        viewer.screenshot("live-01-stream-page");

        // farmer-lan ends the stream and sees its results with the headline
        farmer.open("/host");
        farmer.waitFor(By.id("results-" + code + "-orders"));
        assertEquals("1", farmer.driver().findElement(By.id("results-" + code + "-orders")).getText());
        WebElement end = farmer.driver().findElement(By.id("end-" + code));
        ((JavascriptExecutor) farmer.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", end);
        end.click();
        WebElement headline = farmer.waitFor(By.id("results-" + code + "-headline"));
        assertTrue(headline.getText().matches(".*\\d.*(kg|t|g).*"), headline.getText());
        assertTrue(farmer.driver().findElements(By.id("end-" + code)).isEmpty(), "no end button once ended");
        assertFalse(farmer.driver().findElement(By.id("results-" + code + "-revenue")).getText().isBlank());
        showCard(farmer, code);
        farmer.fitsThePhone();
        farmer.screenshot("live-03-results");

        // staff at the desk: the streams by state, the teams, the funnel and its CSV
        staff.open("/");
        staff.signIn("staff-hoa");
        staff.open("/staff/streams");
        staff.waitFor(By.cssSelector("section#streams-ENDED tr[data-code='" + code + "']"));
        assertFalse(staff.driver().findElements(By.cssSelector("section#streams-LIVE tr[data-code]")).isEmpty(),
                "the demo's KOL stream is live");
        staff.screenshot("live-05-staff-streams");
        staff.open("/staff/teams");
        staff.waitFor(By.xpath("//*[normalize-space()='Tổ bán hàng Phượng Sơn']"));
        staff.screenshot("live-06-staff-teams");
        staff.open("/staff/funnel?by=team");
        staff.waitFor(By.id("funnel-csv"));
        WebElement team = staff.waitFor(By.xpath("//*[normalize-space()='Tổ bán hàng Phượng Sơn']"));
        assertFalse(staff.driver().findElements(By.cssSelector("tr[data-step]")).isEmpty(), "the funnel's steps");
        ((JavascriptExecutor) staff.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'});", team);
        assertTrue(staff.driver().findElements(By.cssSelector("[data-test=source-unavailable]")).isEmpty(),
                "catalog and order-service answered training");
        staff.screenshot("live-04-staff-funnel");
        Object contentType = ((JavascriptExecutor) staff.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('funnel-csv').href, {credentials: 'same-origin'})"
                        + ".then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + ' ' + t.split('\\n')[0])))"
                        + ".catch(e => done('failed ' + e));");
        assertTrue(String.valueOf(contentType).startsWith("200 text/csv"), String.valueOf(contentType));
        assertTrue(String.valueOf(contentType).contains("key,label,enrolled"), String.valueOf(contentType));
    }

    /** Scrolls the host page so that the stream's card starts at the top of the screen. */
    private static void showCard(Browser browser, String code) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'});",
                browser.driver().findElement(By.id("stream-" + code)));
    }

    /** Staff schedule a stream of the lychee week with farmer-lan as its FARMER host (through catalog's API). */
    private static String scheduledForFarmerLan() {
        String token = BrowserSuite.suite().keycloak().password("staff-hoa", BrowserSuite.demoPassword()).accessToken();
        String catalog = BrowserSuite.suite().baseUrl(Service.CATALOG);
        JsonPath live = RestAssured.given().baseUri(catalog).accept("application/json").queryParam("state", "LIVE")
                .get("/livestreams").then().statusCode(200).extract().jsonPath();
        long campaign = live.getLong("[0].campaign.id");
        long lot = RestAssured.given().baseUri(catalog).accept("application/json").get("/campaigns/" + campaign).then()
                .statusCode(200).extract().jsonPath().getLong("lots[0].lotId");
        Instant start = Instant.now().plus(Duration.ofMinutes(10));
        return RestAssured.given().baseUri(catalog).contentType("application/json").accept("application/json")
                .auth().oauth2(token).body(Map.of("title", "Vườn vải nhà Lan – chốt đơn buổi sáng", "platform", "FACEBOOK",
                        "url", "https://www.facebook.com/htxvaithieulucngan/live", "plannedStart", start.toString(),
                        "plannedEnd", start.plus(Duration.ofHours(2)).toString(), "campaignId", campaign, "lotIds",
                        List.of(lot), "hosts", List.of(Map.of("kind", "FARMER", "subject", "farmer-lan"))))
                .post("/livestreams").then().statusCode(201).extract().jsonPath().getString("code");
    }
}
