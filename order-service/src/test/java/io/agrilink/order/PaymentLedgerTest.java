package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.abroad;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.place;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.payment.PaymentLedger;
import io.agrilink.order.payment.PaymentLedger.Receipt;
import io.agrilink.order.payment.PaymentLedger.Received;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The payment core: the rules at placement, what money does to an order, and refunds exactly
 * once. The providers' own protocols have their own tests; here money arrives through the ledger
 * (as every provider's notification does) or through staff.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PaymentLedgerTest {

    private static final String STAFF = Tokens.of(Roles.STAFF, "staff-hoa");

    @Inject
    CatalogDouble catalog;

    @Inject
    PaymentLedger ledger;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    EntityManager em;

    @Test
    void cashOnDeliveryAbroadIsRefusedNamingThePayment() {
        long lot = catalog.addLot(50_000, 150_000, null, "farmer-lan");

        place(unique("buyer-us"), UUID.randomUUID().toString(), order(lot, 2_000, "CASH_ON_DELIVERY",
                abroad("US", "94105"))).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("payment"),
                        "detail", containsString("only for addresses in Vietnam"));

        placed(unique("buyer-us"), order(lot, 2_000, "BANK_TRANSFER", abroad("US", "94105")));
    }

    @Test
    void everyMethodIsListedForAnyoneAndOnlyCashOnDeliveryIsDomestic() {
        given().get("/payments/methods").then().statusCode(200)
                .body("method", contains("CASH_ON_DELIVERY", "BANK_TRANSFER", "VNPAY", "STRIPE"),
                        "domesticOnly", contains(true, false, false, false),
                        "find { it.method == 'BANK_TRANSFER' }.available", equalTo(true));
    }

    @Test
    void theBuyerStartsOnePaymentHoweverOftenTheyTapAndNobodyElseCan() throws Exception {
        String buyer = unique("buyer-hcm");
        long id = bankTransferOrder(buyer, 3_000);

        List<Future<Integer>> taps = parallel(8, () -> given().auth().oauth2(Tokens.of(Roles.BUYER, buyer))
                .contentType("application/json").post("/orders/" + id + "/payments").then().statusCode(200)
                .body("status", equalTo("PENDING"), "reference", equalTo("AGL" + id), "amount", equalTo(450_000))
                .extract().jsonPath().getInt("id"));
        long first = taps.get(0).get();
        for (Future<Integer> tap : taps) {
            assertEquals(first, (long) tap.get(), "every tap returns the one pending payment");
        }
        payments(id, STAFF).body("payments", hasSize(1), "method", equalTo("BANK_TRANSFER"),
                "orderStatus", equalTo("PLACED"));

        given().auth().oauth2(Tokens.of(Roles.BUYER, unique("buyer-other"))).contentType("application/json")
                .post("/orders/" + id + "/payments").then().statusCode(404);
        given().auth().oauth2(Tokens.of(Roles.BUYER, unique("buyer-other"))).get("/orders/" + id + "/payments")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-lan")).get("/orders/" + id + "/payments")
                .then().statusCode(403);
        given().auth().oauth2(STAFF).contentType("application/json").post("/orders/" + id + "/payments")
                .then().statusCode(403);
        given().contentType("application/json").post("/orders/" + id + "/payments").then().statusCode(401);
    }

    @Test
    void aCashOnDeliveryOrderHasNothingToPay() {
        String buyer = unique("buyer");
        long id = placed(buyer, OrderFixtures.cod(catalog.addLot(50_000, 150_000, null, "farmer-lan"), 1_000));

        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json")
                .post("/orders/" + id + "/payments").then().statusCode(409).body("orderStatus", equalTo("CONFIRMED"));
    }

    @Test
    void moneyThatArrivesConfirmsTheOrderOnceAndAReplayChangesNothing() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 2_000);
        Received paid = new Received(CustomerOrder.Payment.BANK_TRANSFER, "bank:" + UUID.randomUUID(), id, null,
                300_000, "FT123", "Vietcombank");

        assertEquals(Receipt.CONFIRMED, ledger.received(paid));
        assertEquals(Receipt.REPEATED, ledger.received(paid));

        orderOf(id).body("status", equalTo("CONFIRMED"));
        payments(id, STAFF).body("payments", hasSize(1), "payments[0].status", equalTo("PAID"),
                "payments[0].receivedAmount", equalTo(300_000), "payments[0].providerRef", equalTo("FT123"),
                "refunds", hasSize(0));
        history(id).body("findAll { it.action == 'PAID' }", hasSize(1));
    }

    @Test
    void aFailedPaymentIsStartedAfreshAndCountedInTheMetrics() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 1_000);
        long first = start(buyer, id);

        assertEquals(Receipt.FAILED, ledger.failed(new PaymentLedger.Failed(CustomerOrder.Payment.BANK_TRANSFER,
                "bank:fail-" + first, first, "the buyer's bank declined")));

        payments(id, STAFF).body("payments[0].status", equalTo("FAILED"));
        long second = start(buyer, id);
        assertEquals(true, second != first, "a new payment, not the failed one");
        orderOf(id).body("status", equalTo("PLACED"));
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "agrilink_payment_notifications_total{outcome=\"FAILED\",provider=\"BANK_TRANSFER\""));
    }

    @Test
    void moneyNamingNoOrderIsRecordedAsUnknownOnce() {
        Received nowhere = new Received(CustomerOrder.Payment.BANK_TRANSFER, "bank:" + UUID.randomUUID(), null, null,
                120_000, "FT9", "no reference in the description");

        assertEquals(Receipt.UNKNOWN, ledger.received(nowhere));
        assertEquals(Receipt.REPEATED, ledger.received(nowhere));
        assertEquals(Receipt.UNKNOWN, ledger.received(new Received(CustomerOrder.Payment.STRIPE,
                "stripe:" + UUID.randomUUID(), null, 987_654_321L, 120_000, "pi_x", "no such payment")));
    }

    @Test
    void aShortTransferWaitsForStaffAndTheRestCompletesIt() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 2_000);

        assertEquals(Receipt.MISMATCH, ledger.received(bank(id, 100_000)));
        orderOf(id).body("status", equalTo("PLACED"));
        given().auth().oauth2(STAFF).get("/payments?mismatch=true&size=100").then().statusCode(200)
                .body("items.orderId", hasItem((int) id));

        assertEquals(Receipt.CONFIRMED, ledger.received(bank(id, 200_000)));
        orderOf(id).body("status", equalTo("CONFIRMED"));
        given().auth().oauth2(STAFF).get("/payments?mismatch=true&size=100").then().statusCode(200)
                .body("items.orderId", not(hasItem((int) id)));
    }

    @Test
    void moneyAfterTheWindowClosedCancelsTheOrderAndGoesBack() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 2_000);
        closeTheWindow(id);

        assertEquals(Receipt.REFUNDING, ledger.received(bank(id, 300_000)));

        orderOf(id).body("status", equalTo("CANCELLED"));
        payments(id, STAFF).body("refunds", hasSize(1), "refunds[0].status", equalTo("REQUESTED"),
                "refunds[0].amount", equalTo(300_000), "refunds[0].method", equalTo("BANK_TRANSFER"));
        given().auth().oauth2(STAFF).get("/refunds?status=REQUESTED&size=100").then().statusCode(200)
                .body("items.orderId", hasItem((int) id));
    }

    @Test
    void theExpiryJobExpiresThePendingPayment() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 1_000);
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json")
                .post("/orders/" + id + "/payments").then().statusCode(200);
        closeTheWindow(id);

        lifecycle.cancelUnpaid(Instant.now(), 1_000);

        orderOf(id).body("status", equalTo("CANCELLED"));
        payments(id, STAFF).body("payments[0].status", equalTo("EXPIRED"), "refunds", hasSize(0));
    }

    @Test
    void twoStaffCancellingAPaidOrderAtOnceRefundItOnce() throws Exception {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 2_000);
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"reference\":\"VCB 0012\"}")
                .post("/orders/" + id + "/payment").then().statusCode(200).body("status", equalTo("CONFIRMED"));

        List<Future<Integer>> cancels = parallel(6, () -> given().auth().oauth2(Tokens.of(Roles.STAFF, unique("staff")))
                .contentType("application/json").body("{\"reason\":\"out of stock\"}")
                .post("/orders/" + id + "/cancel").then().extract().statusCode());
        int ok = 0;
        for (Future<Integer> cancel : cancels) {
            int status = cancel.get();
            ok += status == 200 ? 1 : 0;
            assertEquals(true, status == 200 || status == 409, "a cancel is done or refused: " + status);
        }
        assertEquals(1, ok, "one cancel wins");

        payments(id, STAFF).body("payments", hasSize(1), "payments[0].status", equalTo("PAID"),
                "refunds", hasSize(1), "refunds[0].amount", equalTo(300_000),
                "refunds[0].status", equalTo("REQUESTED"));
        long refund = payments(id, STAFF).extract().jsonPath().getLong("refunds[0].id");

        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json")
                .body("{\"reference\":\"x\"}").post("/refunds/" + refund + "/complete").then().statusCode(403);
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"reference\":\"  \"}")
                .post("/refunds/" + refund + "/complete").then().statusCode(400)
                .body("violations.field", hasItem(containsString("reference")));
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"reference\":\"VCB REFUND 77\"}")
                .post("/refunds/" + refund + "/complete").then().statusCode(200)
                .body("status", equalTo("DONE"), "providerRef", equalTo("VCB REFUND 77"), "doneBy", equalTo("staff-hoa"));
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"reference\":\"again\"}")
                .post("/refunds/" + refund + "/complete").then().statusCode(409).body("refundStatus", equalTo("DONE"));
        given().auth().oauth2(STAFF).contentType("application/json").body("{\"reference\":\"x\"}")
                .post("/refunds/987654321/complete").then().statusCode(404);
        history(id).body("findAll { it.action == 'REFUND_REQUESTED' }", hasSize(1),
                "findAll { it.action == 'REFUNDED' }", hasSize(1));
    }

    @Test
    void staffListsNeedStaffAndRefuseUnknownFilters() {
        String buyer = Tokens.of(Roles.BUYER, unique("buyer"));
        given().auth().oauth2(buyer).get("/payments").then().statusCode(403);
        given().auth().oauth2(buyer).get("/refunds").then().statusCode(403);
        given().get("/payments").then().statusCode(401);
        given().auth().oauth2(STAFF).get("/payments?status=BOGUS").then().statusCode(400)
                .body("violations.field", contains("status"));
        given().auth().oauth2(STAFF).get("/refunds?method=CHEQUE").then().statusCode(400)
                .body("violations.field", contains("method"));
        given().auth().oauth2(STAFF).get("/payments?status=PAID&method=BANK_TRANSFER").then().statusCode(200)
                .body("items.findAll { it.status != 'PAID' }", hasSize(0));
    }

    // ------------------------------------------------------------------ helpers

    private long bankTransferOrder(String buyer, long grams) {
        long lot = catalog.addLot(50_000, 150_000, null, "farmer-lan");
        return placed(buyer, order(lot, grams, "BANK_TRANSFER", hanoi("Nguyễn Văn An")));
    }

    private static long start(String buyer, long orderId) {
        return given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json")
                .post("/orders/" + orderId + "/payments").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private static Received bank(long orderId, long amount) {
        return new Received(CustomerOrder.Payment.BANK_TRANSFER, "bank:" + UUID.randomUUID(), orderId, null, amount,
                "FT" + amount, "test bank");
    }

    private void closeTheWindow(long orderId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update customer_order set payment_due_at = now() - interval '1 minute' where id = ?1")
                .setParameter(1, orderId).executeUpdate());
    }

    private static ValidatableResponse orderOf(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id).then().statusCode(200);
    }

    private static ValidatableResponse payments(long id, String token) {
        return given().auth().oauth2(token).get("/orders/" + id + "/payments").then().statusCode(200);
    }

    private static ValidatableResponse history(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id + "/history").then().statusCode(200);
    }

    private static <T> List<Future<T>> parallel(int n, Callable<T> call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(call);
            }
            return pool.invokeAll(calls);
        } finally {
            pool.shutdown();
        }
    }
}
