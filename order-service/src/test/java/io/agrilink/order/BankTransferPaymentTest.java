package io.agrilink.order;

import static io.agrilink.order.BankNotifications.send;
import static io.agrilink.order.BankNotifications.transactionId;
import static io.agrilink.order.BankNotifications.transfer;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.payment.bank.VietQr;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * VietQR bank transfer end to end on real PostgreSQL: the buyer gets the code, the bank
 * notification pays the order exactly once, a wrong amount waits for staff, money for an expired
 * order goes back. Each test checks the order, its payments and its history.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BankTransferPaymentTest {

    private static final String STAFF = Tokens.of(Roles.STAFF, "staff-hoa");

    @Inject
    CatalogDouble catalog;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theBuyerGetsAVietQrCodeForTheExactAmountAndTheOrdersReference() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 2_000);
        long amount = totalAmount(id);

        JsonPath payment = start(buyer, id);

        assertEquals("BANK_TRANSFER", payment.getString("method"));
        assertEquals("PENDING", payment.getString("status"));
        assertEquals(amount, payment.getLong("amount"));
        assertEquals("AGL" + id, payment.getString("reference"));
        String payload = payment.getString("vietQr.payload");
        assertEquals(new VietQr.Transfer("970436", "0071000888888", amount, "AGL" + id), VietQr.read(payload));
        assertEquals("970436", payment.getString("vietQr.bankBin"));
        assertEquals("0071000888888", payment.getString("vietQr.account"));
        assertEquals("CONG TY AGRILINK", payment.getString("vietQr.accountName"));
        assertEquals(amount, payment.getLong("vietQr.amount"));
        assertEquals("AGL" + id, payment.getString("vietQr.reference"));
        assertEquals(payment.getLong("id"), start(buyer, id).getLong("id"), "asked again: the same pending payment");
        assertEquals(1, payments(buyer, id).getList("payments").size());
    }

    @Test
    void aMatchingTransferConfirmsTheOrderAndItsReplayChangesNothing() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 1_000);
        long amount = totalAmount(id);
        long paymentId = start(buyer, id).getLong("id");
        Map<String, Object> transfer = transfer(transactionId(), "AGL" + id + " thanh toan don hang", amount);

        send(transfer).then().statusCode(200).body("success", equalTo(true), "outcome", equalTo("CONFIRMED"));

        JsonPath paid = payments(buyer, id);
        assertEquals("CONFIRMED", paid.getString("orderStatus"));
        assertEquals(1, paid.getList("payments").size());
        assertEquals(paymentId, paid.getLong("payments[0].id"));
        assertEquals("PAID", paid.getString("payments[0].status"));
        assertEquals(amount, paid.getLong("payments[0].receivedAmount"));
        assertEquals(transfer.get("referenceCode"), paid.getString("payments[0].providerRef"));
        assertEquals(List.of(), paid.getList("refunds"));
        String orderRef = orderView(id).getString("orderRef");
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> "CONFIRMED".equals(catalog.reservation(orderRef).status));
        assertEquals(1, count(history(id), "PAID"));

        send(transfer).then().statusCode(200).body("outcome", equalTo("REPEATED"));

        JsonPath again = payments(buyer, id);
        assertEquals("CONFIRMED", again.getString("orderStatus"));
        assertEquals(1, again.getList("payments").size());
        assertEquals(amount, again.getLong("payments[0].receivedAmount"), "the replay added nothing");
        assertEquals(1, count(history(id), "PAID"), "no second history entry");
    }

    @Test
    void tenCopiesOfOneNotificationAtOnceConfirmTheOrderOnce() throws Exception {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 1_500);
        long amount = totalAmount(id);
        start(buyer, id);
        byte[] body = BankNotifications.json(transfer(transactionId(), "AGL" + id, amount));

        List<String> outcomes = inParallel(10, () -> send(body).then().statusCode(200).extract().path("outcome"));

        assertEquals(1, outcomes.stream().filter("CONFIRMED"::equals).count(), outcomes.toString());
        assertEquals(9, outcomes.stream().filter("REPEATED"::equals).count(), outcomes.toString());
        JsonPath paid = payments(buyer, id);
        assertEquals("CONFIRMED", paid.getString("orderStatus"));
        assertEquals(1, paid.getList("payments.findAll { it.status == 'PAID' }").size());
        assertEquals(amount, paid.getLong("payments[0].receivedAmount"));
        assertEquals(1, count(history(id), "PAID"));
    }

    @Test
    void anUnderpaidTransferWaitsForStaffUntilTheRestArrives() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 2_000);
        long amount = totalAmount(id);
        long paymentId = start(buyer, id).getLong("id");

        send(transfer(transactionId(), "AGL" + id, amount - 50_000)).then().statusCode(200)
                .body("outcome", equalTo("MISMATCH"));

        JsonPath short1 = payments(buyer, id);
        assertEquals("PLACED", short1.getString("orderStatus"), "never confirmed on a short payment");
        assertEquals("PENDING", short1.getString("payments[0].status"));
        assertEquals(amount - 50_000, short1.getLong("payments[0].receivedAmount"));
        assertEquals(true, short1.getBoolean("payments[0].mismatch"));
        assertTrue(mismatchedPaymentIds().contains(paymentId), "staff see it among the mismatches");
        assertEquals(1, count(history(id), "PAYMENT_MISMATCH"));
        assertEquals(0, count(history(id), "PAID"));

        send(transfer(transactionId(), "agl " + id + " phan con lai", 50_000)).then().statusCode(200)
                .body("outcome", equalTo("CONFIRMED"));

        JsonPath paid = payments(buyer, id);
        assertEquals("CONFIRMED", paid.getString("orderStatus"));
        assertEquals("PAID", paid.getString("payments[0].status"));
        assertEquals(amount, paid.getLong("payments[0].receivedAmount"));
        assertEquals(false, paid.getBoolean("payments[0].mismatch"));
        assertTrue(!mismatchedPaymentIds().contains(paymentId), "no longer a mismatch");
        assertEquals(1, count(history(id), "PAID"));
    }

    @Test
    void anOverpaidTransferIsNotConfirmedButStaffStillCanAndTheSurplusGoesBack() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 1_000);
        long amount = totalAmount(id);
        long paymentId = start(buyer, id).getLong("id");

        send(transfer(transactionId(), "AGL-" + id, amount + 10_000)).then().statusCode(200)
                .body("outcome", equalTo("MISMATCH"));

        JsonPath over = payments(buyer, id);
        assertEquals("PLACED", over.getString("orderStatus"));
        assertEquals(amount + 10_000, over.getLong("payments[0].receivedAmount"));
        assertEquals(true, over.getBoolean("payments[0].mismatch"));
        assertTrue(mismatchedPaymentIds().contains(paymentId));

        given().auth().oauth2(STAFF).contentType("application/json").body(Map.of("reference", "VCB overpaid, ok"))
                .post("/orders/" + id + "/payment").then().statusCode(200).body("status", equalTo("CONFIRMED"));

        JsonPath paid = payments(buyer, id);
        assertEquals("CONFIRMED", paid.getString("orderStatus"));
        assertEquals("PAID", paid.getString("payments[0].status"));
        assertEquals(amount, paid.getLong("payments[0].receivedAmount"), "the order keeps what is due");
        assertEquals(1, count(history(id), "PAID"));
        // the surplus goes back, once: a refund task for staff of exactly the 10,000 đ over
        assertEquals(1, paid.getList("refunds").size());
        assertEquals(10_000, paid.getLong("refunds[0].amount"));
        assertEquals("REQUESTED", paid.getString("refunds[0].status"));
        assertEquals(10_000, paid.getLong("payments[1].amount"));
        assertEquals("PAID", paid.getString("payments[1].status"));

        // cancelling later refunds the order's own payment, the surplus is not refunded twice
        given().auth().oauth2(STAFF).contentType("application/json").body(Map.of("reason", "hail"))
                .post("/orders/" + id + "/cancel").then().statusCode(200);
        JsonPath cancelled = payments(buyer, id);
        assertEquals(2, cancelled.getList("refunds").size());
        assertEquals(amount + 10_000, cancelled.getLong("refunds[0].amount") + cancelled.getLong("refunds[1].amount"));
    }

    @Test
    void aTransferAfterTheOrderExpiredIsRefundedByStaff() throws SQLException {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 1_000);
        long amount = totalAmount(id);
        start(buyer, id);
        expire(id);
        assertEquals("CANCELLED", orderView(id).getString("status"));
        assertEquals("EXPIRED", payments(buyer, id).getString("payments[0].status"));

        send(transfer(transactionId(), "AGL" + id, amount)).then().statusCode(200)
                .body("outcome", equalTo("REFUNDING"));

        JsonPath late = payments(buyer, id);
        assertEquals("CANCELLED", late.getString("orderStatus"), "an expired order stays cancelled");
        assertEquals(1, late.getList("refunds").size());
        assertEquals("REQUESTED", late.getString("refunds[0].status"));
        assertEquals("BANK_TRANSFER", late.getString("refunds[0].method"));
        assertEquals(amount, late.getLong("refunds[0].amount"));
        List<Map<String, Object>> requested = given().auth().oauth2(STAFF)
                .queryParam("status", "REQUESTED").queryParam("method", "BANK_TRANSFER").queryParam("size", 100)
                .get("/refunds").then().statusCode(200).extract().path("items.findAll { it.orderId == " + id + " }");
        assertEquals(1, requested.size(), "staff have the refund task");
        assertEquals(1, count(history(id), "REFUND_REQUESTED"));
        assertEquals(0, count(history(id), "PAID"));
    }

    @Test
    void aTransferNamingNoOrderIsRecordedAsUnknownAndOutgoingMoneyOrAnotherAccountsIsIgnored() {
        send(transfer(transactionId(), "AGL987654321987", 250_000)).then().statusCode(200)
                .body("outcome", equalTo("UNKNOWN"));
        send(transfer(transactionId(), "tien nha thang 6", 250_000)).then().statusCode(200)
                .body("outcome", equalTo("UNKNOWN"));

        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 1_000);
        start(buyer, id);
        Map<String, Object> outgoing = transfer(transactionId(), "AGL" + id, totalAmount(id));
        outgoing.put("transferType", "out");
        send(outgoing).then().statusCode(200).body("outcome", equalTo("IGNORED"));
        Map<String, Object> toAnotherAccount = transfer(transactionId(), "AGL" + id, totalAmount(id));
        toAnotherAccount.put("accountNumber", "1903 0000 1111");
        send(toAnotherAccount).then().statusCode(200).body("outcome", equalTo("IGNORED"));
        assertEquals("PLACED", orderView(id).getString("status"));
        assertEquals("PENDING", payments(buyer, id).getString("payments[0].status"));
    }

    @Test
    void theReferenceIsFoundInTheDescriptionWhenTheContentLostIt() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 1_000);
        start(buyer, id);
        Map<String, Object> transfer = transfer(transactionId(), "chuyen tien", totalAmount(id));
        transfer.put("description", "MBVCB.99.NGUYEN VAN AN chuyen tien AGL" + id + " dua hau");

        send(transfer).then().statusCode(200).body("outcome", equalTo("CONFIRMED"));
        assertEquals("CONFIRMED", orderView(id).getString("status"));
    }

    @Test
    void onlyTheBuyerAndStaffSeeAnOrdersPayments() {
        String buyer = unique("buyer");
        long id = bankTransferOrder(buyer, 1_000);
        start(buyer, id);

        given().auth().oauth2(Tokens.of(Roles.BUYER, unique("someone-else"))).get("/orders/" + id + "/payments")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Roles.BUYER, unique("someone-else"))).contentType("application/json")
                .body("{}").post("/orders/" + id + "/payments").then().statusCode(404);
        given().auth().oauth2(STAFF).get("/orders/" + id + "/payments").then().statusCode(200)
                .body("orderId", equalTo((int) id), "payments[0].redirectUrl", nullValue());
        given().get("/orders/" + id + "/payments").then().statusCode(401);
    }

    private long bankTransferOrder(String buyer, long grams) {
        long lot = catalog.addLot(100_000, 185_000, null, "farmer-lan");
        return placed(buyer, order(lot, grams, "BANK_TRANSFER", hanoi("Nguyễn Văn An")));
    }

    private static JsonPath start(String buyer, long id) {
        return given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json").body("{}")
                .post("/orders/" + id + "/payments").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath payments(String buyer, long id) {
        return given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id + "/payments").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath orderView(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static long totalAmount(long id) {
        return orderView(id).getLong("totalAmount");
    }

    private static List<String> history(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id + "/history").then().statusCode(200).extract()
                .jsonPath().getList("action", String.class);
    }

    private static long count(List<String> actions, String action) {
        return actions.stream().filter(action::equals).count();
    }

    private static List<Long> mismatchedPaymentIds() {
        return given().auth().oauth2(STAFF).queryParam("mismatch", true).queryParam("size", 100).get("/payments")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    /** The payment window closes: its due time is put in the past and the expiry sweep runs. */
    private void expire(long id) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement past = db.prepareStatement(
                        "update customer_order set payment_due_at = now() - interval '1 minute' where id = ?")) {
            past.setLong(1, id);
            assertEquals(1, past.executeUpdate());
        }
        lifecycle.cancelUnpaid(Instant.now(), 200);
    }

    private static <T> List<T> inParallel(int callers, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
