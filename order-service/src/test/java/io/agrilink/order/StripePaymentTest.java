package io.agrilink.order;

import static io.agrilink.order.OnlinePayments.STAFF;
import static io.agrilink.order.OnlinePayments.awaitRefund;
import static io.agrilink.order.OnlinePayments.cancel;
import static io.agrilink.order.OnlinePayments.history;
import static io.agrilink.order.OnlinePayments.money;
import static io.agrilink.order.OnlinePayments.placedOnline;
import static io.agrilink.order.OnlinePayments.quietly;
import static io.agrilink.order.OnlinePayments.start;
import static io.agrilink.order.OnlinePayments.status;
import static io.agrilink.order.OrderFixtures.abroad;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.doubles.StripeDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Stripe: a Checkout Session in VND, the signed webhook that decides, refunds through Stripe's API exactly once. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class StripePaymentTest {

    @Inject
    CatalogDouble catalog;

    @Inject
    StripeDouble stripe;

    @Test
    void startingCreatesACheckoutSessionInVndForTheOrder() {
        given().get("/payments/methods").then().statusCode(200)
                .body("find { it.method == 'STRIPE' }.available", equalTo(true));
        String buyer = unique("buyer");
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        long id = placed(buyer, order(lot, 1_000, "STRIPE", abroad("US", "94105")));
        Instant before = Instant.now();
        JsonPath payment = start(buyer, id);

        String session = sessionOf(payment);
        StripeDouble.CreatedSession created = stripe.session(session);
        Map<String, String> form = created.form();
        assertEquals("payment", form.get("mode"));
        assertEquals("vnd", form.get("line_items[0][price_data][currency]"));
        assertEquals("150000", form.get("line_items[0][price_data][unit_amount]"), "VND is zero-decimal: whole đồng");
        assertEquals("1", form.get("line_items[0][quantity]"));
        assertEquals("AgriLink order " + payment.getString("reference"),
                form.get("line_items[0][price_data][product_data][name]"));
        String returnUrl = "http://localhost:8085/my/orders/" + id + "/payment";
        assertEquals(returnUrl, form.get("success_url"));
        assertEquals(returnUrl, form.get("cancel_url"));
        assertEquals(payment.getString("id"), form.get("client_reference_id"));
        assertEquals(Long.toString(id), form.get("metadata[orderId]"));
        assertEquals(payment.getString("id"), form.get("metadata[paymentId]"));
        long expiresAt = Long.parseLong(form.get("expires_at"));
        assertTrue(expiresAt >= before.plus(Duration.ofMinutes(30)).getEpochSecond()
                && expiresAt <= before.plus(Duration.ofHours(24)).getEpochSecond(), "within Stripe's window");
        assertEquals("checkout-" + payment.getString("id"), created.idempotencyKey());

        assertEquals(payment.getString("redirectUrl"), start(buyer, id).getString("redirectUrl"),
                "a second tap goes to the same session");
        assertEquals(1, stripe.calls("checkout-" + payment.getString("id")));
    }

    @Test
    void aPaidSessionConfirmsTheOrderAndAReplayedEventChangesNothing() {
        String buyer = unique("buyer");
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "STRIPE");
        String session = sessionOf(start(buyer, id));
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String event = stripe.completed("evt_" + UUID.randomUUID(), session, intent, 150_000);

        webhook(event, StripeDouble.signature(event, StripeDouble.WEBHOOK_SECRET, Instant.now())).then()
                .statusCode(200).body("received", equalTo(true), "outcome", equalTo("CONFIRMED"));

        assertEquals("CONFIRMED", status(id));
        assertEquals("PAID", money(id).getString("payments[0].status"));
        assertEquals(intent, money(id).getString("payments[0].providerRef"));

        webhook(event, StripeDouble.signature(event, StripeDouble.WEBHOOK_SECRET, Instant.now())).then()
                .statusCode(200).body("outcome", equalTo("REPEATED"));
        history(id).body("findAll { it.action == 'PAID' }.size()", equalTo(1));
        assertEquals(1, money(id).getList("payments").size());
    }

    @Test
    void aForgedOrStaleSignatureIsRefusedAndChangesNothing() {
        String buyer = unique("buyer");
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "STRIPE");
        String session = sessionOf(start(buyer, id));
        String event = stripe.completed("evt_" + UUID.randomUUID(), session, "pi_forged", 150_000);

        webhook(event, StripeDouble.signature(event, "whsec_someone_else", Instant.now())).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("Stripe-Signature"));
        webhook(event, StripeDouble.signature(event, StripeDouble.WEBHOOK_SECRET,
                Instant.now().minus(Duration.ofMinutes(6)))).then().statusCode(400)
                .contentType("application/problem+json");
        webhook(event, null).then().statusCode(400).contentType("application/problem+json");
        String signedOther = event.replace("150000", "1");
        webhook(signedOther, StripeDouble.signature(event, StripeDouble.WEBHOOK_SECRET, Instant.now())).then()
                .statusCode(400);

        assertEquals("PLACED", status(id));
        assertEquals("PENDING", money(id).getString("payments[0].status"));
        history(id).body("action", not(hasItem("PAID")));
        // the genuine event still pays afterwards: nothing was recorded under its id
        webhook(event, StripeDouble.signature(event, StripeDouble.WEBHOOK_SECRET, Instant.now())).then()
                .statusCode(200).body("outcome", equalTo("CONFIRMED"));
    }

    @Test
    void anExpiredSessionFailsThePaymentAndOtherEventsAreIgnored() {
        String buyer = unique("buyer");
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "STRIPE");
        String session = sessionOf(start(buyer, id));

        String other = stripe.event("evt_" + UUID.randomUUID(), "payment_intent.created", session,
                null, 150_000, "unpaid");
        webhook(other, StripeDouble.signature(other, StripeDouble.WEBHOOK_SECRET, Instant.now())).then()
                .statusCode(200).body("outcome", equalTo("IGNORED"));
        String unpaid = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.completed", session, null, 150_000,
                "unpaid");
        webhook(unpaid, StripeDouble.signature(unpaid, StripeDouble.WEBHOOK_SECRET, Instant.now())).then()
                .statusCode(200).body("outcome", equalTo("IGNORED"));
        assertEquals("PENDING", money(id).getString("payments[0].status"));

        String expired = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.expired", session, null, 150_000,
                "unpaid");
        webhook(expired, StripeDouble.signature(expired, StripeDouble.WEBHOOK_SECRET, Instant.now())).then()
                .statusCode(200).body("outcome", equalTo("FAILED"));
        assertEquals("FAILED", money(id).getString("payments[0].status"));
        assertEquals("PLACED", status(id));
    }

    @Test
    void cancellingAPaidOrderRefundsItThroughStripeOnce() {
        String buyer = unique("buyer");
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        long id = paid(buyer, intent);

        cancel(Tokens.of(Roles.BUYER, buyer), id).then().statusCode(200).body("status", equalTo("CANCELLED"));

        awaitRefund(id, "DONE");
        quietly();
        assertEquals(1, stripe.refundsMade(intent));
        JsonPath money = money(id);
        assertEquals(1, money.getList("refunds").size());
        assertEquals(150_000L, money.getLong("refunds[0].amount"));
        assertTrue(money.getString("refunds[0].providerRef").startsWith("re_test_"), "Stripe's refund id");
        assertEquals(1, stripe.calls("refund-" + money.getLong("refunds[0].id")));
    }

    @Test
    void twoStaffCancellingAtOnceRefundOnce() throws Exception {
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        long id = paid(unique("buyer"), intent);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (String staff : List.of("staff-hoa", "staff-binh")) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return cancel(Tokens.of(Roles.STAFF, staff), id).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one cancel wins: " + statuses);
            assertEquals(1, statuses.stream().filter(s -> s == 409).count(), "the other is told: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        awaitRefund(id, "DONE");
        quietly();
        assertEquals(1, money(id).getList("refunds").size());
        assertEquals(1, stripe.refundsMade(intent));
    }

    @Test
    void aRefundDuringAStripeOutageIsRetriedAndMadeOnce() {
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        long id = paid(unique("buyer"), intent);
        stripe.down(true);
        String key;
        try {
            cancel(STAFF, id).then().statusCode(200).body("status", equalTo("CANCELLED"));
            key = "refund-" + money(id).getLong("refunds[0].id");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stripe.calls(key) >= 2);
            assertEquals("REQUESTED", money(id).getString("refunds[0].status"), "retried, not given up");
            assertEquals(0, stripe.refundsMade(intent));
        } finally {
            stripe.down(false);
        }
        awaitRefund(id, "DONE");
        quietly();
        assertEquals(1, stripe.refundsMade(intent));
        assertEquals(1, money(id).getList("refunds").size());
    }

    /** A Stripe order paid through the webhook. */
    private long paid(String buyer, String intent) {
        long id = placedOnline(catalog.addLot(10_000, 150_000, null, "farmer-lan"), buyer, "STRIPE");
        String event = stripe.completed("evt_" + UUID.randomUUID(), sessionOf(start(buyer, id)), intent, 150_000);
        webhook(event, StripeDouble.signature(event, StripeDouble.WEBHOOK_SECRET, Instant.now())).then()
                .statusCode(200).body("outcome", equalTo("CONFIRMED"));
        return id;
    }

    /** The session's id, the last segment of the checkout URL the buyer is sent to. */
    private static String sessionOf(JsonPath payment) {
        String url = payment.getString("redirectUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static Response webhook(String payload, String signature) {
        var request = given().contentType("application/json").body(payload.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.post("/payments/stripe/webhook");
    }
}
