package io.agrilink.web.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.FakeCatalog;
import io.agrilink.web.client.Campaign;
import io.agrilink.web.forms.Csrf;
import io.agrilink.web.staff.client.Dashboard;
import io.agrilink.web.staff.client.StaffOrder;
import io.agrilink.web.staff.client.StaffProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The staff screens over stand-ins of catalog-service and order-service ({@link StaffStubs}). */
@QuarkusTest
class StaffPagesTest {

    private static final String STAFF = "staff-hoa staff";

    @Inject
    @RestClient
    FakeCatalog publicCatalog;

    @BeforeEach
    void reset() {
        StaffStubs.reset();
        publicCatalog.reset();
    }

    /** A signed-in staff member's browser: the form token's cookie, and the same token for a form's field. */
    private static String token() {
        return given().header("X-Test-User", STAFF).get("/staff").then().statusCode(200).extract().cookie(Csrf.COOKIE);
    }

    private static RequestSpecification form(String token) {
        return given().header("X-Test-User", STAFF).header("Accept-Language", "vi").cookie(Csrf.COOKIE, token)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", token).redirects().follow(false);
    }

    private static StaffProducer producer(long id, String name, StaffProducer.Certification... certifications) {
        StaffProducer p = new StaffProducer(id, name, "COOPERATIVE", "Bắc Ninh", "Xã Lục Ngạn", "0204 3882 123", "BN-LN-01",
                List.of(certifications), new StaffProducer.Ocop(4, "PROVINCIAL", null), true, List.of("farmer-lan"));
        StaffStubs.PRODUCERS.put(id, p);
        return p;
    }

    private static StaffOrder order(long id, String buyer, String status, String payment, Instant due) {
        StaffOrder o = new StaffOrder(id, "ref-" + id, buyer, status, payment, 10_000, 550_000,
                Instant.parse("2026-06-10T02:05:00Z"), due, null, null, null,
                new StaffOrder.Delivery("Trần Thị Bích", "0908 123 456", "VN", "Hồ Chí Minh", "Phường Sài Gòn", "45 Lê Duẩn", null),
                List.of(new StaffOrder.Line(1, 20, 2L, "Vải thiều loại 1", "HTX Vải thiều Phượng Sơn", 10_000, null, 55_000,
                        550_000, 1L)));
        StaffStubs.ORDERS.put(id, o);
        return o;
    }

    @Test
    void theStaffHomeLinksEveryStaffScreenIncludingTrainingAndShipments() {
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff").then().statusCode(200)
                .body(allOf(containsString("href=\"/staff/campaigns\""), containsString("href=\"/staff/orders\""),
                        containsString("href=\"/staff/producers\""), containsString("href=\"/staff/producers/accounts\""),
                        containsString("href=\"/staff/training\""), containsString("href=\"/staff/shipments\""),
                        containsString("Quản lý chương trình")));
    }

    @Test
    void anotherRoleGetsTheForbiddenPageOnEveryStaffScreenAndNoServiceIsCalled() {
        producer(1, "HTX Phượng Sơn");
        for (String path : List.of("/staff", "/staff/producers", "/staff/producers/1", "/staff/producers/accounts",
                "/staff/campaigns", "/staff/campaigns/new", "/staff/campaigns/1/live", "/staff/campaigns/1/live/numbers",
                "/staff/orders", "/staff/orders/41")) {
            for (String who : List.of("farmer-lan farmer", "buyer-hanoi buyer", "carrier-coldchain carrier")) {
                String page = given().header("X-Test-User", who).header("Accept-Language", "vi").get(path).then()
                        .statusCode(403).extract().asString();
                assertTrue(page.contains("Bạn không có quyền xem trang này"), path + ": " + page);
            }
            given().get(path).then().statusCode(401);
        }
        String token = given().header("X-Test-User", "farmer-lan farmer").get("/").getCookie(Csrf.COOKIE);
        given().header("X-Test-User", "farmer-lan farmer").cookie(Csrf.COOKIE, token).formParam("csrf", token)
                .formParam("username", "0987654321").post("/staff/producers/accounts").then().statusCode(403);
        assertEquals(List.of(), StaffStubs.RECEIVED);
    }

