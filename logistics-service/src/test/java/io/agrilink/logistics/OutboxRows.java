package io.agrilink.logistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/** The outbox's messages about one shipment, read straight from its table, in id order. */
final class OutboxRows {

    /** One {@code outbox_message} row, as far as the tests look at it. */
    record Row(long id, String kind, String orderingKey, String payload, int attempts, String lastError,
            boolean delivered, boolean failed) {

        boolean pending() {
            return !delivered && !failed;
        }
    }

    private OutboxRows() {
    }

    static List<Row> about(long shipmentId) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement("""
                select id, kind, ordering_key, payload, attempts, last_error, delivered_at is not null,
                       failed_at is not null
                from outbox_message where subject = ? order by id""")) {
            query.setString(1, String.valueOf(shipmentId));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
