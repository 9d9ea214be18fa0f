package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.E2e.BUYER;
import static io.agrilink.suite.e2e.E2e.STAFF;
import static io.agrilink.suite.e2e.E2e.STAFF_ROLE;
import static io.agrilink.suite.e2e.E2e.step;
import static io.agrilink.suite.e2e.E2e.subject;
import static io.agrilink.suite.e2e.RunningSuite.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.agrilink.suite.LocalSuite;
import io.agrilink.suite.Service;
import io.agrilink.suite.sandbox.EmvQr;
import io.agrilink.suite.sandbox.PaymentSandboxes;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Buyers pay through the local sandboxes exactly as through the real providers: a VietQR code
 * scanned at the demo bank, whose notification confirms the order; VNPay's pay page, whose IPN
 * confirms it; Stripe Checkout, whose signed webhook event confirms it. A paid order that staff
 * cancel is refunded through the provider it was paid with, exactly once, also when the provider
 * is down while the refund is due (the outbox delivers it after the outage). Everything through
 * public HTTP: order-service's API and the sandboxes' pages and APIs; the sandboxes count what
 * they received.
 */
class PaymentsTest {

    private static final Duration REFUND_WAIT = Duration.ofSeconds(60);

    private static PaymentSandboxes sandboxes() {
        return RunningSuite.get().paymentSandboxes();
    }

    private static RequestSpecification sandbox() {
        return RestAssured.given().baseUri(sandboxes().url()).redirects().follow(false);
    }

