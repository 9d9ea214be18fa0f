package io.agrilink.suite.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import io.agrilink.suite.Service;
import io.restassured.path.json.JsonPath;

/**
 * The demo's farmer-thu waits for a seat in the full KOL/KOC club; a seat was freed and is held for
 * her. On her phone she signs in, sees the offer with its expiry in Việt Nam time, accepts it, and
 * sees her seat confirmed; training-service agrees (one seat, the waitlist one shorter). And
 * farmer-lan shows her certificate's QR code, whose link opens the public verification page; staff
 * at a desk certify an attendee, revoke it with a reason, and read the report.
 */
@ExtendWith(BrowserSuite.class)
class FarmerAcceptsAWaitlistOfferInBrowserTest {

    private static final String CLUB = "Câu lạc bộ KOL/KOC nông sản";
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private Browser phone;

    @AfterEach
    void close() {
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    void farmerWithAWaitlistOfferAcceptsItFromHerPhoneAndSeesHerSeatConfirmed() {
        Map<String, Object> offer = clubEnrolment();
        assertEquals("OFFERED", offer.get("status"), "the demo holds a seat for farmer-thu");
        long enrolment = ((Number) offer.get("id")).longValue();
        String expiry = WALL_CLOCK.format(Instant.parse((String) offer.get("offerExpiresAt")));

        phone = Browser.phone();
        phone.open("/");
        phone.signIn("farmer-thu");
        phone.open("/farmer/courses");
        WebElement card = phone.waitFor(By.id("enrolment-" + enrolment));
        assertTrue(card.getText().contains(CLUB), card.getText());
        assertTrue(card.getText().contains("Có chỗ dành cho bạn"), card.getText());
        assertTrue(card.getText().contains("Một chỗ đang được giữ cho bạn đến " + expiry + " (giờ Việt Nam)"),
                "the offer's expiry in Việt Nam time: " + card.getText());
        phone.fitsThePhone();
        phone.screenshot("training-01-waitlist-offer");

        card.findElement(By.xpath(".//button[normalize-space()='Nhận chỗ']")).click();
        phone.waitFor(By.xpath("//li[@id='enrolment-" + enrolment
                + "']//p[contains(@class,'training-status') and starts-with(normalize-space(), 'Đã có chỗ')]"));
        card = phone.driver().findElement(By.id("enrolment-" + enrolment));
        assertEquals(0, card.findElements(By.tagName("button")).size(), "nothing left to accept");
        assertTrue(phone.driver().getCurrentUrl().endsWith("/farmer/courses#enrolment-" + enrolment),
                phone.driver().getCurrentUrl());
        phone.fitsThePhone();
        phone.screenshot("training-02-seat-confirmed");

        Map<String, Object> seated = clubEnrolment();
        assertEquals("SEATED", seated.get("status"));
        assertEquals(enrolment, ((Number) seated.get("id")).longValue(), "the same enrolment, not a second one");
        JsonPath club = training("farmer-thu").get("/sessions/" + seated.get("sessionId")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, club.getInt("seatsTaken"), "two seats taken of two");
        assertEquals(1, club.getInt("waitlistLength"), "farmer-thao still waits");
    }

    @Test
    void farmerShowsHerCertificatesQrCodeAndItsLinkOpensThePublicVerification() {
        phone = Browser.phone();
        phone.open("/");
        phone.signIn("farmer-lan");
        phone.open("/farmer/certificates");
        WebElement qr = phone.waitFor(By.cssSelector("img.training-qr"));
        long drawn = (Long) ((JavascriptExecutor) phone.driver()).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0;", qr);
        assertTrue(drawn > 0, "the QR code's SVG loaded");
        String link = phone.driver().findElement(By.cssSelector("a.training-link")).getAttribute("href");
        assertTrue(link.startsWith(BrowserSuite.suite().webUrl() + "/certificates/"), link);
        phone.fitsThePhone();
        phone.screenshot("training-03-certificate-qr");

        phone.driver().manage().deleteAllCookies();
        phone.driver().get(link);
        phone.waitFor(By.xpath("//p[contains(@class,'training-verdict') and contains(.,'Chứng nhận hợp lệ')]"));
        assertTrue(phone.driver().getPageSource().contains("Bán hàng qua livestream"));
        assertEquals(1, phone.driver().findElements(By.linkText("Đăng nhập")).size(), "anyone may verify, signed out");
        phone.fitsThePhone();
        phone.screenshot("training-04-certificate-verified");
    }

    @Test
    void staffMarkAnAttendeeIssuingHerCertificateRevokeItWithAReasonAndReadTheReport() {
        String staff = BrowserSuite.suite().tokens(Duration.ofMinutes(5)).token("staff", "staff-hoa");
        List<Map<String, Object>> sessions = given().baseUri(BrowserSuite.suite().baseUrl(Service.TRAINING))
                .auth().oauth2(staff).get("/sessions?size=100").then().statusCode(200).extract().jsonPath()
                .getList("items");
        // the online packaging class: completing it changes nothing in catalog (only livestream selling does)
        long packaging = sessions.stream().filter(x -> "PACKAGING-101".equals(x.get("courseCode")))
                .map(x -> ((Number) x.get("id")).longValue()).findFirst().orElseThrow();

        Browser desk = Browser.desktop();
        try {
            desk.open("/");
            desk.signIn("staff-hoa");
            desk.open("/staff/training");
            desk.waitFor(By.cssSelector("a[href='/staff/training/sessions/" + packaging + "']")).click();
            By minh = By.xpath("//tr[th[@scope='row' and contains(., 'Trần Văn Minh')]]");
            desk.waitFor(minh);
            desk.screenshot("training-05-staff-register");

            new org.openqa.selenium.support.ui.Select(desk.driver().findElement(minh).findElement(By.tagName("select")))
                    .selectByVisibleText("Đã hoàn thành");
            desk.driver().findElement(By.xpath("//button[normalize-space()='Lưu điểm danh']")).click();
            WebElement certificate = desk.waitFor(By.xpath("//tr[th[@scope='row' and contains(., 'Trần Văn Minh')]]"
                    + "//a[starts-with(@href, '/certificates/')]"));
            String code = certificate.getText();
            assertEquals(0, desk.driver().findElement(minh).findElements(By.tagName("select")).size(),
                    "a certified line cannot be marked again");

            WebElement revoke = desk.driver().findElement(
                    By.xpath("//form[contains(@action, '/certificates/" + code + "/revoke')]"));
            revoke.findElement(By.name("reason")).sendKeys("Điểm danh nhầm người");
            revoke.findElement(By.tagName("button")).click();
            desk.waitFor(By.xpath("//div[@id='certificate-" + code + "' and contains(., 'Đã bị thu hồi')]"));
            desk.screenshot("training-06-certificate-revoked");
            JsonPath revoked = given().baseUri(BrowserSuite.suite().baseUrl(Service.TRAINING))
                    .get("/certificates/" + code).then().statusCode(200).extract().jsonPath();
            assertTrue(revoked.getBoolean("revoked"));
            assertEquals("Điểm danh nhầm người", revoked.getString("revokeReason"));

            desk.open("/staff/training/reports");
            desk.waitFor(By.xpath("//table[caption[normalize-space()='Theo khoá học']]//th[@scope='row' and normalize-space()='PACKAGING-101']"));
            desk.screenshot("training-07-staff-report");
        } finally {
            desk.close();
        }
    }

    /** farmer-thu's enrolment in the KOL/KOC club, as training-service has it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> clubEnrolment() {
        List<Map<String, Object>> mine = training("farmer-thu").get("/me/enrolments?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<Map<String, Object>> club = mine.stream().filter(e -> "KOL-KOC-101".equals(e.get("courseCode"))).toList();
        assertEquals(1, club.size(), "one enrolment in the club: " + mine);
        return club.get(0);
    }

    private static io.restassured.specification.RequestSpecification training(String farmer) {
        String token = BrowserSuite.suite().tokens(Duration.ofMinutes(5)).token("farmer", farmer);
        return given().baseUri(BrowserSuite.suite().baseUrl(Service.TRAINING)).auth().oauth2(token);
    }
}
