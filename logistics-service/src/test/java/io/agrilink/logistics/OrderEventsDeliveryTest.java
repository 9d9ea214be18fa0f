package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.assignedTo;
import static io.agrilink.logistics.Fixtures.deliveryCode;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agrilink.logistics.Fixtures.CarrierRef;
import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OrderEventsDeliveryTest {

    private static final List<String> JOURNEY = List.of("ASSIGNED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY",
            "DELIVERED");

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void orderServiceIsBack() {
        OrderServiceDouble.down(false);
        OrderServiceDouble.release();
    }

    private static void travel(CarrierRef c, long id) {
        step(c, id, Map.of("status", "PICKED_UP"));
        step(c, id, Map.of("status", "IN_TRANSIT", "location", "Cao tốc Hà Nội - Bắc Giang"));
        step(c, id, Map.of("status", "OUT_FOR_DELIVERY"));
        step(c, id, Map.of("status", "DELIVERED", "proof",
                Map.of("recipientName", "Phạm Thu Hà", "deliveryCode", deliveryCode(id))));
    }

    @Test
    void statusEventsReachOrderServiceInOrderWithTheContractShape() {
        CarrierRef c = Fixtures.allRounder();
        long id = assignedTo(c);
        long orderId = staff().get("/shipments/" + id).then().extract().jsonPath().getLong("orderId");
        travel(c, id);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> OrderServiceDouble.appliedFor(id).size() == JOURNEY.size());
        List<OrderServiceDouble.Received> applied = OrderServiceDouble.appliedFor(id);
        assertEquals(JOURNEY, applied.stream().map(r -> r.event().status()).toList());
        for (OrderServiceDouble.Received r : applied) {
            assertEquals(orderId, r.orderId());
            assertNotNull(UUID.fromString(r.event().eventId()));
            assertNotNull(r.event().occurredAt());
        }
        assertEquals("Cao tốc Hà Nội - Bắc Giang", applied.get(2).event().location());
    }

    @Test
    void statusEventsSurviveAnOrderServiceOutageAndArriveOnceInOrder() {
        CarrierRef c = Fixtures.allRounder();
        int refusedBefore = OrderServiceDouble.refusedWhileDown();
        OrderServiceDouble.down(true);
        long first = assignedTo(c);
        long second = assignedTo(c);
        travel(c, first);
        step(c, second, Map.of("status", "PICKED_UP"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> OrderServiceDouble.refusedWhileDown() > refusedBefore + 3);
        assertTrue(OrderServiceDouble.appliedFor(first).isEmpty(), "nothing gets through while order-service is down");
        long pending = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("shipmentId = ?1 and deliveredAt is null and failedAt is null", first));
        assertEquals(JOURNEY.size(), pending, "every event waits in the outbox");

        OrderServiceDouble.down(false);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> OrderServiceDouble.appliedFor(first).size() == JOURNEY.size()
                        && OrderServiceDouble.appliedFor(second).size() == 2);

        List<OrderServiceDouble.Received> applied = OrderServiceDouble.appliedFor(first);
        assertEquals(JOURNEY, applied.stream().map(r -> r.event().status()).toList(), "in order");
        assertEquals(List.of("ASSIGNED", "PICKED_UP"),
                OrderServiceDouble.appliedFor(second).stream().map(r -> r.event().status()).toList());
        for (OrderServiceDouble.Received r : applied) {
            assertEquals(1, OrderServiceDouble.receipts(r.event().eventId()), "delivered exactly once");
        }
        long delivered = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("shipmentId = ?1 and deliveredAt is not null", first));
        assertEquals(JOURNEY.size(), delivered);
        int attempts = QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent> find("shipmentId = ?1 and position = 1", first).firstResult().attempts);
        assertTrue(attempts > 1, "the first event was retried: " + attempts + " attempts");
    }

    @Test
    void eventRefusedForGoodIsRecordedAndNotRetried() {
        CarrierRef c = Fixtures.allRounder();
        long orderId = Fixtures.unique();
        OrderServiceDouble.forget(orderId);
        long id = Fixtures.createShipment(Fixtures.handoff(orderId, "VN"));
        Fixtures.carrier(c.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEvent.count("shipmentId = ?1 and failedAt is not null", id)) == 1);
        OutboxEvent refused = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent> find("shipmentId", id).firstResult());
        assertEquals(1, refused.attempts, "a 404 is not retried");
        assertTrue(refused.lastError.contains("404"), refused.lastError);
        assertTrue(refused.deliveredAt == null);
        step(c, id, Map.of("status", "PICKED_UP"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEvent.count("shipmentId = ?1 and failedAt is not null", id)) == 2);
    }

    @Test
    void aHangingOrderServiceNeverHoldsADatabaseConnectionWhileTheRelayWaits() throws Exception {
        try (Connection taken = dataSource.getConnection()) {
            assertTrue(dataSource.getMetrics().activeCount() >= 1, "the pool counts the connections in use");
        }
        CarrierRef c = Fixtures.allRounder();
        long id = Fixtures.shipment();
        OrderServiceDouble.hold();
        Fixtures.carrier(c.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> OrderServiceDouble.held() > 0);

        for (int sample = 0; sample < 5; sample++) {
            assertTrue(OrderServiceDouble.held() > 0, "order-service still hangs");
            assertEquals(0, dataSource.getMetrics().activeCount(), "connections out of the pool during the hang");
            assertEquals(List.of(), openTransactions(), "transactions open in the database during the hang");
            Thread.sleep(100);
        }
        OrderServiceDouble.release();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> OrderServiceDouble.appliedFor(id).size() == 1);
    }

    /** The other sessions of this database inside a transaction: state and statement. */
    private List<String> openTransactions() throws SQLException {
        try (Connection db = dataSource.getConnection(); var query = db.prepareStatement("""
                select state || ': ' || left(query, 120) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid()
                  and backend_type = 'client backend' and xact_start is not null""");
                ResultSet rs = query.executeQuery()) {
            List<String> open = new ArrayList<>();
            while (rs.next()) {
                open.add(rs.getString(1));
            }
            return open;
        }
    }
}