    @Test
    void vietQrOrderIsConfirmedWhenTheSandboxBankNotifiesTheTransferAndARepeatChangesNothing() {
        String buyer = subject("buyer-vietqr");
        long lot = E2e.freshLot(subject("farmer-vietqr"), "Bắc Ninh", 10_000);
        long order = place(buyer, lot, 2_000, "BANK_TRANSFER", E2e.vietnam("Trần Thị Bích", "Hồ Chí Minh", "Phường Sài Gòn"));
        long due = E2e.orderAsStaff(order).getLong("totalAmount");
        AtomicReference<String> payload = new AtomicReference<>();

        step("the buyer's payment shows a VietQR code the bank reads as a transfer of the amount due, to the cooperative, with the order's reference", () -> {
            JsonPath payment = startPayment(buyer, order);
            payload.set(payment.getString("vietQr.payload"));
            EmvQr qr = EmvQr.parse(payload.get());
            assertEquals(LocalSuite.BANK_BIN, qr.bin());
            assertEquals(LocalSuite.BANK_ACCOUNT, qr.account());
            assertEquals(due, qr.amount());
            assertEquals("704", qr.currency());
            assertEquals("AGL" + order, qr.reference());
            assertEquals(LocalSuite.BANK_ACCOUNT_NAME, payment.getString("vietQr.accountName"));
        });
        step("the sandbox bank's page decodes it with the amount to transfer", () -> sandbox()
                .queryParam("payload", payload.get()).get("/bank/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("AGL" + order))
                .body(org.hamcrest.Matchers.containsString("id=\"transfer\"")));
        step("the transfer's signed notification confirms the order", () -> {
            sandbox().contentType("application/json").body(Map.of("payload", payload.get()))
                    .post("/bank/api/transfers").then().statusCode(200)
                    .body("status", equalTo(200)).body("outcome", equalTo("CONFIRMED"));
            assertEquals("CONFIRMED", E2e.orderAsStaff(order).getString("status"));
            JsonPath money = payments(buyer, order);
            assertEquals("PAID", money.getString("payments[0].status"));
            assertEquals(due, money.getLong("payments[0].receivedAmount"));
        });
        step("the notification service sends the same notification again: REPEATED, one PAID in the history", () -> {
            var transfers = sandboxes().bank().transfers();
            var again = sandboxes().bank().resend(transfers.get(transfers.size() - 1));
            assertEquals(200, again.status());
            assertEquals("REPEATED", again.outcome());
            assertEquals(1, actions(order).stream().filter("PAID"::equals).count(), actions(order).toString());
        });
    }

    @Test
    void anUnderpaidTransferStaysAMismatchForStaffAndTheRestConfirmsTheOrder() {
        String buyer = subject("buyer-short");
        long lot = E2e.freshLot(subject("farmer-short"), "Bắc Ninh", 10_000);
        long order = place(buyer, lot, 2_000, "BANK_TRANSFER", E2e.vietnam("Lê Văn Tám", "Hà Nội", "Phường Hoàn Kiếm"));
        long due = E2e.orderAsStaff(order).getLong("totalAmount");
        startPayment(buyer, order);

        step("the buyer transfers 50,000 đ too little: MISMATCH, the order still waits", () -> {
            sandbox().contentType("application/json").body(Map.of("reference", "AGL" + order, "amount", due - 50_000))
                    .post("/bank/api/transfers").then().statusCode(200).body("outcome", equalTo("MISMATCH"));
            assertEquals("PLACED", E2e.orderAsStaff(order).getString("status"));
            List<Number> mismatched = as(Service.ORDER, STAFF_ROLE, STAFF).queryParam("mismatch", true)
                    .queryParam("size", 100).get("/payments").then().statusCode(200).extract().jsonPath()
                    .getList("items.orderId");
            assertTrue(mismatched.stream().anyMatch(id -> id.longValue() == order), "staff see the mismatch");
        });
        step("the rest arrives: the order is paid", () -> {
            sandbox().contentType("application/json").body(Map.of("reference", "AGL" + order, "amount", 50_000))
                    .post("/bank/api/transfers").then().statusCode(200).body("outcome", equalTo("CONFIRMED"));
            assertEquals("CONFIRMED", E2e.orderAsStaff(order).getString("status"));
        });
    }

    @Test
    void vnpayOrderPaidAtTheSandboxIsConfirmedByTheIpnAndACancelIsRefundedOnceThroughVnpay() {
        String buyer = subject("buyer-vnpay");
        long lot = E2e.freshLot(subject("farmer-vnpay"), "Bắc Ninh", 10_000);
        long order = place(buyer, lot, 3_000, "VNPAY", E2e.vietnam("Nguyễn Văn An", "Hà Nội", "Phường Ba Đình"));
        String txnRef = payAtVnpay(buyer, order);

        step("staff cancel the paid order: VNPay refunds it once, the refund is DONE", () -> {
            cancel(order);
            awaitRefund(order, "DONE");
            assertEquals(1, sandboxes().vnpay().refundsOf(txnRef).size(), "refunds at VNPay");
            assertEquals(E2e.orderAsStaff(order).getLong("totalAmount") * 100,
                    sandboxes().vnpay().refundsOf(txnRef).get(0).amount(), "the whole amount, in VNPay's unit");
        });
        step("a second cancel is refused and nothing more is refunded", () -> {
            as(Service.ORDER, STAFF_ROLE, STAFF).body(Map.of("reason", "again")).post("/orders/" + order + "/cancel")
                    .then().statusCode(409);
            assertEquals(1, sandboxes().vnpay().refundsOf(txnRef).size());
            assertEquals(1, payments(buyer, order).getList("refunds").size());
        });
    }

    @Test
    void aVnpayRefundDueDuringAnOutageIsDeliveredOnceWhenVnpayIsBack() {
        String buyer = subject("buyer-vnpay-outage");
        long lot = E2e.freshLot(subject("farmer-vnpay-outage"), "Bắc Ninh", 10_000);
        long order = place(buyer, lot, 2_000, "VNPAY", E2e.vietnam("Phạm Thị Hoa", "Hà Nội", "Phường Tây Hồ"));
        String txnRef = payAtVnpay(buyer, order);
        refundedOnceAfterAnOutage("vnpay", order, () -> sandboxes().vnpay().refundsOf(txnRef).size(),
                () -> sandboxes().vnpay().refundCalls());
    }

    @Test
    void stripeOrderFromAbroadIsConfirmedByTheSignedWebhookAndACancelIsRefundedOnceThroughStripe() {
        String buyer = subject("buyer-stripe");
        long lot = E2e.freshLot(subject("farmer-stripe"), "Bắc Ninh", 10_000);
        long order = place(buyer, lot, 2_000, "STRIPE", E2e.abroad("Linh Nguyen", "US", "+1 408 555 0134",
                "1200 Story Road, San Jose, CA", "95122"));
        String intent = payAtStripe(buyer, order);

        step("staff cancel the paid order: Stripe refunds it once", () -> {
            cancel(order);
            awaitRefund(order, "DONE");
            assertEquals(1, sandboxes().stripe().refundsOf(intent).size(), "refunds at Stripe");
            assertEquals(E2e.orderAsStaff(order).getLong("totalAmount"), sandboxes().stripe().refundsOf(intent).get(0).amount(),
                    "the whole amount in đồng (VND has no decimals)");
        });
    }

    @Test
    void aStripeRefundDueDuringAnOutageIsDeliveredOnceWhenStripeIsBack() {
        String buyer = subject("buyer-stripe-outage");
        long lot = E2e.freshLot(subject("farmer-stripe-outage"), "Bắc Ninh", 10_000);
        long order = place(buyer, lot, 2_000, "STRIPE", E2e.abroad("Sato Hana", "JP", "+81 3 1234 5678",
                "1-1 Chiyoda, Chiyoda-ku, Tokyo", "100-0001"));
        String intent = payAtStripe(buyer, order);
        refundedOnceAfterAnOutage("stripe", order, () -> sandboxes().stripe().refundsOf(intent).size(),
                () -> sandboxes().stripe().refundCalls());
    }

    private static void refundedOnceAfterAnOutage(String provider, long order, java.util.function.IntSupplier refunds,
            java.util.function.LongSupplier calls) {
        AtomicLong callsBefore = new AtomicLong();
        try {
            step(provider + " goes down; staff cancel the paid order; the refund waits, retried", () -> {
                sandbox().queryParam("provider", provider).queryParam("on", true).post("/sandbox/outage").then()
                        .statusCode(200);
                callsBefore.set(calls.getAsLong());
                cancel(order);
                await("refund attempts during the outage").atMost(REFUND_WAIT).pollInterval(Duration.ofMillis(200))
                        .until(() -> calls.getAsLong() >= callsBefore.get() + 2);
                assertEquals(0, refunds.getAsInt(), "nothing refunded while " + provider + " is down");
                assertEquals("REQUESTED", payments(null, order).getString("refunds[0].status"));
            });
        } finally {
            sandbox().queryParam("provider", provider).queryParam("on", false).post("/sandbox/outage").then()
                    .statusCode(200);
        }
        step(provider + " is back: the refund is delivered, exactly once", () -> {
            awaitRefund(order, "DONE");
            // a late retry would land within the outbox's backoff (at most 2 s here)
            Thread.sleep(3_000);
            assertEquals(1, refunds.getAsInt(), "refunds at " + provider);
            assertEquals(1, payments(null, order).getList("refunds").size());
            assertEquals(1, actions(order).stream().filter("REFUNDED"::equals).count(), actions(order).toString());
        });
    }

    /** The buyer pays at VNPay's sandbox (pay page, pay button, IPN, return); returns the TxnRef. */
    private static String payAtVnpay(String buyer, long order) {
        AtomicReference<String> txnRef = new AtomicReference<>();
        step("the buyer goes to VNPay's sandbox, pays, the IPN confirms the order and she is sent back to the web app", () -> {
            String payUrl = startPayment(buyer, order).getString("redirectUrl");
            assertTrue(payUrl.startsWith(sandboxes().url() + "/vnpay/paymentv2/vpcpay.html?"), payUrl);
            String query = URI.create(payUrl).getRawQuery();
            txnRef.set(io.agrilink.suite.e2e.PaymentsTest.field(query, "vnp_TxnRef"));
            // the URL exactly as signed: rest-assured would encode its query a second time
            RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).get(payUrl).then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("id=\"vnpay-pay\""));
            Response paid = sandbox().contentType("application/x-www-form-urlencoded; charset=utf-8")
                    .formParam("q", query).formParam("action", "pay").post("/vnpay/paymentv2/pay");
            assertEquals(303, paid.statusCode(), paid.asString());
            String back = paid.header("Location");
            assertTrue(back.startsWith(RunningSuite.get().webUrl() + "/my/orders/" + order + "/payment?"), back);
            assertTrue(back.contains("vnp_ResponseCode=00") && back.contains("vnp_SecureHash="), back);
            List<String> ipn = sandboxes().vnpay().ipnAnswers();
            assertTrue(ipn.get(ipn.size() - 1).startsWith("00 "), "the IPN's answer: " + ipn);
            assertEquals("CONFIRMED", E2e.orderAsStaff(order).getString("status"));
            assertEquals("PAID", payments(buyer, order).getString("payments[0].status"));
        });
        return txnRef.get();
    }

    /** The buyer pays on Stripe's sandbox Checkout page; the signed event confirms the order; returns the payment intent. */
    private static String payAtStripe(String buyer, long order) {
        AtomicReference<String> intent = new AtomicReference<>();
        step("the buyer pays on Stripe Checkout; the signed checkout.session.completed confirms the order", () -> {
            String checkout = startPayment(buyer, order).getString("redirectUrl");
            assertTrue(checkout.startsWith(sandboxes().url() + "/stripe/pay/cs_test_"), checkout);
            RestAssured.given().get(checkout).then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("id=\"stripe-pay\""));
            Response paid = RestAssured.given().redirects().follow(false).post(checkout);
            assertEquals(303, paid.statusCode(), paid.asString());
            assertTrue(paid.header("Location").startsWith(RunningSuite.get().webUrl() + "/my/orders/" + order + "/payment"),
                    paid.header("Location"));
            List<String> answers = sandboxes().stripe().webhookAnswers();
            assertEquals("200", answers.get(answers.size() - 1), "the webhook's answers: " + answers);
            assertEquals("CONFIRMED", E2e.orderAsStaff(order).getString("status"));
            intent.set(sandboxes().stripe().paymentIntentOf(checkout.substring(checkout.lastIndexOf('/') + 1)));
            assertEquals(intent.get(), payments(buyer, order).getString("payments[0].providerRef"));
        });
        return intent.get();
    }

    static String field(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " missing from " + rawQuery);
    }

    private static long place(String buyer, long lot, long grams, String payment, Map<String, Object> delivery) {
        return E2e.place(buyer, "pay-" + grams, E2e.order(lot, grams, delivery, payment)).then().statusCode(201)
                .body("status", equalTo("PLACED")).extract().jsonPath().getLong("id");
    }

    private static JsonPath startPayment(String buyer, long order) {
        return as(Service.ORDER, BUYER, buyer).body("{}").post("/orders/" + order + "/payments").then().statusCode(200)
                .body("status", equalTo("PENDING")).extract().jsonPath();
    }

    /** The order's payments and refunds, as its buyer (or staff, when {@code buyer} is null) sees them. */
    private static JsonPath payments(String buyer, long order) {
        RequestSpecification who = buyer == null ? as(Service.ORDER, STAFF_ROLE, STAFF) : as(Service.ORDER, BUYER, buyer);
        return who.get("/orders/" + order + "/payments").then().statusCode(200).extract().jsonPath();
    }

    private static void cancel(long order) {
        as(Service.ORDER, STAFF_ROLE, STAFF).body(Map.of("reason", "Hàng hỏng do mưa đá (e2e)"))
                .post("/orders/" + order + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    private static void awaitRefund(long order, String status) {
        await("refund " + status).atMost(REFUND_WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> status.equals(payments(null, order).getString("refunds[0].status")));
    }

    private static List<String> actions(long order) {
        return as(Service.ORDER, STAFF_ROLE, STAFF).get("/orders/" + order + "/history").then().statusCode(200)
                .extract().jsonPath().getList("action");
    }
}
