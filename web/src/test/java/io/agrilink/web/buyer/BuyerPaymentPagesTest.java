package io.agrilink.web.buyer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.FakeCatalog;
import io.agrilink.web.QrScanner;
import io.agrilink.web.forms.Csrf;
import io.agrilink.web.payment.Payment;
import io.agrilink.web.payment.PaymentMethod;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Paying online: the ways to pay on the order form, the payment page (VietQR, or the button to VNPay or
 * Stripe), its state turning PAID without a reload, and order-service's refusals said in words; over
 * {@link BuyerOrderServiceStub}, which plays order-service and, at the test's word, the providers'
 * notifications.
 */
@QuarkusTest
class BuyerPaymentPagesTest {

    private static final String BUYER = "X-Test-User";
    private static final String HANOI = "buyer-hanoi buyer";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([0-9a-f-]{36})\"");

    @Inject
    @RestClient
    FakeCatalog catalog;

    @Inject
    BuyerOrderServiceStub orders;

    @BeforeEach
    void reset() {
        catalog.reset();
        catalog.add(1, "Vải thiều Lục Ngạn", "Chín cây, hái sáng sớm.", "HTX Phượng Sơn");
        orders.reset();
    }

    // ---------------------------------------------------------------- the order form

    @Test
    void theOrderFormOffersOnlyTheAvailableWaysToPayInTheBuyersLanguageWithCashMarkedVietnamOnly() {
        String vi = given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/campaigns/1").then()
                .statusCode(200).extract().asString();
        assertTrue(vi.contains("value=\"CASH_ON_DELIVERY\" required checked> Thanh toán khi nhận hàng "
                + "<span class=\"muted\">(chỉ giao trong Việt Nam)</span>"), vi);
        assertTrue(vi.contains("value=\"BANK_TRANSFER\" required> Chuyển khoản VietQR</label>"), vi);
        assertTrue(vi.contains("value=\"VNPAY\" required> VNPay (thẻ nội địa, QR)</label>"), vi);
        assertFalse(vi.contains("value=\"STRIPE\""), "Stripe is not configured: not offered");
        orders.methods(BuyerOrderServiceStub.ALL_METHODS.stream()
                .map(m -> new PaymentMethod(m.method(), true, m.domesticOnly())).toList());
        String en = given().header(BUYER, HANOI).header("Accept-Language", "en").get("/products/1").then()
                .statusCode(200).extract().asString();
        assertTrue(en.contains("Cash on delivery <span class=\"muted\">(Vietnam only)</span>"), en);
        assertTrue(en.contains("value=\"STRIPE\" required> International cards (Stripe)</label>"), en);
        assertTrue(en.contains("VietQR bank transfer") && en.contains("VNPay (domestic cards, QR)"));
    }

    @Test
    void whenOrderServiceCannotListTheWaysToPayTheFormOffersCashAndBankTransferAsBefore() {
        orders.methodsDown(true);
        String page = given().header(BUYER, HANOI).get("/campaigns/1").then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"CASH_ON_DELIVERY\"") && page.contains("value=\"BANK_TRANSFER\""), page);
        assertFalse(page.contains("value=\"VNPAY\"") || page.contains("value=\"STRIPE\""));
        given().get("/campaigns/1").then().statusCode(200).body(not(containsString("name=\"payment\"")));
    }

    @Test
    void aWayToPayOrderServiceRefusesIsSaidNextToThePaymentFieldNotAsAUsedForm() {
        Response page = given().header(BUYER, HANOI).get("/campaigns/1");
        Map<String, String> form = form(key(page.asString()), "STRIPE");
        String refused = post("/campaigns/1/orders", page.getCookie(Csrf.COOKIE), form).then().statusCode(422)
                .extract().asString();
        assertTrue(refused.contains("<p class=\"error\" id=\"f-payment-error\" role=\"alert\">"
                + "Cách thanh toán này hiện chưa dùng được; hãy chọn cách khác.</p>"), refused);
        assertTrue(refused.contains("aria-describedby=\"f-payment-error\""));
        assertFalse(refused.contains("Biểu mẫu này đã được dùng cho một đơn khác"), "not taken for a used key");
        assertEquals(form.get("key"), key(refused), "nothing was ordered: the same key");
        assertEquals(0, orders.ordersOf("buyer-hanoi"));
    }

    @Test
    void aCashOrderLandsOnItsConfirmationAndAnOnlineOrderOnItsPaymentPage() {
        Response page = given().header(BUYER, HANOI).get("/campaigns/1");
        post("/campaigns/1/orders", page.getCookie(Csrf.COOKIE), form(key(page.asString()), "CASH_ON_DELIVERY")).then()
                .statusCode(303).header("Location", org.hamcrest.Matchers.matchesPattern(".*/my/orders/\\d+/placed"));
        for (String method : List.of("BANK_TRANSFER", "VNPAY")) {
            Response again = given().header(BUYER, HANOI).get("/campaigns/1");
            post("/campaigns/1/orders", again.getCookie(Csrf.COOKIE), form(key(again.asString()), method)).then()
                    .statusCode(303).header("Location", org.hamcrest.Matchers.matchesPattern(".*/my/orders/\\d+/payment"));
        }
    }

    // ---------------------------------------------------------------- VietQR

    @Test
    void theVietQrPageShowsAScannableCodeThePayloadTheTransferWrittenOutAndTheDeadline() throws Exception {
        long id = placed("BANK_TRANSFER");
        String page = given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id + "/payment").then().statusCode(200).header("Cache-Control", "no-store")
                .extract().asString();
        Payment started = orders.paymentsOf(id).get(0);
        String payload = started.vietQr().payload();
        Matcher image = Pattern.compile("<img id=\"vietqr-image\" class=\"vietqr-image\" src=\"(data:image/svg\\+xml;base64,[^\"]+)\"")
                .matcher(page);
        assertTrue(image.find(), page);
        assertEquals(payload, QrScanner.decodeDataUri(image.group(1)), "a banking app scanning the image reads the payload");
        assertTrue(page.contains("<code id=\"vietqr-payload\" class=\"payload\" aria-labelledby=\"vietqr-payload-title\">"
                + payload + "</code>"), page);
        assertTrue(page.contains("<dd id=\"vietqr-bank\">970436</dd>"));
        assertTrue(page.contains("<dd id=\"vietqr-account\">0071000888888</dd>"));
        assertTrue(page.contains("<dd id=\"vietqr-account-name\">HTX NONG SAN LUC NGAN</dd>"));
        assertTrue(page.contains("<dd id=\"vietqr-amount\">110.000\u00a0₫</dd>"));
        assertTrue(page.contains("<strong id=\"vietqr-reference\">AGL" + id + "</strong>"));
        assertTrue(page.contains("<dd id=\"payment-due\">08:35 10/06/2026</dd>"), "the deadline, Vietnam time");
        assertTrue(page.contains("alt=\"Mã VietQR chuyển khoản 110.000\u00a0₫, nội dung AGL" + id + "\""));
        assertTrue(page.contains("<a id=\"sandbox-bank\" class=\"button\" href=\"http://localhost:8086/bank/?payload="
                + URLEncoder.encode(payload, StandardCharsets.UTF_8) + "\">"), "the demo bank, with the payload");
        assertTrue(page.contains("data-live-src=\"/my/orders/" + id + "/payment/state\" data-live-every=\"2000\""));
        assertTrue(page.contains("<script src=\"/live.js\" defer></script>"));
        assertTrue(page.contains("<code id=\"payment-state\" class=\"state state-PENDING\">PENDING</code>"), page);
        assertTrue(page.contains("<code id=\"order-status\" class=\"state state-PLACED\">PLACED</code> Chờ thanh toán"));
        assertTrue(page.contains("Đang chờ tiền về"));
        assertFalse(page.contains("id=\"pay-online\""), "a transfer has no provider page to go to");
        assertFalse(Pattern.compile("<script>|style=\"|onclick=").matcher(page).find(), "no inline script or style");

        given().header(BUYER, HANOI).header("X-Forwarded-For", "203.0.113.9").get("/my/orders/" + id + "/payment").then()
                .statusCode(200).body(containsString(payload));
        assertEquals(1, orders.paymentsOf(id).size(), "a second view shows the payment pending, it starts none");
        assertTrue(orders.paymentCalls().contains("POST " + id + " 127.0.0.1"),
                "the buyer's address goes to order-service (VNPay asks for it): " + orders.paymentCalls());
        assertTrue(orders.paymentCalls().contains("POST " + id + " 203.0.113.9, 127.0.0.1"),
                "behind a proxy, the address it passed on first: " + orders.paymentCalls());
    }

    @Test
    void theStateFragmentTurnsFromPendingToPaidAndTheOrderConfirmedWithoutAReload() {
        long id = placed("BANK_TRANSFER");
        given().header(BUYER, HANOI).get("/my/orders/" + id + "/payment").then().statusCode(200);
        String pending = fragment(id);
        assertTrue(pending.contains("<code id=\"payment-state\" class=\"state state-PENDING\">PENDING</code>"), pending);
        assertFalse(pending.contains("<html"), "a fragment, not a page");

        orders.paid(id, 110_000);
        String paid = fragment(id);
        assertTrue(paid.contains("<code id=\"payment-state\" class=\"state state-PAID\">PAID</code> Đã thanh toán"), paid);
        assertTrue(paid.contains("<code id=\"order-status\" class=\"state state-CONFIRMED\">CONFIRMED</code> Đã xác nhận"));
        assertTrue(paid.contains("Đã nhận 110.000\u00a0₫ lúc 08:12 10/06/2026. Đơn hàng đã được xác nhận"), paid);
        assertEquals(1, orders.paymentCalls().stream().filter(c -> c.startsWith("POST")).count(),
                "polling reads the state, it never starts a payment");

        String page = given().header(BUYER, HANOI).get("/my/orders/" + id + "/payment").then().statusCode(200)
                .extract().asString();
        assertFalse(page.contains("id=\"vietqr-image\""), "a paid order shows no code to pay again");
        assertEquals(1, orders.paymentCalls().stream().filter(c -> c.startsWith("POST")).count(),
                "a paid order's page starts nothing");
    }

    @Test
    void aWrongAmountAnExpiredPaymentAndARefundAreSaidInWords() {
        long id = placed("BANK_TRANSFER");
        given().header(BUYER, HANOI).get("/my/orders/" + id + "/payment").then().statusCode(200);
        orders.mismatch(id, 100_000);
        assertTrue(fragment(id).contains("Đã nhận 100.000\u00a0₫, khác số tiền phải trả 110.000\u00a0₫"), fragment(id));
        given().header(BUYER, HANOI).get("/my/orders/" + id + "/payment").then().statusCode(200)
                .body(allOf(containsString("khác số tiền phải trả"), not(containsString("id=\"vietqr-image\""))));
        orders.expired(id);
        String expired = fragment(id);
        assertTrue(expired.contains("state-EXPIRED\">EXPIRED</code> Hết hạn"), expired);
        assertTrue(expired.contains("Đã hết hạn thanh toán: đơn đã tự huỷ"), expired);
        assertTrue(expired.contains("CANCELLED</code> Đã huỷ"));
        orders.refund(id, "DONE");
        String refunded = given().header(BUYER, HANOI).header("Accept-Language", "en")
                .get("/my/orders/" + id + "/payment/state").then().statusCode(200).extract().asString();
        assertTrue(refunded.contains("Refunded 110.000\u00a0₫ at 09:30 10/06/2026."), refunded);
    }

    // ---------------------------------------------------------------- VNPay and Stripe

    @Test
    void payOnlineSendsTheBuyerToTheProvidersPageOrderServiceGaveAndTheReturnShowsWaitingForConfirmation() {
        long id = placed("VNPAY");
        Response page = given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id + "/payment");
        String html = page.then().statusCode(200).extract().asString();
        assertTrue(html.contains("<form id=\"pay-online\" method=\"post\" action=\"/my/orders/" + id
                + "/payment/start\" class=\"card pay-online\">"), html);
        assertTrue(html.contains("<button type=\"submit\" id=\"pay-online-button\" class=\"primary\">Thanh toán qua VNPay</button>"));
        assertTrue(html.contains("name=\"csrf\""));
        assertFalse(html.contains("vietqr-image"));
        String csrf = page.getCookie(Csrf.COOKIE);
        long paymentId = orders.paymentsOf(id).get(0).id();
        given().header(BUYER, HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf).redirects()
                .follow(false).post("/my/orders/" + id + "/payment/start").then().statusCode(303)
                .header("Location", "http://localhost:8086/vnpay/paymentv2/vpcpay.html?vnp_TxnRef=AGL" + id + "-" + paymentId);
        assertEquals(1, orders.paymentsOf(id).size(), "the payment pending is the one paid, not a new one");

        // VNPay sends the buyer back with its fields; the page ignores them: the IPN decides
        String back = given().header(BUYER, HANOI).header("Accept-Language", "vi")
                .get("/my/orders/" + id + "/payment?vnp_ResponseCode=00&vnp_TxnRef=AGL" + id + "-" + paymentId
                        + "&vnp_SecureHash=forged")
                .then().statusCode(200).extract().asString();
        assertTrue(back.contains("state-PENDING\">PENDING</code>") && back.contains("Đang chờ xác nhận từ cổng thanh toán"),
                back);
        assertTrue(orders.paymentsOf(id).get(0).pending(), "nothing changed by the return");
    }

    @Test
    void aStripeOrdersButtonGoesToCheckoutAndAnAddressThatIsNotHttpIsNeverFollowed() {
        orders.methods(BuyerOrderServiceStub.ALL_METHODS.stream()
                .map(m -> new PaymentMethod(m.method(), true, m.domesticOnly())).toList());
        long id = placed("STRIPE");
        String csrf = given().get("/").getCookie(Csrf.COOKIE);
        given().header(BUYER, HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf).redirects()
                .follow(false).post("/my/orders/" + id + "/payment/start").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.startsWith("https://checkout.stripe.com/c/pay/cs_test_"));

        orders.reset();
        orders.methods(BuyerOrderServiceStub.ALL_METHODS.stream()
                .map(m -> new PaymentMethod(m.method(), true, m.domesticOnly())).toList());
        orders.redirectUrl("javascript:alert(document.cookie)");
        long odd = placed("STRIPE");
        given().header(BUYER, HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf).redirects()
                .follow(false).post("/my/orders/" + odd + "/payment/start").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/my/orders/" + odd + "/payment"));
    }

    @Test
    void payOnlineWithoutTheFormsTokenStartsNothing() {
        long id = placed("VNPAY");
        String csrf = given().get("/").getCookie(Csrf.COOKIE);
        given().header(BUYER, HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).redirects().follow(false)
                .post("/my/orders/" + id + "/payment/start").then().statusCode(403);
        given().header(BUYER, HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", "x".repeat(43))
                .redirects().follow(false).post("/my/orders/" + id + "/payment/start").then().statusCode(403);
        assertEquals(List.of(), orders.paymentCalls());
    }

    // ---------------------------------------------------------------- refusals, in words

    @Test
    void aProviderThatIsDownOrAnOrderNoLongerAwaitingPaymentIsSaidInWordsNeverAsAnError() {
        long id = placed("VNPAY");
        orders.providerDown(true);
        given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id + "/payment").then()
                .statusCode(200).body(allOf(containsString("id=\"payment-problem\" role=\"alert\">Cổng thanh toán đang không trả lời"),
                        containsString("id=\"pay-online-button\""), not(containsString("Exception"))));
        String csrf = given().get("/").getCookie(Csrf.COOKIE);
        given().header(BUYER, HANOI).header("Accept-Language", "en").contentType(FORM).cookie(Csrf.COOKIE, csrf)
                .formParam("csrf", csrf).redirects().follow(false).post("/my/orders/" + id + "/payment/start").then()
                .statusCode(503).body(containsString("The payment provider is not answering; nothing was charged."));

        orders.providerDown(false);
        long paid = placed("BANK_TRANSFER");
        given().header(BUYER, HANOI).get("/my/orders/" + paid + "/payment").then().statusCode(200);
        orders.paid(paid, 110_000);
        given().header(BUYER, HANOI).header("Accept-Language", "vi").contentType(FORM).cookie(Csrf.COOKIE, csrf)
                .formParam("csrf", csrf).redirects().follow(false).post("/my/orders/" + paid + "/payment/start").then()
                .statusCode(409).body(allOf(containsString("Đơn này không còn chờ thanh toán (CONFIRMED); không cần trả thêm."),
                        containsString("state-PAID\">PAID</code>")));
    }

    @Test
    void aTokenOrderServiceNoLongerTakesIsTheForbiddenPageNotAProviderDown() {
        long id = placed("VNPAY");
        orders.tokenExpired(true);
        String csrf = given().get("/").getCookie(Csrf.COOKIE);
        given().header(BUYER, HANOI).header("Accept-Language", "vi").contentType(FORM).cookie(Csrf.COOKIE, csrf)
                .formParam("csrf", csrf).redirects().follow(false).post("/my/orders/" + id + "/payment/start").then()
                .statusCode(403).body(allOf(containsString("Bạn không có quyền xem trang này"),
                        not(containsString("Cổng thanh toán đang không trả lời"))));
    }

    @Test
    void whenOrderServiceCannotShowThePaymentThePageSaysSoAndTheLiveStateKeepsWhatItShows() {
        long id = placed("BANK_TRANSFER");
        orders.paymentsDown(true);
        given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id + "/payment").then()
                .statusCode(200).body(allOf(containsString("class=\"banner\" role=\"alert\""),
                        containsString("Chưa xem được tình trạng thanh toán"), not(containsString("vietqr-image"))));
        given().header(BUYER, HANOI).get("/my/orders/" + id + "/payment/state").then().statusCode(503)
                .header("Cache-Control", "no-store");
        assertTrue(orders.paymentsOf(id).isEmpty(), "nothing started while its state cannot be read");
    }

    @Test
    void anotherBuyersPaymentIsNotFoundAndThePaymentPagesNeedABuyer() {
        long id = placed("BANK_TRANSFER");
        given().header(BUYER, "buyer-hcm buyer").get("/my/orders/" + id + "/payment").then().statusCode(404)
                .contentType(containsString("text/html"));
        given().header(BUYER, "buyer-hcm buyer").get("/my/orders/" + id + "/payment/state").then().statusCode(404);
        String csrf = given().get("/").getCookie(Csrf.COOKIE);
        given().header(BUYER, "buyer-hcm buyer").contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf)
                .redirects().follow(false).post("/my/orders/" + id + "/payment/start").then().statusCode(404);
        assertTrue(orders.paymentsOf(id).isEmpty(), "nothing started for someone else");
        given().redirects().follow(false).get("/my/orders/" + id + "/payment").then().statusCode(401);
        given().header(BUYER, "staff-hoa staff").get("/my/orders/" + id + "/payment").then().statusCode(403);
        given().header(BUYER, "farmer-lan farmer").get("/my/orders/" + id + "/payment/state").then().statusCode(403);
    }

    @Test
    void aCashOrdersPaymentPageSendsTheBuyerToTheOrder() {
        long id = placed("CASH_ON_DELIVERY");
        given().header(BUYER, HANOI).redirects().follow(false).get("/my/orders/" + id + "/payment").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/my/orders/" + id));
        assertTrue(orders.paymentsOf(id).isEmpty());
    }

    // ---------------------------------------------------------------- the order page

    @Test
    void theOrderPageLinksThePaymentPageWhileUnpaidAndListsItsPaymentsAndRefunds() {
        long id = placed("BANK_TRANSFER");
        String unpaid = given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id).then()
                .statusCode(200).extract().asString();
        assertTrue(unpaid.contains("<a id=\"pay-now\" class=\"button primary\" href=\"/my/orders/" + id + "/payment\">"), unpaid);
        given().header(BUYER, HANOI).get("/my/orders/" + id + "/payment").then().statusCode(200);
        orders.paid(id, 110_000);
        orders.refund(id, "REQUESTED");
        String paid = given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id).then()
                .statusCode(200).extract().asString();
        assertFalse(paid.contains("id=\"pay-now\""), "paid: nothing to pay");
        long paymentId = orders.paymentsOf(id).get(0).id();
        assertTrue(paid.contains("<li data-payment-id=\"" + paymentId + "\">Chuyển khoản VietQR · 110.000\u00a0₫ · "
                + "<strong>Đã thanh toán</strong> · 08:12 10/06/2026</li>"), paid);
        assertTrue(paid.contains("Đang hoàn lại 110.000\u00a0₫ cho bạn."));
    }

    @Test
    void thePaymentPageFitsAPhone() {
        long id = placed("BANK_TRANSFER");
        String page = given().header(BUYER, HANOI).get("/my/orders/" + id + "/payment").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        String css = given().get("/agrilink.css").then().statusCode(200).extract().asString();
        assertTrue(css.contains(".vietqr-image { display: block; width: 240px; height: auto; max-width: 100%;"),
                "the code never wider than a 360 px screen");
        assertTrue(css.contains("overflow-wrap: anywhere;\n  word-break: break-all; user-select: all;"),
                "the long payload wraps, and one tap selects all of it");
        assertTrue(css.contains(".pay-online button, a#pay-now { width: 100%;"), "a thumb-wide button");
    }

    // ---------------------------------------------------------------- helpers

    /** An order placed through the form with {@code payment}; its id. */
    private long placed(String payment) {
        Response page = given().header(BUYER, HANOI).get("/campaigns/1");
        String location = post("/campaigns/1/orders", page.getCookie(Csrf.COOKIE), form(key(page.asString()), payment))
                .then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/my/orders/(\\d+)/.*", "$1"));
    }

    private static String fragment(long id) {
        return given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id + "/payment/state")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().asString();
    }

    private static String key(String page) {
        Matcher m = KEY.matcher(page);
        assertTrue(m.find(), () -> "the form has its Idempotency-Key: " + page);
        return m.group(1);
    }

    private static Map<String, String> form(String key, String payment) {
        Map<String, String> form = new HashMap<>(Map.of("key", key, "lotId", "10", "grams", "2000", "recipient",
                "Nguyễn Văn An", "phone", "0912 345 678", "province", "Hà Nội", "commune", "Phường Ba Đình", "street",
                "12 Phố Điện Biên Phủ"));
        form.put("payment", payment);
        return form;
    }

    private static Response post(String path, String csrf, Map<String, String> form) {
        return given().header(BUYER, HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf)
                .formParams(form).redirects().follow(false).post(path);
    }
}
