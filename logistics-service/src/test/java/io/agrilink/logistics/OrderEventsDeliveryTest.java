package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.assignedTo;
import static io.agrilink.logistics.Fixtures.deliveryCode;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.step;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.agrilink.platform.testing.OutboxShape;
import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
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
        assertEquals(JOURNEY.size(), OutboxRows.about(first).stream().filter(OutboxRows.Row::pending).count(),
                "every event waits in the outbox");

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
        List<OutboxRows.Row> rows = OutboxRows.about(first);
        assertEquals(JOURNEY.size(), rows.stream().filter(OutboxRows.Row::delivered).count());
        assertTrue(rows.get(0).attempts() > 1, "the first event was retried: " + rows.get(0).attempts() + " attempts");
    }

    @Test
    void eventRefusedForGoodIsRecordedAndNotRetried() {
        CarrierRef c = Fixtures.allRounder();
        long orderId = Fixtures.unique();
        OrderServiceDouble.forget(orderId);
        long id = Fixtures.createShipment(Fixtures.handoff(orderId, "VN"));
        Fixtures.carrier(c.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> failed(id) == 1);
        OutboxRows.Row refused = OutboxRows.about(id).get(0);
        assertEquals(1, refused.attempts(), "a 404 is not retried");
        assertTrue(refused.lastError().contains("404"), refused.lastError());
        assertFalse(refused.delivered());
        step(c, id, Map.of("status", "PICKED_UP"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> failed(id) == 2);
    }

    @Test
    void anEventRefusedForGoodIsRedrivenByStaffAndDeliveredOnce() {
        CarrierRef c = Fixtures.allRounder();
        long orderId = Fixtures.unique();
        OrderServiceDouble.forget(orderId);
        long id = Fixtures.createShipment(Fixtures.handoff(orderId, "VN"));
        Fixtures.carrier(c.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> failed(id) == 1);
        long message = OutboxRows.about(id).get(0).id();
        staff().get("/outbox/failed").then().statusCode(200).body("id", hasItem((int) message));

        OrderServiceDouble.remember(orderId);
        staff().body(Map.of("reason", "the order was restored in order-service")).post("/outbox/" + message + "/redrive")
                .then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> OrderServiceDouble.appliedFor(id).size() == 1);
        OrderServiceDouble.Received applied = OrderServiceDouble.appliedFor(id).get(0);
        assertEquals("ASSIGNED", applied.event().status());
        assertEquals(orderId, applied.orderId());
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> OutboxRows.about(id).get(0).delivered());
        assertEquals(1, OrderServiceDouble.receipts(applied.event().eventId()), "delivered once");
        staff().get("/outbox/" + message).then().statusCode(200)
                .body("state", equalTo("DELIVERED"), "actions.action", equalTo(List.of("REDRIVEN")),
                        "actions[0].actor", equalTo("staff-hoa"));
    }

    @Test
    void eventsOfInterleavedShipmentsWrittenDuringAnOutageArriveInOrderPerShipment() {
        CarrierRef c = Fixtures.allRounder();
        int refusedBefore = OrderServiceDouble.refusedWhileDown();
        OrderServiceDouble.down(true);
        long a = assignedTo(c);
        long b = assignedTo(c);
        long d = assignedTo(c);
        step(c, b, Map.of("status", "PICKED_UP"));
        step(c, a, Map.of("status", "PICKED_UP"));
        step(c, a, Map.of("status", "IN_TRANSIT", "location", "Lục Ngạn"));
        step(c, d, Map.of("status", "PICKED_UP"));
        step(c, b, Map.of("status", "IN_TRANSIT", "location", "Hải Dương"));
        step(c, a, Map.of("status", "IN_TRANSIT", "location", "Bắc Giang"));
        step(c, d, Map.of("status", "IN_TRANSIT", "location", "Từ Sơn"));
        step(c, a, Map.of("status", "IN_TRANSIT", "location", "Gia Lâm"));
        step(c, b, Map.of("status", "IN_TRANSIT", "location", "Hưng Yên"));
        step(c, a, Map.of("status", "OUT_FOR_DELIVERY"));
        step(c, d, Map.of("status", "IN_TRANSIT", "location", "Long Biên"));
        step(c, a, Map.of("status", "DELIVERED", "proof",
                Map.of("recipientName", "Phạm Thu Hà", "deliveryCode", deliveryCode(a))));
        // status and location; the steps after IN_TRANSIT carry the last location
        Map<Long, List<String>> expected = Map.of(
                a, List.of("ASSIGNED", "PICKED_UP", "IN_TRANSIT Lục Ngạn", "IN_TRANSIT Bắc Giang", "IN_TRANSIT Gia Lâm",
                        "OUT_FOR_DELIVERY Gia Lâm", "DELIVERED Gia Lâm"),
                b, List.of("ASSIGNED", "PICKED_UP", "IN_TRANSIT Hải Dương", "IN_TRANSIT Hưng Yên"),
                d, List.of("ASSIGNED", "PICKED_UP", "IN_TRANSIT Từ Sơn", "IN_TRANSIT Long Biên"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> OrderServiceDouble.refusedWhileDown() > refusedBefore + 6);
        expected.forEach((shipment, steps) -> {
            assertEquals(List.of(), OrderServiceDouble.appliedFor(shipment), "nothing gets through while down");
            assertEquals(steps.size(), OutboxRows.about(shipment).stream().filter(OutboxRows.Row::pending).count());
        });

        OrderServiceDouble.down(false);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> expected.entrySet().stream()
                        .allMatch(e -> OrderServiceDouble.appliedFor(e.getKey()).size() == e.getValue().size()));
        expected.forEach((shipment, steps) -> {
            List<OrderServiceDouble.Received> applied = OrderServiceDouble.appliedFor(shipment);
            assertEquals(steps, applied.stream().map(r -> r.event().status()
                    + (r.event().location() == null ? "" : " " + r.event().location())).toList(),
                    "shipment " + shipment + "'s events in the order they happened");
            for (OrderServiceDouble.Received r : applied) {
                assertEquals(1, OrderServiceDouble.receipts(r.event().eventId()), "delivered exactly once");
            }
        });
    }

    @Test
    void theOutboxTablesHaveThePlatformShape() throws SQLException {
        OutboxShape.check(dataSource);
        OutboxRows.Row assigned = OutboxRows.about(assignedTo(Fixtures.allRounder())).get(0);
        assertEquals("SHIPMENT_STATUS", assigned.kind());
        assertTrue(assigned.orderingKey().startsWith("shipment:"), assigned.orderingKey());
    }

    private static long failed(long shipmentId) {
        return OutboxRows.about(shipmentId).stream().filter(OutboxRows.Row::failed).count();
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
