package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.outbox.OutboxKinds;
import io.agrilink.platform.outbox.Outbox;
import io.agrilink.platform.outbox.OutboxStore;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Cash-on-delivery confirmations reach catalog-service in groups through the outbox, each with its own outcome. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ReservationConfirmationTest {

    @Inject
    CatalogDouble catalog;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRows rows;

    @Test
    void oneGroupConfirmsTheHeldReservationsAndRecordsAnUnknownOneAsFailedForGood() {
        long lot = catalog.addLot(10_000, 100_000, null, "farmer-lan");
        long first = placed(unique("buyer"), cod(lot, 1_000));
        long second = placed(unique("buyer"), cod(lot, 1_000));
        String unknown = unique("o-unknown");
        long unknownMessage = QuarkusTransaction.requiringNew()
                .call(() -> outbox.add(OutboxKinds.CONFIRM_RESERVATION, null, unknown));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rows.byId(unknownMessage).failedAt() != null);
        for (long id : new long[] { first, second }) {
            String ref = QuarkusTransaction.requiringNew().call(() -> CustomerOrder.<CustomerOrder> findById(id).orderRef);
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> "CONFIRMED".equals(catalog.reservation(ref).status));
            // delivered: the message is gone from the outbox
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> rows.count(OutboxKinds.CONFIRM_RESERVATION, id, "true") == 0);
        }
        OutboxStore.Row refused = rows.byId(unknownMessage);
        assertNull(refused.deliveredAt());
        assertEquals(1, refused.attempts());
        assertTrue(refused.lastError().startsWith("HTTP 404"), refused.lastError());
    }

    @Test
    void confirmationsRefusedWithA503AreRetriedAndDeliveredWhenTheCatalogueRecovers() {
        long lot = catalog.addLot(10_000, 100_000, null, "farmer-lan");
        catalog.confirmationsDown(true);
        long id;
        try {
            id = placed(unique("buyer"), cod(lot, 2_000));
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> rows.count(OutboxKinds.CONFIRM_RESERVATION, id, "last_error is not null") == 1);
            OutboxStore.Row waiting = rows.of(OutboxKinds.CONFIRM_RESERVATION, id);
            assertNull(waiting.deliveredAt());
            assertNull(waiting.failedAt());
            assertTrue(waiting.lastError().startsWith("HTTP 503"), waiting.lastError());
        } finally {
            catalog.confirmationsDown(false);
        }
        String ref = QuarkusTransaction.requiringNew().call(() -> CustomerOrder.<CustomerOrder> findById(id).orderRef);
        assertEquals("HELD", catalog.reservation(ref).status);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(catalog.reservation(ref).status));
    }

    @Test
    void orderWhoseStockIsGoneWhenConfirmedLateIsCancelledBySystemInsteadOfStayingConfirmed() {
        long campaign = ThreadLocalRandom.current().nextLong(3_000_000, 4_000_000);
        long lot = catalog.addLot(10_000, 100_000, campaign, "farmer-lan");
        String buyer = unique("buyer");
        // catalog-service is away past the hold's time-to-live; meanwhile the grams are sold again
        catalog.confirmationsDown(true);
        long id;
        String ref;
        try {
            id = placed(buyer, cod(lot, 2_000));
            ref = QuarkusTransaction.requiringNew().call(() -> CustomerOrder.<CustomerOrder> findById(id).orderRef);
            assertEquals("CONFIRMED", status(id));
            catalog.stockGone(ref);
        } finally {
            catalog.confirmationsDown(false);
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(id)));
        OutboxStore.Row refused = rows.of(OutboxKinds.CONFIRM_RESERVATION, id);
        assertNull(refused.deliveredAt());
        assertTrue(refused.failedAt() != null && refused.lastError().startsWith("HTTP 409"), refused.lastError());

        List<OrderEvent> lost = QuarkusTransaction.requiringNew().call(
                () -> OrderEvent.<OrderEvent> list("orderId = ?1 and action = 'STOCK_LOST'", id));
        assertEquals(1, lost.size());
        assertEquals("system", lost.get(0).actor);
        assertEquals(CustomerOrder.Status.CONFIRMED, lost.get(0).fromStatus);
        assertEquals(CustomerOrder.Status.CANCELLED, lost.get(0).toStatus);
        assertTrue(lost.get(0).detail.contains("stock could not be secured"), lost.get(0).detail);

        // the buyer sees it cancelled, with the reason; the campaign dashboard no longer counts it
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id + "/history").then()
                .statusCode(200).body("find { it.action == 'STOCK_LOST' }.actor", equalTo("system"));
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).get("/dashboard/campaigns/" + campaign).then()
                .statusCode(200).body("orders", equalTo(0), "grams", equalTo(0));
    }

    @Test
    void orderConfirmedInTimeStaysConfirmedWithoutAStockLostEntry() {
        long lot = catalog.addLot(10_000, 100_000, null, "farmer-lan");
        long id = placed(unique("buyer"), cod(lot, 1_000));
        String ref = QuarkusTransaction.requiringNew().call(() -> CustomerOrder.<CustomerOrder> findById(id).orderRef);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> rows.count(OutboxKinds.CONFIRM_RESERVATION, id, "true") == 0);
        assertEquals("CONFIRMED", catalog.reservation(ref).status);
        assertEquals("CONFIRMED", status(id));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(
                () -> OrderEvent.count("orderId = ?1 and action = 'STOCK_LOST'", id)));
    }

    private static String status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> CustomerOrder.<CustomerOrder> findById(id).status.name());
    }
}