    @Test
    void producersAreListedWithTheirCertificationsExpiryMarkedAndAScriptInANameIsInertText() {
        LocalDate today = LocalDate.now();
        producer(1, "HTX <script>alert('x')</script> Phượng Sơn",
                new StaffProducer.Certification("VIETGAP", "VG-01", today.minusYears(2), today.minusDays(3), false),
                new StaffProducer.Certification("GLOBALGAP", "GG-7", today.minusYears(1), today.plusDays(20), true),
                new StaffProducer.Certification("ORGANIC", "OR-3", today.minusYears(1), today.plusYears(2), true));
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/producers").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("HTX &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Phượng Sơn"), page);
        assertTrue(!page.contains("<script>alert"), "the name is text, not a script");
        assertTrue(page.contains("VIETGAP VG-01 · đến " + fmt(today.minusDays(3)) + " <strong>(hết hạn)</strong>"), page);
        assertTrue(page.contains("GLOBALGAP GG-7 · đến " + fmt(today.plusDays(20)) + " <strong>(sắp hết hạn)</strong>"), page);
        assertTrue(page.contains("ORGANIC OR-3 · đến " + fmt(today.plusYears(2)) + "</span>"), page);
        assertTrue(StaffStubs.RECEIVED.contains("GET /producers Bearer token-of-staff-hoa"), StaffStubs.RECEIVED.toString());
        given().header("X-Test-User", STAFF).get("/staff/producers/1").then().statusCode(200)
                .body(containsString("<h1>HTX &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Phượng Sơn</h1>"))
                .body(containsString("name=\"csrf\""));
        given().header("X-Test-User", STAFF).header("Accept-Language", "en").get("/staff/producers/404").then()
                .statusCode(404).body(containsString("This page does not exist"));
    }

    private static String fmt(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    @Test
    void addingACertificationReplacesTheProducerWithItAppendedAndEverythingElseKept() {
        producer(1, "HTX Phượng Sơn", new StaffProducer.Certification("VIETGAP", "VG-01", LocalDate.of(2025, 1, 1),
                LocalDate.of(2028, 1, 1), true));
        String token = token();
        form(token).formParam("scheme", "GLOBALGAP").formParam("code", "GG-2026-7").formParam("issuedOn", "2026-05-01")
                .formParam("expiresOn", "2029-04-30").post("/staff/producers/1/certifications").then().statusCode(303)
                .header("Location", containsString("/staff/producers/1?added=true"));
        var sent = StaffStubs.LAST_BODY.get("PUT /producers");
        assertEquals(2, sent.path("certifications").size(), sent.toString());
        assertEquals("VG-01", sent.path("certifications").get(0).path("code").asText());
        assertEquals("2029-04-30", sent.path("certifications").get(1).path("expiresOn").asText());
        assertEquals("HTX Phượng Sơn", sent.path("name").asText());
        assertEquals("COOPERATIVE", sent.path("kind").asText());
        assertEquals("0204 3882 123", sent.path("phone").asText());
        assertEquals("BN-LN-01", sent.path("growingAreaCode").asText());
        assertEquals(4, sent.path("ocop").path("stars").asInt());
        assertEquals("farmer-lan", sent.path("owners").get(0).asText());
        assertTrue(StaffStubs.RECEIVED.contains("PUT /producers/1 Bearer token-of-staff-hoa"));
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/producers/1?added=true").then()
                .statusCode(200).body(containsString("Đã thêm chứng nhận.")).body(containsString("GG-2026-7"));
    }

    @Test
    void aRefusedCertificationSaysWhyNextToItsFieldAndKeepsWhatWasTyped() {
        producer(1, "HTX Phượng Sơn", new StaffProducer.Certification("VIETGAP", "VG-01", LocalDate.of(2025, 1, 1),
                LocalDate.of(2028, 1, 1), true));
        String token = token();
        String page = form(token).formParam("scheme", "ORGANIC").formParam("code", "OR-9").formParam("issuedOn", "2026-05-01")
                .formParam("expiresOn", "2026-04-01").post("/staff/producers/1/certifications").then().statusCode(400)
                .extract().asString();
        assertTrue(page.contains("<p class=\"error\" id=\"f-expiresOn-error\" role=\"alert\">Phải sau ngày cấp.</p>"), page);
        assertTrue(page.contains("value=\"OR-9\""), page);
        assertTrue(page.contains("value=\"2026-04-01\""), page);
        assertTrue(page.contains("<option value=\"ORGANIC\" selected>"), page);
        assertEquals(1, StaffStubs.PRODUCERS.get(1L).certifications().size(), "nothing added");
    }

    @Test
    void registeringAFarmerByPhoneShowsTheTemporaryPasswordOnceAndNeverCachesIt() {
        String token = token();
        form(token).formParam("username", "0987 654 321").formParam("lastName", "Nguyễn Thị").formParam("firstName", "Lan")
                .formParam("email", "").post("/staff/producers/accounts").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("<code id=\"temporary-password\">kq7m-x4pd-z9ht</code>"))
                .body(containsString("Đã tạo tài khoản 0987 654 321"));
        var sent = StaffStubs.LAST_BODY.get("POST /accounts");
        assertEquals("farmer", sent.path("role").asText());
        assertEquals("0987 654 321", sent.path("username").asText());
        assertTrue(sent.path("email").isMissingNode(), "no empty email sent: " + sent);
        assertTrue(StaffStubs.RECEIVED.contains("POST /accounts Bearer token-of-staff-hoa"));
        given().header("X-Test-User", STAFF).get("/staff/producers/accounts").then().statusCode(200)
                .body(not(containsString("kq7m-x4pd-z9ht")));
    }

