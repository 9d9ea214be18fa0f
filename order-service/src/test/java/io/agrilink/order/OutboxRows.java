package io.agrilink.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.platform.outbox.OutboxStore;
import io.agroal.api.AgroalDataSource;

/** The outbox's rows about an order, read as an operator would (the staff view's {@link OutboxStore.Row}). */
@ApplicationScoped
public class OutboxRows {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxStore store;

    /** Messages of {@code kind} about the order that match {@code condition} (SQL on outbox_message). */
    public long count(String kind, long orderId, String condition) {
        return query("select count(*) from outbox_message where kind = ? and subject = ? and " + condition, kind,
                orderId).orElse(0L);
    }

    /** The first message of {@code kind} about the order. */
    public OutboxStore.Row of(String kind, long orderId) {
        long id = query("select id from outbox_message where kind = ? and subject = ? order by id", kind, orderId)
                .orElseThrow(() -> new AssertionError("no " + kind + " message about order " + orderId));
        return byId(id);
    }

    public OutboxStore.Row byId(long id) {
        return store.find(id).orElseThrow(() -> new AssertionError("no outbox message " + id));
    }

    private Optional<Long> query(String sql, String kind, long orderId) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, kind);
            select.setString(2, Long.toString(orderId));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
