package io.agrilink.training.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.OutboxShape;
import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** training-service's outbox tables have the platform's one shape, and V2 kept the messages it found. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OutboxTableTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void outboxTablesHaveThePlatformShape() throws SQLException {
        OutboxShape.check(dataSource);
    }

    @Test
    void migrationKeepsPendingMessagesAndGivesEachItsSubject() throws SQLException {
        String schema = "v1_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            flyway(schema, "1").migrate();
            execute(schema, """
                    insert into outbox_message (id, kind, payload, attempts, next_attempt_at, created_at)
                    values (1, 'NOTICE', '51', 3, now(), now()),
                           (2, 'LIVESTREAM_READY', '{"subject":"farmer-lan","certificateCode":"K7WQ2ZP9XM"}', 0, now(), now()),
                           (3, 'NOTICE', '52', 1, now(), now());
                    update outbox_message set delivered_at = now() where id = 3;
                    select setval('outbox_message_seq', 51)""");
            flyway(schema, "2").migrate();

            assertEquals(List.of(
                    "1 NOTICE 51 51 3 PENDING",
                    "2 LIVESTREAM_READY farmer-lan {\"subject\":\"farmer-lan\",\"certificateCode\":\"K7WQ2ZP9XM\"} 0 PENDING",
                    "3 NOTICE 52 52 1 DELIVERED"), rows(schema));
            execute(schema, "insert into outbox_message (kind, subject, payload) values ('NOTICE', '53', '53')");
            List<String> after = rows(schema);
            assertTrue(after.get(3).matches("\\d+ NOTICE 53 53 0 PENDING") && Long.parseLong(after.get(3).split(" ")[0]) > 51,
                    "a new message takes an id above every id used before: " + after.get(3));
        } finally {
            execute(null, "drop schema " + schema + " cascade");
        }
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true).target(target).load();
    }

    private void execute(String schema, String sql) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            if (schema != null) {
                statement.execute("set search_path to " + schema);
            }
            for (String part : sql.split(";")) {
                statement.execute(part);
            }
            statement.execute("reset search_path");
        }
    }

    private List<String> rows(String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("select id, kind, subject, payload, attempts,"
                        + " case when delivered_at is not null then 'DELIVERED' when failed_at is not null then 'FAILED'"
                        + " when discarded_at is not null then 'DISCARDED' else 'PENDING' end"
                        + " from " + schema + ".outbox_message order by id")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getInt(5) + " " + rs.getString(6));
            }
        }
        return rows;
    }
}