    @Test
    void aPhoneNumberThatAlreadyHasAnAccountIsSaidAtTheFieldWithTheFormKept() {
        String token = token();
        String page = form(token).formParam("username", "0912345678").formParam("lastName", "Trần").formParam("firstName", "Minh")
                .post("/staff/producers/accounts").then().statusCode(409).extract().asString();
        assertTrue(page.contains("<p class=\"error\" id=\"f-username-error\" role=\"alert\">Đã có tài khoản dùng giá trị này.</p>"),
                page);
        assertTrue(page.contains("value=\"Trần\"") && page.contains("value=\"Minh\""), page);
        assertTrue(!page.contains("temporary-password"));
    }

    private static Campaign campaign(long id, String name, Instant starts, Instant ends) {
        Campaign c = new Campaign(id, name, "Phó Chủ tịch UBND tỉnh", null, starts, ends,
                !starts.isAfter(Instant.now()) && ends.isAfter(Instant.now()), 50_000, 54_000_000, 2_500_000, List.of());
        StaffStubs.CAMPAIGNS.put(id, c);
        return c;
    }

    @Test
    void campaignsAreShownRunningUpcomingAndEnded() {
        Instant now = Instant.now();
        campaign(1, "Tuần vải thiều", now.minus(1, ChronoUnit.HOURS), now.plus(6, ChronoUnit.DAYS));
        campaign(2, "Nhãn lồng Hưng Yên", now.plus(10, ChronoUnit.DAYS), now.plus(12, ChronoUnit.DAYS));
        campaign(3, "Xoài cát Hòa Lộc", now.minus(30, ChronoUnit.DAYS), now.minus(29, ChronoUnit.DAYS));
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/campaigns").then()
                .statusCode(200).extract().asString();
        int running = page.indexOf("Đang diễn ra (1)");
        int upcoming = page.indexOf("Sắp tới (1)");
        int ended = page.indexOf("Đã kết thúc (1)");
        assertTrue(running > 0 && upcoming > running && ended > upcoming, page);
        assertTrue(page.indexOf("Tuần vải thiều") > running && page.indexOf("Tuần vải thiều") < upcoming);
        assertTrue(page.indexOf("Nhãn lồng Hưng Yên") > upcoming && page.indexOf("Nhãn lồng Hưng Yên") < ended);
        assertTrue(page.indexOf("Xoài cát Hòa Lộc") > ended);
        assertTrue(page.contains("href=\"/staff/campaigns/1/live\""));
    }

