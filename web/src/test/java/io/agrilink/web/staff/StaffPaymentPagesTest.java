package io.agrilink.web.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.forms.Csrf;
import io.agrilink.web.payment.Payment;
import io.agrilink.web.payment.Refund;
import io.agrilink.web.staff.client.StaffOrder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Staff's payments, mismatches and refund tasks, over the stand-in order-service of {@link StaffStubs}. */
@QuarkusTest
class StaffPaymentPagesTest {

    private static final String STAFF = "staff-hoa staff";
    private static final Instant CREATED = Instant.parse("2026-06-10T02:05:00Z");

    @BeforeEach
    void reset() {
        StaffStubs.reset();
    }

    private static String token() {
        return given().header("X-Test-User", STAFF).get("/staff").then().statusCode(200).extract().cookie(Csrf.COOKIE);
    }

    private static RequestSpecification form(String token) {
        return given().header("X-Test-User", STAFF).header("Accept-Language", "vi").cookie(Csrf.COOKIE, token)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf", token).redirects()
                .follow(false);
    }

    private static Payment payment(long id, long orderId, String method, String status, Long received, boolean mismatch) {
        Payment p = new Payment(id, orderId, method, status, 550_000, received, mismatch, "AGL" + orderId,
                status.equals("PAID") ? "FT26161" + id : null, CREATED, CREATED.plusSeconds(1800),
                status.equals("PAID") ? CREATED.plusSeconds(300) : null, null, null,
                mismatch ? "transfer of " + received + " for " + 550_000 + " due" : null);
        StaffStubs.PAYMENTS.put(id, p);
        return p;
    }

    private static Refund refund(long id, long orderId, String method, String status, String error) {
        Refund r = new Refund(id, 900 + id, orderId, method, status, 550_000, "Hủy theo yêu cầu người mua",
                status.equals("DONE") ? "VNP" + id : null, CREATED.plusSeconds(3600), "staff-hoa",
                status.equals("DONE") ? CREATED.plusSeconds(3700) : null, status.equals("DONE") ? "system" : null, error);
        StaffStubs.REFUNDS.put(id, r);
        return r;
    }

    private static StaffOrder order(long id, String status, String payment) {
        StaffOrder o = new StaffOrder(id, "ref-" + id, "buyer-us", status, payment, 10_000, 550_000, CREATED,
                CREATED.plusSeconds(1800), null, null, null,
                new StaffOrder.Delivery("John Smith", "+1 415 555 0100", "US", null, null, "1 Market St", "94105"),
                List.of(new StaffOrder.Line(1, 20, 2L, "Vải thiều loại 1", "HTX Phượng Sơn", 10_000, null, 55_000, 550_000,
                        1L)));
        StaffStubs.ORDERS.put(id, o);
        return o;
    }

    @Test
    void theStaffHomeLinksPaymentsAndRefunds() {
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff").then().statusCode(200)
                .body(allOf(containsString("<a href=\"/staff/payments\">Thanh toán</a>"),
                        containsString("<a href=\"/staff/refunds\">Hoàn tiền</a>")));
    }

