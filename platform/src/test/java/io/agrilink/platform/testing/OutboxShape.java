package io.agrilink.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Checks that a service's outbox tables have the one shape the platform's outbox reads and
 * writes (see {@code io.agrilink.platform.outbox}): every service's Flyway migrations must give
 * them exactly these columns (in any order: an altered table adds its new ones at the end).
 */
public final class OutboxShape {

    private static final List<String> MESSAGE = List.of(
            "id bigint NO", "kind character varying(40) NO", "subject character varying(100) YES",
            "ordering_key character varying(100) YES", "payload text NO", "attempts integer NO",
            "next_attempt_at timestamp with time zone NO", "last_error character varying(1000) YES",
            "delivered_at timestamp with time zone YES", "failed_at timestamp with time zone YES",
            "discarded_at timestamp with time zone YES", "created_at timestamp with time zone NO");

    private static final List<String> ACTION = List.of(
            "id bigint NO", "message_id bigint NO", "kind character varying(40) NO",
            "action character varying(20) NO", "actor character varying(100) NO",
            "reason character varying(500) YES", "last_error character varying(1000) YES", "attempts integer NO",
            "at timestamp with time zone NO");

    private OutboxShape() {
    }

    public static void check(DataSource dataSource) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            assertEquals(sorted(MESSAGE), columns(db, "outbox_message"), "outbox_message's columns");
            assertEquals(sorted(ACTION), columns(db, "outbox_action"), "outbox_action's columns");
        }
    }

    private static List<String> sorted(List<String> columns) {
        return columns.stream().sorted().toList();
    }

    private static List<String> columns(Connection db, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var query = db.prepareStatement("""
                select column_name, data_type, character_maximum_length, is_nullable from information_schema.columns
                where table_schema = current_schema() and table_name = ? order by column_name""")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String length = rs.getObject(3) == null ? "" : "(" + rs.getInt(3) + ")";
                    columns.add(rs.getString(1) + " " + rs.getString(2) + length + " " + rs.getString(4));
                }
            }
        }
        return columns;
    }
}
