package io.agrilink.order;

import static io.agrilink.order.OnlinePayments.BUYER_IP;
import static io.agrilink.order.OnlinePayments.STAFF;
import static io.agrilink.order.OnlinePayments.awaitRefund;
import static io.agrilink.order.OnlinePayments.cancel;
import static io.agrilink.order.OnlinePayments.history;
import static io.agrilink.order.OnlinePayments.money;
import static io.agrilink.order.OnlinePayments.placedOnline;
import static io.agrilink.order.OnlinePayments.quietly;
import static io.agrilink.order.OnlinePayments.start;
import static io.agrilink.order.OnlinePayments.status;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.doubles.VnpayDouble;
import io.agrilink.order.payment.vnpay.VnpaySignature;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** VNPay: the signed pay URL, the IPN that decides, and refunds through VNPay's merchant API exactly once. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class VnpayPaymentTest {

    private static final DateTimeFormatter VNPAY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.ofHours(7));

    @Inject
    CatalogDouble catalog;

    @Inject
    VnpayDouble vnpay;

    @Test
    void thePayUrlCarriesTheOrderSignedWithTheHashSecret() {
        given().get("/payments/methods").then().statusCode(200)
                .body("find { it.method == 'VNPAY' }.available", equalTo(true));
        String buyer = unique("buyer");
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "VNPAY");
        JsonPath payment = start(buyer, id);

        String url = payment.getString("redirectUrl");
        assertTrue(url.startsWith("http://localhost:18082/test-double/vnpay/paymentv2/vpcpay.html?"), url);
        String query = URI.create(url).getRawQuery();
        Map<String, String> fields = fields(query);
        assertEquals("2.1.0", fields.get("vnp_Version"));
        assertEquals("pay", fields.get("vnp_Command"));
        assertEquals(VnpayDouble.TMN_CODE, fields.get("vnp_TmnCode"));
        assertEquals("15000000", fields.get("vnp_Amount"), "150,000 đ × 100");
        assertEquals("VND", fields.get("vnp_CurrCode"));
        assertEquals(payment.getString("reference"), fields.get("vnp_TxnRef"));
        assertEquals("AGL" + id + "-" + payment.getLong("id"), fields.get("vnp_TxnRef"));
        assertTrue(fields.get("vnp_OrderInfo").matches("[\\x20-\\x7E]+"), "ASCII only: " + fields.get("vnp_OrderInfo"));
        assertEquals("other", fields.get("vnp_OrderType"));
        assertEquals("vn", fields.get("vnp_Locale"));
        assertEquals("http://localhost:8085/my/orders/" + id + "/payment", fields.get("vnp_ReturnUrl"));
        assertEquals(BUYER_IP, fields.get("vnp_IpAddr"));
        assertTrue(fields.get("vnp_CreateDate").matches("\\d{14}"));
        assertEquals(VNPAY_TIME.format(Instant.parse(money(id).getString("paymentDueAt"))), fields.get("vnp_ExpireDate"),
                "the payment's end, in Vietnam's time");
        // the hash is over the query string itself (sorted, URL-encoded), as VNPay computes it
        String unsigned = query.substring(0, query.indexOf("&vnp_SecureHash="));
        assertEquals(VnpaySignature.hmac(VnpayDouble.SECRET, unsigned), fields.get("vnp_SecureHash"));
        assertTrue(VnpaySignature.verify(VnpayDouble.SECRET, fields));

        assertEquals(payment.getLong("id"), start(buyer, id).getLong("id"), "a second tap returns the same payment");
    }

    @Test
    void aPaidIpnConfirmsTheOrderAndItsRepeatChangesNothing() {
        String buyer = unique("buyer");
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "VNPAY");
        String txnRef = start(buyer, id).getString("reference");
        String transactionNo = VnpayDouble.nextTransactionNo();
        Map<String, String> paid = VnpayDouble.signed(VnpayDouble.ipn(txnRef, 150_000, transactionNo, "00"));

        ipn(paid).body("RspCode", equalTo("00"), "Message", equalTo("Confirm Success"));

        assertEquals("CONFIRMED", status(id));
        JsonPath money = money(id);
        assertEquals("PAID", money.getString("payments[0].status"));
        assertEquals(transactionNo, money.getString("payments[0].providerRef"));
        assertEquals(150_000L, money.getLong("payments[0].receivedAmount"));

        ipn(paid).body("RspCode", equalTo("02"), "Message", equalTo("Order already confirmed"));
        history(id).body("findAll { it.action == 'PAID' }.size()", equalTo(1));
        assertEquals(1, money(id).getList("payments").size());
    }

    @Test
    void aForgedIpnIsRefusedWithInvalidChecksumAndChangesNothing() {
        String buyer = unique("buyer");
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "VNPAY");
        String txnRef = start(buyer, id).getString("reference");
        Map<String, String> fields = VnpayDouble.ipn(txnRef, 150_000, VnpayDouble.nextTransactionNo(), "00");

        Map<String, String> otherSecret = new LinkedHashMap<>(fields);
        otherSecret.put(VnpaySignature.SECURE_HASH, VnpaySignature.sign("NOT-OUR-SECRET", fields));
        ipn(otherSecret).body("RspCode", equalTo("97"), "Message", equalTo("Invalid Checksum"));
        Map<String, String> tampered = VnpayDouble.signed(VnpayDouble.ipn(txnRef, 1_000, "1", "00"));
        tampered.put("vnp_Amount", "15000000");
        ipn(tampered).body("RspCode", equalTo("97"));
        ipn(fields).body("RspCode", equalTo("97"));

        assertEquals("PLACED", status(id));
        assertEquals("PENDING", money(id).getString("payments[0].status"));
        history(id).body("action", not(hasItem("PAID")));
    }

    @Test
    void anIpnWithAnotherAmountIsRefusedAndNothingIsPaid() {
        String buyer = unique("buyer");
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "VNPAY");
        String txnRef = start(buyer, id).getString("reference");

        ipn(VnpayDouble.signed(VnpayDouble.ipn(txnRef, 149_000, VnpayDouble.nextTransactionNo(), "00")))
                .body("RspCode", equalTo("04"), "Message", equalTo("Invalid amount"));

        assertEquals("PLACED", status(id));
        assertEquals("PENDING", money(id).getString("payments[0].status"));
    }

    @Test
    void anIpnForATransactionWeNeverStartedIsOrderNotFound() {
        ipn(VnpayDouble.signed(VnpayDouble.ipn("AGL99999999-99999999", 150_000, VnpayDouble.nextTransactionNo(), "00")))
                .body("RspCode", equalTo("01"), "Message", equalTo("Order not found"));
        ipn(VnpayDouble.signed(VnpayDouble.ipn("not-a-reference", 150_000, VnpayDouble.nextTransactionNo(), "00")))
                .body("RspCode", equalTo("01"));
    }

    @Test
    void aDeclinedPaymentIsFailedAndTheOrderWaitsForAnother() {
        String buyer = unique("buyer");
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "VNPAY");
        JsonPath first = start(buyer, id);

        // 24: the buyer cancelled at VNPay (its transaction number is then 0)
        ipn(VnpayDouble.signed(VnpayDouble.ipn(first.getString("reference"), 150_000, "0", "24")))
                .body("RspCode", equalTo("00"));

        assertEquals("FAILED", money(id).getString("payments[0].status"));
        assertEquals("PLACED", status(id));
        history(id).body("action", hasItem("PAYMENT_FAILED"));
        JsonPath second = start(buyer, id);
        assertTrue(second.getLong("id") != first.getLong("id"), "a new payment, with its own TxnRef");
    }

    @Test
    void cancellingAPaidOrderRefundsItThroughVnpayOnce() {
        String buyer = unique("buyer");
        long id = paid(buyer);
        String txnRef = money(id).getString("payments[0].reference");
        String transactionNo = money(id).getString("payments[0].providerRef");

        cancel(Tokens.of(Roles.BUYER, buyer), id).then().statusCode(200).body("status", equalTo("CANCELLED"));

        awaitRefund(id, "DONE");
        quietly();
        assertEquals(1, vnpay.refundsMade(txnRef));
        assertEquals(1, vnpay.calls(txnRef).size());
        Map<String, String> request = vnpay.calls(txnRef).get(0);
        assertEquals("refund", request.get("vnp_Command"));
        assertEquals("02", request.get("vnp_TransactionType"), "a full refund");
        assertEquals("15000000", request.get("vnp_Amount"));
        assertEquals(transactionNo, request.get("vnp_TransactionNo"));
        assertTrue(request.get("vnp_TransactionDate").matches("\\d{14}"));
        JsonPath money = money(id);
        assertEquals(1, money.getList("refunds").size());
        assertTrue(money.getString("refunds[0].providerRef").matches("\\d+"), "VNPay's refund transaction");
        history(id).body("findAll { it.action == 'REFUNDED' }.size()", equalTo(1));
    }

    @Test
    void moneyArrivingAfterTheOrderWasCancelledIsRefundedThroughVnpay() {
        String buyer = unique("buyer");
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "VNPAY");
        String txnRef = start(buyer, id).getString("reference");
        cancel(Tokens.of(Roles.BUYER, buyer), id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals("EXPIRED", money(id).getString("payments[0].status"));

        // the buyer finished paying at VNPay after all: VNPay's IPN is taken (00) and the money goes back
        ipn(VnpayDouble.signed(VnpayDouble.ipn(txnRef, 150_000, VnpayDouble.nextTransactionNo(), "00")))
                .body("RspCode", equalTo("00"));

        assertEquals("CANCELLED", status(id));
        awaitRefund(id, "DONE");
        quietly();
        assertEquals(1, vnpay.refundsMade(txnRef));
        assertEquals(150_000L, money(id).getLong("refunds[0].amount"));
    }

    @Test
    void aRefundDuringAVnpayOutageIsRetriedAndMadeOnce() {
        String buyer = unique("buyer");
        long id = paid(buyer);
        String txnRef = money(id).getString("payments[0].reference");
        vnpay.down(true);
        try {
            cancel(STAFF, id).then().statusCode(200).body("status", equalTo("CANCELLED"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> vnpay.calls(txnRef).size() >= 2);
            assertEquals("REQUESTED", money(id).getString("refunds[0].status"), "retried, not given up");
            assertEquals(0, vnpay.refundsMade(txnRef));
        } finally {
            vnpay.down(false);
        }
        awaitRefund(id, "DONE");
        quietly();
        assertEquals(1, vnpay.refundsMade(txnRef));
        assertEquals(1, money(id).getList("refunds").size());
    }

    @Test
    void theIpnNeedsNoTokenAndIgnoresOne() {
        // VNPay calls without a token; one sent anyway (even a bad one) neither helps nor hurts
        Map<String, String> unknown = VnpayDouble.signed(VnpayDouble.ipn("AGL99999998-99999998", 1, "1", "00"));
        given().auth().oauth2("not-a-token").queryParams(unknown).get("/payments/vnpay/ipn").then().statusCode(200)
                .body("RspCode", equalTo("01"));
    }

    /** A VNPay order paid through the IPN. */
    private long paid(String buyer) {
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "VNPAY");
        String txnRef = start(buyer, id).getString("reference");
        ipn(VnpayDouble.signed(VnpayDouble.ipn(txnRef, 150_000, VnpayDouble.nextTransactionNo(), "00")))
                .body("RspCode", equalTo("00"));
        assertEquals("CONFIRMED", status(id));
        return id;
    }

    private static ValidatableResponse ipn(Map<String, String> fields) {
        return given().queryParams(fields).get("/payments/vnpay/ipn").then().statusCode(200)
                .contentType("application/json");
    }

    private static Map<String, String> fields(String rawQuery) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.US_ASCII));
        }
        return fields;
    }
}