    @Test
    void mismatchesComeFirstWithWhatWasDueAgainstWhatCameInAndEachViewAsksOrderServiceForItsOwn() {
        payment(1, 41, "BANK_TRANSFER", "PENDING", 500_000L, true);
        payment(2, 42, "VNPAY", "PAID", 550_000L, false);
        payment(3, 43, "BANK_TRANSFER", "PENDING", null, false);
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/payments").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("<tr data-payment-id=\"1\" class=\"mismatch\">"), page);
        assertFalse(page.contains("data-payment-id=\"2\"") || page.contains("data-payment-id=\"3\""), "mismatches only");
        String row = row(page, "data-payment-id=\"1\"");
        assertTrue(row.contains("<a href=\"/staff/orders/41\">#41</a>"), row);
        assertTrue(row.contains("550.000\u00a0₫<br><span class=\"flag\">đã nhận 500.000\u00a0₫</span>"), row);
        assertTrue(row.contains("<strong class=\"flag\">Sai số tiền</strong>"), row);
        assertTrue(row.contains("AGL41") && row.contains("Chuyển khoản VietQR"), row);
        assertTrue(row.contains("<span class=\"muted\">transfer of 500000 for 550000 due</span>"), "order-service's note");
        assertTrue(page.contains("<a href=\"/staff/payments?filter=mismatch\" aria-current=\"page\">Sai số tiền</a>"));
        assertTrue(StaffStubs.RECEIVED.contains("GET /payments?status=null&mismatch=true Bearer token-of-staff-hoa"),
                StaffStubs.RECEIVED.toString());

        String paid = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/payments?filter=paid")
                .then().statusCode(200).extract().asString();
        assertTrue(paid.contains("data-payment-id=\"2\"") && !paid.contains("data-payment-id=\"1\""), paid);
        assertTrue(row(paid, "data-payment-id=\"2\"").contains("mã bên thanh toán FT261612"), paid);
        assertTrue(StaffStubs.RECEIVED.contains("GET /payments?status=PAID&mismatch=null Bearer token-of-staff-hoa"));
        given().header("X-Test-User", STAFF).get("/staff/payments?filter=pending").then().statusCode(200)
                .body(allOf(containsString("data-payment-id=\"3\""), containsString("data-payment-id=\"1\""),
                        not(containsString("data-payment-id=\"2\""))));
        given().header("X-Test-User", STAFF).get("/staff/payments?filter=all").then().statusCode(200)
                .body(allOf(containsString("data-payment-id=\"1\""), containsString("data-payment-id=\"2\""),
                        containsString("data-payment-id=\"3\"")));
        given().header("X-Test-User", STAFF).get("/staff/payments?filter=<script>").then().statusCode(200)
                .body(containsString("aria-current=\"page\">Sai số tiền</a>"));
    }

    @Test
    void refundsToDoComeFirstAndOnlyABankTransfersHasTheFormThatRecordsItsReference() {
        refund(5, 45, "VNPAY", "DONE", null);
        refund(6, 46, "VNPAY", "FAILED", "VNPay 94: trùng yêu cầu");
        refund(7, 47, "BANK_TRANSFER", "REQUESTED", null);
        refund(8, 48, "STRIPE", "REQUESTED", null);
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/refunds").then()
                .statusCode(200).extract().asString();
        int requested = page.indexOf("data-refund-id=\"7\"");
        int failed = page.indexOf("data-refund-id=\"6\"");
        int done = page.indexOf("data-refund-id=\"5\"");
        assertTrue(requested > 0 && failed > requested && done > failed, "requested, then failed, then done: " + page);
        assertTrue(page.contains("Cần hoàn (2)") && page.contains("Hoàn lỗi (1)") && page.contains("Đã hoàn (1)"), page);
        assertTrue(row(page, "data-refund-id=\"6\"").contains("Lý do lỗi: VNPay 94: trùng yêu cầu"), "a failed one says why");
        assertTrue(page.contains("action=\"/staff/refunds/7/complete\""), page);
        assertFalse(page.contains("action=\"/staff/refunds/8/complete\""), "Stripe refunds itself: no form");
        assertFalse(page.contains("action=\"/staff/refunds/5/complete\""));
        assertTrue(page.contains("<input id=\"f-reference-7\" name=\"reference\" required"), page);
        assertTrue(page.contains("class=\"primary complete-refund\">Đã chuyển hoàn</button>"));
        assertTrue(page.contains("<label for=\"f-reference-7\" class=\"visually-hidden\">"), "the field is labelled");

        String token = token();
        form(token).formParam("reference", " FT26161999 ").post("/staff/refunds/7/complete").then().statusCode(303)
                .header("Location", containsString("/staff/refunds?completed=7"));
        assertEquals("FT26161999", StaffStubs.LAST_BODY.get("POST /refunds/complete").path("reference").asText());
        assertTrue(StaffStubs.RECEIVED.contains("POST /refunds/7/complete Bearer token-of-staff-hoa"));
        assertEquals("DONE", StaffStubs.REFUNDS.get(7L).status());
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/refunds?completed=7").then()
                .statusCode(200).body(allOf(containsString("Đã ghi nhận hoàn tiền khoản 7."),
                        not(containsString("action=\"/staff/refunds/7/complete\""))));
    }

    @Test
    void aRefundNoLongerWaitingABlankReferenceOrAFormWithoutItsTokenChangeNothing() {
        refund(7, 47, "BANK_TRANSFER", "REQUESTED", null);
        refund(9, 49, "BANK_TRANSFER", "DONE", null);
        String token = token();
        String again = form(token).formParam("reference", "FT1").post("/staff/refunds/9/complete").then().statusCode(409)
                .extract().asString();
        assertTrue(again.contains("Khoản hoàn 9 không còn chờ xử lý"), again);
        String blank = form(token).formParam("reference", "  ").post("/staff/refunds/7/complete").then().statusCode(400)
                .extract().asString();
        assertTrue(blank.contains("<p class=\"error\" id=\"f-reference-7-error\" role=\"alert\">Hãy nhập mã giao dịch"), blank);
        assertTrue(blank.contains("aria-describedby=\"f-reference-7-error\""));
        given().header("X-Test-User", STAFF).cookie(Csrf.COOKIE, token).formParam("reference", "FT2")
                .post("/staff/refunds/7/complete").then().statusCode(403);
        form(token).formParam("reference", "FT3").post("/staff/refunds/404/complete").then().statusCode(404);
        assertEquals("REQUESTED", StaffStubs.REFUNDS.get(7L).status());
        assertEquals(2, StaffStubs.RECEIVED.stream().filter(r -> r.startsWith("POST /refunds")).count(),
                "the blank reference and the tokenless form never reached order-service");
        StaffStubs.orderServiceDown = true;
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/refunds").then().statusCode(200)
                .body(containsString("class=\"banner\" role=\"alert\""));
    }

    @Test
    void theStaffOrderPageListsTheOrdersPaymentsAndRefunds() {
        order(45, "CANCELLED", "VNPAY");
        payment(11, 45, "VNPAY", "PAID", 550_000L, false);
        refund(12, 45, "VNPAY", "REQUESTED", null);
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/orders/45").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("<h2 id=\"order-payments\">Thanh toán</h2>"), page);
        assertTrue(page.contains("<tr data-payment-id=\"11\">"), page);
        assertTrue(page.contains("<tr data-refund-id=\"12\" class=\"refund-requested\">"), page);
        assertTrue(page.contains("<a href=\"/staff/refunds\">Xử lý ở trang Hoàn tiền</a>"));
        assertTrue(StaffStubs.RECEIVED.contains("GET /orders/45/payments Bearer token-of-staff-hoa"));
        order(46, "CONFIRMED", "CASH_ON_DELIVERY");
        given().header("X-Test-User", STAFF).get("/staff/orders/46").then().statusCode(200)
                .body(not(containsString("id=\"order-payments\"")));
        assertFalse(StaffStubs.RECEIVED.contains("GET /orders/46/payments Bearer token-of-staff-hoa"),
                "cash on delivery has no payments to ask for");
    }

    @Test
    void thePaymentScreensNeedStaffAndCallNoServiceForAnyoneElse() {
        for (String path : List.of("/staff/payments", "/staff/payments?filter=all", "/staff/refunds")) {
            for (String who : List.of("buyer-hanoi buyer", "farmer-lan farmer", "carrier-coldchain carrier")) {
                given().header("X-Test-User", who).header("Accept-Language", "vi").get(path).then().statusCode(403)
                        .body(containsString("Bạn không có quyền xem trang này"));
            }
            given().redirects().follow(false).get(path).then().statusCode(401);
        }
        String token = given().header("X-Test-User", "buyer-hanoi buyer").get("/").getCookie(Csrf.COOKIE);
        given().header("X-Test-User", "buyer-hanoi buyer").cookie(Csrf.COOKIE, token).formParam("csrf", token)
                .formParam("reference", "FT1").post("/staff/refunds/7/complete").then().statusCode(403);
        assertEquals(List.of(), StaffStubs.RECEIVED);
    }

    /** The table row that holds {@code marker}. */
    private static String row(String page, String marker) {
        Matcher m = Pattern.compile("<tr[^>]*" + Pattern.quote(marker) + "[^>]*>.*?</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), () -> marker + " in " + page);
        return m.group();
    }
}
