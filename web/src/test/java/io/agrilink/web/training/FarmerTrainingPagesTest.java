package io.agrilink.web.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.QrScanner;
import io.agrilink.web.forms.Csrf;
import io.quarkus.test.junit.QuarkusTest;

/** A farmer's training screens on her phone, over a stand-in training-service ({@link TrainingStub}). */
@QuarkusTest
class FarmerTrainingPagesTest {

    private static final String THU = "farmer-thu farmer";
    private static final Instant MAY_20 = Instant.parse("2027-05-20T01:00:00Z"); // 08:00 in Việt Nam

    private Session mayClass;
    private Session fullClass;

    @BeforeEach
    void programme() {
        TrainingStub.reset();
        TrainingStub.COURSES.add(new Course(1, "LIVESTREAM-101", "LIVESTREAM_SELLING", 16,
                Map.of("vi", "Bán hàng qua livestream", "en", "Selling by livestream"),
                Map.of("vi", "Chuẩn bị kịch bản, ánh sáng, chốt đơn."), List.of()));
        TrainingStub.COURSES.add(new Course(2, "PACKAGING-101", "PACKAGING_DESIGN", 8,
                Map.of("vi", "Thiết kế bao bì nông sản"), Map.of("vi", "Bao bì giữ lạnh cho vải tươi."), List.of()));
        mayClass = TrainingStub.session(10, 1, "Bán hàng qua livestream", MAY_20, 20, 17, 0);
        fullClass = TrainingStub.session(11, 2, "Thiết kế bao bì nông sản", MAY_20.plus(Duration.ofDays(3)), 2, 2, 3);
    }

