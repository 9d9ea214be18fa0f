package io.agrilink.web.carrier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.forms.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The carrier's screens and staff's shipments page over a stand-in logistics-service ({@link LogisticsStub}). */
@QuarkusTest
class CarrierPagesTest {

    private static final String CARRIER = "carrier-kinhbac carrier";

    private String token;

    @BeforeEach
    void freshLogistics() {
        LogisticsStub.reset();
        token = given().get("/").getCookie(Csrf.COOKIE);
    }

    private RequestSpecification as(String user) {
        return as(user, "vi");
    }

    private RequestSpecification as(String user, String language) {
        return given().header("X-Test-User", user).header("Accept-Language", language).redirects().follow(false);
    }

    /** A form of our pages as a browser sends it: UTF-8, with this browser's form token. */
    private RequestSpecification posting(String user) {
        return posting(user, "vi");
    }

    private RequestSpecification posting(String user, String language) {
        return as(user, language).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie(Csrf.COOKIE, token).formParam("csrf", token);
    }

    @Test
    void openLoadsShowRouteWeightTemperatureDeadlineAndATakeButtonWithTheFormToken() {
        as(CARRIER).cookie(Csrf.COOKIE, token).get("/carrier").then().statusCode(200)
                .body(allOf(containsString("AL-2026-0001"), containsString("AL-2026-0002"),
                        not(containsString("AL-2026-0003")), containsString("HTX Vải thiều Lục Ngạn · Xã Lục Ngạn, Bắc Ninh"),
                        containsString("Phường Ba Đình, Hà Nội"), containsString("3\u00a0kg"),
                        containsString("Từ 2\u00a0°C đến 5\u00a0°C"), containsString("17:00 12/06/2027"), not(containsString("Đã trễ hạn")),
                        containsString("195.000\u00a0₫"), containsString("action=\"/carrier/loads/1/take\""),
                        containsString("<input type=\"hidden\" name=\"csrf\" value=\"" + token + "\">"),
                        containsString("Nhận chuyến này")));
        assertEquals("Bearer token-of-carrier-kinhbac", LogisticsStub.TOKENS.get(0), "called as the signed-in carrier");
    }

    @Test
    void takingALoadSendsTheCarrierToItAndItIsListedAsMine() {
        posting(CARRIER).post("/carrier/loads/1/take").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/carrier/shipments/1"));
        assertEquals(1, LogisticsStub.ACCEPTS.get(LogisticsStub.OPEN).get());
        as(CARRIER).get("/carrier/shipments").then().statusCode(200)
                .body(allOf(containsString("href=\"/carrier/shipments/1\""), containsString("Đã nhận, chờ lấy hàng")));
        as(CARRIER).get("/carrier").then().body(not(containsString("AL-2026-0001")));
    }

    @Test
    void theLoserOfATenderRaceReadsInWordsThatAnotherCarrierTookIt() {
        posting(CARRIER, "en").post("/carrier/loads/2/take").then().statusCode(409)
                .body(allOf(containsString("Another carrier took this load just before you"),
                        not(containsString("another carrier has it")), not(containsString("AL-2026-0002"))));
        posting(CARRIER).post("/carrier/loads/2/take").then().statusCode(409)
                .body(containsString("Một đơn vị vận chuyển khác vừa nhận chuyến này trước bạn."));
    }

    @Test
    void aDoubleSubmittedTakeLandsOnTheLoadBothTimesAndTakesItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> press = () -> posting(CARRIER).post("/carrier/loads/1/take").statusCode();
            List<Future<Integer>> presses = pool.invokeAll(List.of(press, press));
            for (Future<Integer> p : presses) {
                assertEquals(303, p.get(), "each press goes on to the load");
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(2, LogisticsStub.ACCEPTS.get(LogisticsStub.OPEN).get(), "both presses reached the service");
        assertEquals(LogisticsStub.ME, LogisticsStub.SHIPMENTS.get(LogisticsStub.OPEN).get("carrierId"));
        assertEquals(1, LogisticsStub.EVENTS.get(LogisticsStub.OPEN).size(), "taken once");
    }