    @Test
    void aNewCampaignIsSentAsCatalogTakesItInGramsAndVietnamTimeThenItsLiveDashboardOpens() {
        publicCatalog.add(2, "Vải thiều loại 1", "Ngọt", "HTX Phượng Sơn");
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/campaigns/new").then().statusCode(200)
                .body(containsString("<th scope=\"row\">20</th>")).body(containsString("<label for=\"f-lot-0\">Mã lô 1</label>"));
        String token = token();
        form(token).formParam("name", "Tuần nhãn lồng").formParam("host", "Chủ tịch tỉnh").formParam("description", "")
                .formParam("startsAt", "2026-07-01T08:00").formParam("endsAt", "2026-07-07T20:00")
                .formParam("perBuyerLimitKg", "2,5").formParam("targetKg", "20000")
                .formParam("lotId", "20", "", "21").formParam("pricePerKg", "55000", "", "48.000")
                .post("/staff/campaigns").then().statusCode(303).header("Location", containsString("/staff/campaigns/77/live"));
        var sent = StaffStubs.LAST_BODY.get("POST /campaigns");
        assertEquals("2026-07-01T01:00:00Z", sent.path("startsAt").asText());
        assertEquals("2026-07-07T13:00:00Z", sent.path("endsAt").asText());
        assertEquals(2_500, sent.path("perBuyerLimitGrams").asLong());
        assertEquals(20_000_000, sent.path("targetGrams").asLong());
        assertEquals(2, sent.path("lots").size(), "the blank row is left out: " + sent);
        assertEquals(21, sent.path("lots").get(1).path("lotId").asLong());
        assertEquals(48_000, sent.path("lots").get(1).path("pricePerKg").asLong());
        assertTrue(sent.path("description").isMissingNode());
        assertTrue(StaffStubs.RECEIVED.contains("POST /campaigns Bearer token-of-staff-hoa"));
    }

    @Test
    void aRefusedCampaignSaysWhyNextToTheFieldOrLotRowItNamesWithEverythingTypedKept() {
        String token = token();
        String page = form(token).formParam("name", "Tuần nhãn").formParam("host", "Chủ tịch tỉnh")
                .formParam("startsAt", "2026-07-01T08:00").formParam("endsAt", "2026-07-07T20:00")
                .formParam("perBuyerLimitKg", "5").formParam("targetKg", "100")
                .formParam("lotId", "20", "", "999").formParam("pricePerKg", "55000", "", "40000")
                .post("/staff/campaigns").then().statusCode(404).extract().asString();
        assertTrue(page.contains("<p class=\"error\" id=\"f-lot-2-error\" role=\"alert\">"), page);
        assertTrue(page.contains("value=\"999\"") && page.contains("value=\"Tuần nhãn\""), page);
        page = form(token).formParam("name", "Tuần nhãn").formParam("host", "Chủ tịch tỉnh")
                .formParam("startsAt", "2026-07-07T08:00").formParam("endsAt", "2026-07-01T20:00")
                .formParam("perBuyerLimitKg", "5").formParam("targetKg", "100").formParam("lotId", "20")
                .formParam("pricePerKg", "55000").post("/staff/campaigns").then().statusCode(400).extract().asString();
        assertTrue(page.contains("<p class=\"error\" id=\"f-endsAt-error\" role=\"alert\">Phải sau thời điểm bắt đầu.</p>"), page);
        page = form(token).formParam("name", "Tuần nhãn").formParam("host", "Chủ tịch tỉnh")
                .formParam("startsAt", "2026-07-07T08:00").formParam("endsAt", "2026-07-09T20:00")
                .formParam("perBuyerLimitKg", "nhiều").formParam("targetKg", "100").formParam("lotId", "20")
                .formParam("pricePerKg", "55000").post("/staff/campaigns").then().statusCode(400).extract().asString();
        assertTrue(page.contains("<p class=\"error\" id=\"f-perBuyerLimitKg-error\" role=\"alert\">Hãy nhập số kg, ví dụ 2,5.</p>"),
                page);
        assertTrue(StaffStubs.RECEIVED.stream().filter(r -> r.startsWith("POST /campaigns")).count() == 2,
                "the weight typed wrong never reached catalog");
    }

