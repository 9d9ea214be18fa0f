package io.agrilink.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.logistics.outbox.ShipmentStatusChange;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V3 moves logistics' own outbox ({@code outbox_event}) into the platform's: run on a schema of
 * its own, migrated to V2, given events, then migrated to V3.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OutboxMigrationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Inject
    ObjectMapper json;

    @Test
    void pendingEventsMoveToThePlatformOutboxInShipmentOrderAndDeliveredOnesDoNot() throws Exception {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(url);
        database.setUser("postgres");
        database.setPassword("postgres");
        String schema = "before_v3_" + Fixtures.unique();
        try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
            migrate(database, schema, "2");
            sql.execute("set search_path to " + schema);
            for (long shipment : new long[] { 7, 3 }) {
                sql.execute("""
                        insert into shipment (id, order_id, order_ref, status, producer_name, pickup_province, recipient,
                                              country, cod_amount, cold_chain, is_export, deliver_by, delivery_code)
                        values (%d, %d, 'o-%d', 'IN_TRANSIT', 'HTX Lục Ngạn', 'Bắc Giang', 'Phạm Thu Hà', 'VN', 0,
                                false, false, now() + interval '3 days', '123456')""".formatted(shipment, shipment + 100,
                        shipment + 100));
            }
            // written interleaved, so that ids are not in (shipment, position) order
            sql.execute("""
                    insert into outbox_event (id, event_id, shipment_id, order_id, position, status, occurred_at,
                                              location, note, attempts, next_attempt_at, last_error, delivered_at,
                                              failed_at)
                    values (1, 'a0000000-0000-0000-0000-000000000702', 7, 107, 2, 'PICKED_UP',
                            '2026-06-01T08:30:00.123456Z', null, null, 3, '2026-06-01T09:00:00Z', 'HTTP 503', null, null),
                           (2, 'a0000000-0000-0000-0000-000000000301', 3, 103, 1, 'ASSIGNED',
                            '2026-06-01T07:00:00Z', null, 'Taken by Vận tải Bắc', 0, '2026-06-01T07:00:00Z', null,
                            null, null),
                           (3, 'a0000000-0000-0000-0000-000000000701', 7, 107, 1, 'ASSIGNED',
                            '2026-06-01T08:00:00Z', null, null, 1, '2026-06-01T08:00:00Z', null,
                            '2026-06-01T08:00:01Z', null),
                           (4, 'a0000000-0000-0000-0000-000000000302', 3, 103, 2, 'PICKED_UP',
                            '2026-06-01T07:30:00Z', null, null, 1, '2026-06-01T07:30:00Z', 'order-service answered 404',
                            null, '2026-06-01T07:30:01Z'),
                           (5, 'a0000000-0000-0000-0000-000000000703', 7, 107, 3, 'IN_TRANSIT',
                            '2026-06-01T09:15:00Z', 'Cao tốc Hà Nội - Bắc Giang', null, 0, '2026-06-01T09:15:00Z',
                            null, null, null)""");
            migrate(database, schema, "3");

            List<String[]> moved = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("""
                    select kind, subject, ordering_key, payload, attempts, last_error, failed_at is not null,
                           delivered_at is null and discarded_at is null
                    from outbox_message order by id""")) {
                while (rs.next()) {
                    moved.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), String.valueOf(rs.getBoolean(7)),
                            String.valueOf(rs.getBoolean(8)) });
                }
            }
            List<ShipmentStatusChange> changes = new ArrayList<>();
            for (String[] row : moved) {
                changes.add(json.readValue(row[3], ShipmentStatusChange.class));
                assertEquals("SHIPMENT_STATUS", row[0]);
                assertEquals("shipment:" + row[1], row[2]);
                assertEquals("true", row[7], "not delivered, not discarded");
            }
            assertEquals(List.of("3 ASSIGNED", "3 PICKED_UP", "7 PICKED_UP", "7 IN_TRANSIT"),
                    changes.stream().map(c -> c.shipmentId() + " " + c.status()).toList(),
                    "by shipment, then position; the delivered event is left behind");
            assertEquals(List.of("false", "true", "false", "false"), moved.stream().map(r -> r[6]).toList(),
                    "the refused event stays refused, for staff to re-drive");

            ShipmentStatusChange retried = changes.get(2);
            assertEquals("a0000000-0000-0000-0000-000000000702", retried.eventId());
            assertEquals(107, retried.orderId());
            assertEquals(Instant.parse("2026-06-01T08:30:00.123456Z"), retried.occurredAt());
            assertNull(retried.location());
            assertEquals("3", moved.get(2)[4], "attempts kept");
            assertEquals("HTTP 503", moved.get(2)[5]);
            assertEquals("Cao tốc Hà Nội - Bắc Giang", changes.get(3).location());
            assertEquals("Taken by Vận tải Bắc", changes.get(0).note());

            try (ResultSet rs = sql.executeQuery("select count(*) from information_schema.tables"
                    + " where table_schema = current_schema() and table_name = 'outbox_event'")) {
                rs.next();
                assertFalse(rs.getLong(1) > 0, "outbox_event is gone");
            }
        } finally {
            try (Connection db = database.getConnection(); Statement sql = db.createStatement()) {
                sql.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static void migrate(PGSimpleDataSource database, String schema, String target) {
        Flyway.configure().dataSource(database).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}