    @Test
    void pickupRecordsTheStepAndTemperaturesAreRecordedInCelsiusWithACommaOrAPoint() {
        posting(CARRIER).post("/carrier/loads/1/take");
        posting(CARRIER).formParam("status", "PICKED_UP").post("/carrier/shipments/1/steps").then().statusCode(303);
        assertEquals("PICKED_UP", LogisticsStub.SHIPMENTS.get(LogisticsStub.OPEN).get("status"));
        posting(CARRIER).formParam("value", "4,5").post("/carrier/shipments/1/temperatures").then().statusCode(303);
        posting(CARRIER).formParam("value", "9").post("/carrier/shipments/1/temperatures").then().statusCode(303);
        assertEquals(2, LogisticsStub.READINGS.get(LogisticsStub.OPEN).size());
        assertEquals(4.5, LogisticsStub.READINGS.get(LogisticsStub.OPEN).get(0).get("celsius"));
        assertEquals("C", LogisticsStub.READINGS.get(LogisticsStub.OPEN).get(0).get("unit"));
        as(CARRIER).get("/carrier/shipments/1").then().statusCode(200)
                .body(allOf(containsString("Đã lấy hàng"), containsString("4,5\u00a0°C"), containsString("9\u00a0°C"),
                        containsString("Ngoài khoảng cho phép"), containsString("name=\"location\"")));
    }

    @Test
    void aTemperatureThatIsNotANumberIsSaidByTheFieldAndKept() {
        posting(CARRIER).formParam("value", "lạnh").post("/carrier/shipments/3/temperatures").then().statusCode(400)
                .body(allOf(containsString("id=\"f-value-error\""), containsString("Nhập nhiệt độ bằng số"),
                        containsString("value=\"lạnh\"")));
        assertEquals(null, LogisticsStub.READINGS.get(LogisticsStub.OUT_FOR_DELIVERY), "nothing recorded");
    }