    @Test
    void theLiveDashboardsFirstRenderHasTheNumbersAndServerDrawnChartsAndItsFragmentFollowsTheCounter() {
        Instant now = Instant.now();
        campaign(1, "Tuần vải thiều", now.minus(1, ChronoUnit.HOURS), now.plus(6, ChronoUnit.DAYS));
        StaffStubs.dashboard = new Dashboard(1, Instant.parse("2026-06-10T02:07:00Z"), 6, 62_000, 3_410_000,
                List.of(new Dashboard.Group("Hà Nội", 2, 8_000, 440_000), new Dashboard.Group("Hồ Chí Minh", 2, 12_000, 660_000)),
                List.of(new Dashboard.Group("VN", 3, 20_000, 1_100_000), new Dashboard.Group("US", 1, 20_000, 1_100_000)),
                List.of(new Dashboard.Group("2026-06-10T02:05:00Z", 4, 30_000, 1_650_000),
                        new Dashboard.Group("2026-06-10T02:06:00Z", 2, 32_000, 1_760_000)));
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/campaigns/1/live")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<dd id=\"live-orders\">6</dd>"), page);
        assertTrue(page.contains("<dd id=\"live-weight\">62\u00a0kg</dd>"), page);
        assertTrue(page.contains("<dd id=\"live-revenue\">3.410.000\u00a0₫</dd>"), page);
        assertTrue(page.contains("<script src=\"/live.js\" defer></script>"), page);
        assertTrue(page.contains("data-live-src=\"/staff/campaigns/1/live/numbers\""), page);
        assertEquals(3, count(page, "<svg class=\"chart"), "kg per minute, by province, by country");
        assertEquals(2 + 2 + 2, count(page, "<rect class=\"bar\""));
        // minutes on the clock in Việt Nam; the next minute, one slim column away, unlabelled (it would overlap)
        assertTrue(page.contains(">09:05</text>") && !page.contains(">09:06</text>"), "minutes on the clock in Việt Nam");
        assertTrue(page.contains(">Hoa Kỳ</text>") || page.contains(">Mỹ</text>"), page);
        assertTrue(page.contains(">Hồ Chí Minh</text>"));
        assertTrue(!Pattern.compile("<script>|style=\"|onclick=").matcher(page).find(), "no inline script or style");

        StaffStubs.dashboard = new Dashboard(1, Instant.parse("2026-06-10T02:08:00Z"), 7, 64_000, 3_520_000, List.of(),
                List.of(), List.of());
        given().header("X-Test-User", STAFF).get("/staff/campaigns/1/live/numbers").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).body(containsString("<dd id=\"live-orders\">7</dd>"))
                .body(not(containsString("<html")));
        StaffStubs.orderServiceDown = true;
        given().header("X-Test-User", STAFF).get("/staff/campaigns/1/live/numbers").then().statusCode(503);
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/campaigns/1/live").then()
                .statusCode(200).body(containsString("role=\"alert\"")).body(containsString("<dd id=\"live-orders\">0</dd>"));
        assertTrue(StaffStubs.RECEIVED.contains("GET /dashboard/campaigns/1 Bearer token-of-staff-hoa"));
        given().header("X-Test-User", STAFF).get("/staff/campaigns/9/live").then().statusCode(404);
        given().get("/live.js").then().statusCode(200).body(containsString("setInterval(refresh, every)"));
    }

    private static int count(String page, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void bankTransfersAwaitingPaymentAreListedAndMarkingOnePaidConfirmsItOnce() {
        Instant due = Instant.now().plus(20, ChronoUnit.MINUTES);
        order(41, "buyer-hcm", "PLACED", "BANK_TRANSFER", due);
        order(40, "buyer-hanoi", "CONFIRMED", "CASH_ON_DELIVERY", null);
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/orders").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"/staff/orders/41\""), page);
        assertTrue(!page.contains("href=\"/staff/orders/40\""), "a confirmed order does not wait for payment");
        assertTrue(page.contains("action=\"/staff/orders/41/payment\""));
        assertTrue(page.contains("1 đơn"));
        assertTrue(StaffStubs.RECEIVED.contains("GET /orders?status=PLACED&buyer=null Bearer token-of-staff-hoa"));

        String token = token();
        form(token).formParam("reference", "VCB 2026061012345").post("/staff/orders/41/payment").then().statusCode(303)
                .header("Location", containsString("/staff/orders/41"));
        assertEquals("VCB 2026061012345", StaffStubs.LAST_BODY.get("POST /orders/payment").path("reference").asText());
        assertEquals("CONFIRMED", StaffStubs.ORDERS.get(41L).status());
        String again = form(token).post("/staff/orders/41/payment").then().statusCode(409).extract().asString();
        assertTrue(again.contains("role=\"alert\">The payment window of order 41 closed</p>"), again);
        assertEquals(2, StaffStubs.RECEIVED.stream().filter(r -> r.startsWith("POST /orders/41/payment")).count());
        given().header("X-Test-User", STAFF).get("/staff/orders?status=ALL").then().statusCode(200)
                .body(containsString("href=\"/staff/orders/40\"")).body(containsString("href=\"/staff/orders/41\""));
        given().header("X-Test-User", STAFF).get("/staff/orders?status=CONFIRMED&buyer=buyer-hanoi").then().statusCode(200)
                .body(containsString("href=\"/staff/orders/40\"")).body(not(containsString("href=\"/staff/orders/41\"")));
    }

    @Test
    void refusedCancellationsAreFoundThroughTheHistoryAndTheOrderPageShowsIt() {
        order(42, "buyer-us", "HANDED_OVER", "BANK_TRANSFER", null);
        order(43, "buyer-au", "HANDED_OVER", "BANK_TRANSFER", null);
        StaffStubs.HISTORIES.put(42L, List.of(
                new StaffOrder.HistoryEntry(Instant.parse("2026-06-10T02:05:00Z"), "buyer-us", "PLACED", null, "PLACED", null),
                new StaffOrder.HistoryEntry(Instant.parse("2026-06-10T03:00:00Z"), "buyer-us", "CANCEL_REQUESTED", "READY_FOR_PICKUP",
                        "CANCELLING", "Đổi ý <b>gấp</b>"),
                new StaffOrder.HistoryEntry(Instant.parse("2026-06-10T03:00:05Z"), "system", "CANCEL_REFUSED", "CANCELLING",
                        "READY_FOR_PICKUP", "picked up first")));
        String list = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/orders?status=CANCEL_REFUSED")
                .then().statusCode(200).extract().asString();
        assertTrue(list.contains("href=\"/staff/orders/42\"") && !list.contains("href=\"/staff/orders/43\""), list);
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/orders/42").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("Yêu cầu hủy đơn này đến muộn"), page);
        assertTrue(page.contains("Hủy bị từ chối"));
        assertTrue(page.contains("Đổi ý &lt;b&gt;gấp&lt;/b&gt;"), "what someone wrote is text");
        assertTrue(page.contains("<dd id=\"order-status\">Đã giao cho vận chuyển</dd>"));
        assertTrue(!page.contains("action=\"/staff/orders/42/cancel\""), "no cancel once the carrier has the goods");
        given().header("X-Test-User", STAFF).get("/staff/orders/99").then().statusCode(404);
    }

    @Test
    void aCancellationOrderServiceRefusesComesBackAsASentenceWithTheReasonKept() {
        order(44, "buyer-jp", "READY_FOR_PICKUP", "BANK_TRANSFER", null);
        String token = token();
        String page = form(token).formParam("reason", "Người mua gọi điện").post("/staff/orders/44/cancel").then()
                .statusCode(409).extract().asString();
        assertTrue(page.contains("Order 44 is with the carrier"), page);
        assertTrue(page.contains("value=\"Người mua gọi điện\""), page);
        assertEquals("Người mua gọi điện", StaffStubs.LAST_BODY.get("POST /orders/cancel").path("reason").asText());
        form(token).post("/staff/orders/44/payment").then().statusCode(409);
    }

    @Test
    void whenOrderServiceIsDownTheOrdersPageSaysSoInsteadOfFailing() {
        StaffStubs.orderServiceDown = true;
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/orders").then().statusCode(200)
                .body(containsString("class=\"banner\" role=\"alert\"")).body(containsString("Không có đơn nào."));
    }
}