    @Test
    void coursesShowEachSessionsDateVenueAndSeatsLeftWithAButtonToEnrol() {
        given().header("X-Test-User", THU).header("Accept-Language", "vi").get("/farmer/courses").then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("Bán hàng qua livestream"), containsString("Chuẩn bị kịch bản, ánh sáng, chốt đơn."),
                        containsString("08:00 20/05/2027"), containsString("Hội trường UBND xã Lục Ngạn, Lục Ngạn, Bắc Ninh"),
                        containsString("Còn 3/20 chỗ"), containsString("Đã hết chỗ · 3 người đang chờ"),
                        containsString("action=\"/farmer/courses/sessions/10/enrol\""),
                        containsString("action=\"/farmer/courses/sessions/11/enrol\""),
                        containsString("Vào danh sách chờ"), containsString("Bạn chưa đăng ký khoá học nào.")));
        assertEquals("Bearer token-of-farmer-thu", TrainingStub.calls("myEnrolments").get(0).token(),
                "the service is asked as the signed-in farmer");
        assertTrue(TrainingStub.calls("sessions").get(0).body() != null, "only the sessions still to come");
    }

    @Test
    void myEnrolmentsShowMyWaitlistPositionAndAnOfferWithItsExpiryInVietnamTimeAndAnAcceptButton() {
        TrainingStub.enrolment(5, fullClass, "farmer-thu", "Phạm Thị Thu", "WAITLISTED", 2, null, null, null);
        Instant expires = Instant.now().plus(Duration.ofHours(40));
        TrainingStub.enrolment(6, mayClass, "farmer-thu", "Phạm Thị Thu", "OFFERED", null, expires, null, null);
        String page = given().header("X-Test-User", THU).get("/farmer/courses").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Đang chờ chỗ") && page.contains("Vị trí chờ: 2"), "waitlist position shown");
        assertTrue(page.contains("Một chỗ đang được giữ cho bạn đến " + io.agrilink.web.Formats.time(expires)
                + " (giờ Việt Nam)"), "offer expiry in Asia/Ho_Chi_Minh");
        assertTrue(page.contains("action=\"/farmer/courses/enrolments/6/accept\""), "an accept button");
        assertFalse(page.contains("action=\"/farmer/courses/sessions/10/enrol\""),
                "no second enrolment offered in a course she holds a place in");
        assertTrue(page.contains("Bạn đã đăng ký khoá này"));
    }

    @Test
    void anExpiredOfferSaysSoAndHasNoAcceptButton() {
        Instant expired = Instant.now().minus(Duration.ofMinutes(5));
        TrainingStub.enrolment(6, mayClass, "farmer-thu", "Phạm Thị Thu", "OFFERED", null, expired, null, null);
        given().header("X-Test-User", THU).header("Accept-Language", "en").get("/farmer/courses").then()
                .statusCode(200)
                .body(allOf(containsString("The offer expired at " + io.agrilink.web.Formats.time(expired)),
                        not(containsString("/farmer/courses/enrolments/6/accept"))));
    }

    @Test
    void acceptingAnOfferTakesTheSeatOnceAndComesBackToTheEnrolmentConfirmed() {
        TrainingStub.enrolment(6, mayClass, "farmer-thu", "Phạm Thị Thu", "OFFERED", null,
                Instant.now().plus(Duration.ofHours(40)), null, null);
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().header("X-Test-User", THU).cookie(Csrf.COOKIE, token).formParam("csrf", token).redirects().follow(false)
                .post("/farmer/courses/enrolments/6/accept").then().statusCode(303)
                .header("Location", containsString("/farmer/courses#enrolment-6"));
        assertEquals(1, TrainingStub.calls("accept").size());
        assertEquals("Bearer token-of-farmer-thu", TrainingStub.calls("accept").get(0).token());
        given().header("X-Test-User", THU).get("/farmer/courses").then().statusCode(200)
                .body(allOf(containsString("Đã có chỗ"), not(containsString("/enrolments/6/accept"))));
    }

    @Test
    void acceptingAnOfferTooLateSaysItIsGoneBesideIt() {
        TrainingStub.enrolment(6, mayClass, "farmer-thu", "Phạm Thị Thu", "OFFERED", null,
                Instant.now().minus(Duration.ofSeconds(1)), null, null);
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().header("X-Test-User", THU).cookie(Csrf.COOKIE, token).formParam("csrf", token)
                .post("/farmer/courses/enrolments/6/accept").then().statusCode(409)
                .body(allOf(containsString("Lời mời này không còn"), containsString("Lời mời đã hết hạn lúc")));
    }

    @Test
    void enrollingAsksTheServiceOnceAndComesBackToTheNewEnrolment() {
        String token = given().get("/").getCookie(Csrf.COOKIE);
        given().header("X-Test-User", THU).cookie(Csrf.COOKIE, token).formParam("csrf", token).redirects().follow(false)
                .post("/farmer/courses/sessions/11/enrol").then().statusCode(303)
                .header("Location", containsString("/farmer/courses#enrolment-101"));
        assertEquals(1, TrainingStub.calls("enrol").size());
        assertEquals(11L, TrainingStub.calls("enrol").get(0).body());
        given().header("X-Test-User", THU).get("/farmer/courses").then()
                .body(allOf(containsString("id=\"enrolment-101\""), containsString("Vị trí chờ: 4")));
    }

    @Test
    void anEnrolmentTheServiceRefusesSaysWhyBesideTheSession() {
        TrainingStub.enrolProblem = """
                {"title":"Conflict","status":409,"detail":"Course FILMING-101 requires completing LIVESTREAM-101 first",
                 "field":"prerequisites","missingCourses":["LIVESTREAM-101"]}""";
        String token = given().get("/").getCookie(Csrf.COOKIE);
        String page = given().header("X-Test-User", THU).cookie(Csrf.COOKIE, token).formParam("csrf", token)
                .post("/farmer/courses/sessions/11/enrol").then().statusCode(409).extract().asString();
        int sentence = page.indexOf("Khoá này cần hoàn thành trước: LIVESTREAM-101.");
        assertTrue(sentence > page.indexOf("id=\"session-11\""), "the sentence is beside session 11");
        assertFalse(page.contains("requires completing"), "the service's English is not shown");
        TrainingStub.enrolProblem = """
                {"title":"Conflict","status":409,"detail":"farmer-thu already has an enrolment","field":"farmer","enrolmentId":5}""";
        given().header("X-Test-User", THU).cookie(Csrf.COOKIE, token).formParam("csrf", token)
                .post("/farmer/courses/sessions/11/enrol").then().statusCode(409)
                .body(containsString("Bạn đã đăng ký (hoặc đã hoàn thành) khoá học này"));
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefusedAndNothingIsEnrolled() {
        given().header("X-Test-User", THU).post("/farmer/courses/sessions/11/enrol").then().statusCode(403);
        assertEquals(0, TrainingStub.calls("enrol").size());
    }

    @Test
    void aCourseDescriptionWithMarkupRendersAsInertText() {
        TrainingStub.COURSES.add(new Course(3, "XSS-1", "OTHER", 2, Map.of("vi", "Quay <img src=x onerror=alert(1)>"),
                Map.of("vi", "<script>alert('course')</script> & \"vui\""), List.of()));
        String page = given().header("X-Test-User", THU).get("/farmer/courses").then().statusCode(200).extract()
                .asString();
        assertFalse(page.contains("<script>alert"), "no live script");
        assertFalse(page.contains("<img src=x"), "no live image");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;course&#39;)&lt;/script&gt; &amp; &quot;vui&quot;"));
        assertTrue(page.contains("Quay &lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void theTrainingPagesAreForFarmersOnlyAnotherRoleGetsTheForbiddenPage() {
        for (String page : List.of("/farmer/courses", "/farmer/certificates")) {
            given().header("X-Test-User", "staff-hoa staff").header("Accept-Language", "vi").get(page).then()
                    .statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("Bạn không có quyền xem trang này"));
            given().get(page).then().statusCode(401);
        }
        assertEquals(0, TrainingStub.CALLS.size(), "the service was not asked");
    }

    @Test
    void aServiceThatIsDownLeavesThePageWithABanner() {
        TrainingStub.failing = Response.Status.SERVICE_UNAVAILABLE;
        given().header("X-Test-User", THU).get("/farmer/courses").then().statusCode(200)
                .body(allOf(containsString("role=\"alert\""), containsString("Chưa có khoá học nào.")));
    }

    @Test
    void myCertificatesShowTheirPublicLinkAndAQrCodeOfItDrawnOnTheServer() throws Exception {
        TrainingStub.CERTIFICATES.put("K7MZ2QX9PA", new Certificate("K7MZ2QX9PA", "Nguyễn Thị Lan", "LIVESTREAM-101",
                "Bán hàng qua livestream", LocalDate.of(2026, 5, 20), "Sở Công Thương Bắc Ninh",
                Instant.parse("2026-05-20T05:00:00Z"), "eyJ.sig.x", false, null, null));
        String link = "http://localhost:18085/certificates/K7MZ2QX9PA";
        given().header("X-Test-User", "farmer-lan farmer").get("/farmer/certificates").then().statusCode(200)
                .body(allOf(containsString("Bán hàng qua livestream"), containsString("hoàn thành ngày 20/05/2026"),
                        containsString("<a class=\"training-link\" href=\"" + link + "\">" + link + "</a>"),
                        containsString("<img class=\"training-qr\" src=\"/certificates/K7MZ2QX9PA/qr.svg\""),
                        not(containsString("<svg"))));

        String svg = given().get("/certificates/K7MZ2QX9PA/qr.svg").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).extract().asString();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.length() < 10_000, svg.length() + " bytes");
        assertEquals(link, QrScanner.decode(svg), "the QR code reads as the verification link");
    }

    @Test
    void theVerificationPageIsPublicAndSaysWhetherTheCertificateIsValidOrRevoked() {
        TrainingStub.CERTIFICATES.put("K7MZ2QX9PA", new Certificate("K7MZ2QX9PA", "Nguyễn Thị Lan", "LIVESTREAM-101",
                "Bán hàng qua livestream", LocalDate.of(2026, 5, 20), "Sở Công Thương Bắc Ninh",
                Instant.parse("2026-05-20T05:00:00Z"), "eyJ.sig.x", false, null, null));
        given().get("/certificates/K7MZ2QX9PA").then().statusCode(200)
                .body(allOf(containsString("Chứng nhận hợp lệ"), containsString("Nguyễn Thị Lan"),
                        containsString("20/05/2026"), containsString("Sở Công Thương Bắc Ninh")));
        TrainingStub.CERTIFICATES.put("K7MZ2QX9PA", new Certificate("K7MZ2QX9PA", "Nguyễn Thị Lan", "LIVESTREAM-101",
                "Bán hàng qua livestream", LocalDate.of(2026, 5, 20), "Sở Công Thương Bắc Ninh",
                Instant.parse("2026-05-20T05:00:00Z"), "eyJ.sig.x", true, Instant.parse("2026-06-01T03:00:00Z"),
                "cấp nhầm"));
        given().header("Accept-Language", "en").get("/certificates/K7MZ2QX9PA").then().statusCode(200)
                .body(allOf(containsString("This certificate was revoked"), containsString("cấp nhầm"),
                        not(containsString("Valid certificate"))));
        given().get("/certificates/ZZZZZZZZZZ").then().statusCode(404).contentType(containsString("text/html"));
        given().get("/certificates/bad<code>").then().statusCode(404);
    }
}