    @Test
    void aWrongDeliveryCodeIsSaidNextToTheCodeFieldAndNothingTypedIsLost() {
        posting(CARRIER).formParam("proof.recipientName", "Nguyễn Văn An").formParam("proof.deliveryCode", "111111")
                .formParam("cashCollected", "195.000").post("/carrier/shipments/3/delivery").then().statusCode(422)
                .body(allOf(containsString("<p class=\"error\" id=\"f-proof.deliveryCode-error\" role=\"alert\">"
                        + "Mã này không khớp với mã giao hàng của người mua. Hãy hỏi lại người mua.</p>"),
                        containsString("aria-invalid=\"true\" aria-describedby=\"f-proof.deliveryCode-error\""),
                        containsString("value=\"Nguyễn Văn An\""), containsString("value=\"111111\""),
                        containsString("value=\"195.000\""), not(containsString("f-cashCollected-error"))));
        assertEquals("OUT_FOR_DELIVERY", LogisticsStub.SHIPMENTS.get(LogisticsStub.OUT_FOR_DELIVERY).get("status"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRightCodeDeliversAndTheCashCollectedGoesInWholeDong() {
        posting(CARRIER).formParam("proof.recipientName", "Nguyễn Văn An").formParam("proof.deliveryCode", " 482913 ")
                .formParam("cashCollected", "195.000").post("/carrier/shipments/3/delivery").then().statusCode(303);
        Map<String, Object> step = LogisticsStub.lastStep;
        assertEquals("DELIVERED", step.get("status"));
        assertEquals(195000, ((Number) step.get("cashCollected")).intValue());
        assertEquals("482913", ((Map<String, Object>) step.get("proof")).get("deliveryCode"));
        as(CARRIER).get("/carrier/shipments/3").then().statusCode(200)
                .body(allOf(containsString("Đã giao"), containsString("Nguyễn Văn An đã nhận hàng lúc"),
                        containsString("Đã thu 195.000\u00a0₫."), not(containsString("action=\"/carrier/shipments/3/delivery\""))));
    }

    @Test
    void aCashAmountThatIsNotWholeDongIsSaidByItsFieldBeforeTheServiceIsCalled() {
        posting(CARRIER).formParam("proof.recipientName", "An").formParam("proof.deliveryCode", "482913")
                .formParam("cashCollected", "195k").post("/carrier/shipments/3/delivery").then().statusCode(400)
                .body(containsString("id=\"f-cashCollected-error\""));
        assertEquals(null, LogisticsStub.lastStep);
    }

    @Test
    void anExportLoadShowsItsPapersAndPickupBeforeThemIsRefusedInWords() {
        as(CARRIER).get("/carrier/shipments/4").then().statusCode(200)
                .body(allOf(containsString("Giấy tờ xuất khẩu"), containsString("✓ Chiếu xạ 400 Gy: IRR-2026-77"),
                        containsString("action=\"/carrier/shipments/4/papers/PHYTOSANITARY_CERTIFICATE\""),
                        containsString("Cần đủ giấy tờ xuất khẩu trước khi lấy hàng.")));
        posting(CARRIER).formParam("status", "PICKED_UP").post("/carrier/shipments/4/steps").then().statusCode(409)
                .body(containsString("Chưa thể lấy hàng: còn thiếu giấy tờ xuất khẩu."));
        posting(CARRIER).formParam("documentRef", "").post("/carrier/shipments/4/papers/PHYTOSANITARY_CERTIFICATE")
                .then().statusCode(400).body(containsString("id=\"f-documentRef-PHYTOSANITARY_CERTIFICATE-error\""));
        posting(CARRIER).formParam("documentRef", "KD-2026-1234").post("/carrier/shipments/4/papers/PHYTOSANITARY_CERTIFICATE")
                .then().statusCode(303);
        posting(CARRIER).formParam("status", "PICKED_UP").post("/carrier/shipments/4/steps").then().statusCode(303);
        assertEquals("PICKED_UP", LogisticsStub.SHIPMENTS.get(LogisticsStub.EXPORT).get("status"));
    }

    @Test
    void onTheRoadNeedsWhereTheDriverIs() {
        LogisticsStub.SHIPMENTS.get(LogisticsStub.OUT_FOR_DELIVERY).put("status", "PICKED_UP");
        LogisticsStub.SHIPMENTS.get(LogisticsStub.OUT_FOR_DELIVERY).put("allowedNext", List.of("IN_TRANSIT"));
        posting(CARRIER).formParam("status", "IN_TRANSIT").formParam("location", " ").post("/carrier/shipments/3/steps")
                .then().statusCode(400).body(containsString("id=\"f-location-error\""));
        posting(CARRIER).formParam("status", "IN_TRANSIT").formParam("location", "Cao tốc Hà Nội – Bắc Giang")
                .post("/carrier/shipments/3/steps").then().statusCode(303);
        assertEquals("Cao tốc Hà Nội – Bắc Giang", LogisticsStub.lastStep.get("location"));
    }

    @Test
    void anotherCarriersShipmentIsAForbiddenPageInWords() {
        as(CARRIER).get("/carrier/shipments/5").then().statusCode(403)
                .body(containsString("Bạn không có quyền xem trang này"));
    }

    @Test
    void anAccountThatIsNoRegisteredCarrierIsToldSo() {
        as("carrier-unknown carrier").get("/carrier").then().statusCode(200)
                .body(containsString("chưa được đăng ký là đơn vị vận chuyển"));
    }

    @Test
    void staffSeeShipmentsAtRiskAndTemperatureAlerts() {
        as("staff-hoa staff").queryParam("withinHours", 48).get("/staff/shipments").then().statusCode(200)
                .body(allOf(containsString("Cảnh báo nhiệt độ"), containsString("AL-2026-0005"),
                        containsString("9.00 °C (read 9 C) is outside 2.0–5.0 °C"), containsString("Đã trễ hạn"),
                        containsString("AL-2026-0003"), containsString("2 chuyến có nguy cơ"),
                        containsString("<option value=\"48\" selected>")));
        assertEquals(48, LogisticsStub.lastStep.get("withinHours"));
    }

    @Test
    void theHeaderLeadsACarrierToTheLoadsAndStaffToTheirPages() {
        as(CARRIER).get("/carrier/shipments").then().statusCode(200)
                .body(allOf(containsString("<a href=\"/carrier\">Chuyến hàng</a>"), not(containsString("href=\"/staff\""))));
        as("staff-hoa staff").get("/staff/shipments").then().statusCode(200)
                .body(allOf(containsString("<a href=\"/staff\">Quản lý</a>"), not(containsString("<a href=\"/carrier\">"))));
    }

    @Test
    void wrongRolesAreRefused() {
        for (String path : List.of("/carrier", "/carrier/shipments", "/carrier/shipments/3")) {
            as("staff-hoa staff").get(path).then().statusCode(403);
            as("buyer-hanoi buyer").get(path).then().statusCode(403);
            given().redirects().follow(false).get(path).then().statusCode(401);
        }
        as(CARRIER).get("/staff/shipments").then().statusCode(403);
        as("farmer-lan farmer").get("/staff/shipments").then().statusCode(403);
        posting("buyer-hanoi buyer").post("/carrier/loads/1/take").then().statusCode(403);
        assertTrue(LogisticsStub.ACCEPTS.isEmpty(), "no accept reached the service");
    }
}
