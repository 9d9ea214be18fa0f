package io.agrilink.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.platform.jdbc.FreshPlans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The service's {@code outbox_message} table, in plain JDBC: every service has the same table
 * (see docs/ARCHITECTURE.md), and the relay's statements each handle a whole round. Inside a
 * transaction the connection is the transaction's own (Agroal hands the enlisted one out again),
 * so a write joins the caller's changes.
 */
@ApplicationScoped
@IfBuildProperty(name = "agrilink.outbox.enabled", stringValue = "true")
public class OutboxStore {

    /** Not delivered, refused or discarded: still to be delivered. */
    static final String PENDING = "delivered_at is null and failed_at is null and discarded_at is null";

    @Inject
    AgroalDataSource dataSource;

    /** A message's row, as staff see it. */
    public record Row(long id, String kind, String subject, String orderingKey, String payload, int attempts,
            Instant createdAt, Instant nextAttemptAt, String lastError, Instant deliveredAt, Instant failedAt,
            Instant discardedAt) {

        /** A discarded message keeps its {@code failed_at} (when the receiver refused it): discarded wins. */
        public String state() {
            return deliveredAt != null ? "DELIVERED" : discardedAt != null ? "DISCARDED" : failedAt != null ? "FAILED"
                    : "PENDING";
        }
    }

    /** What staff did to a message. */
    public record Action(String action, String actor, String reason, String lastError, int attempts, Instant at) {
    }

    /** One kind's backlog. */
    public record Backlog(String kind, long pending, Instant oldestPending, long failed) {
    }

    long insert(String kind, String subject, String orderingKey, String payload, Instant notBefore) {
        return query("""
                insert into outbox_message (kind, subject, ordering_key, payload, next_attempt_at)
                values (?, ?, ?, ?, coalesce(?, now())) returning id""", statement -> {
            statement.setString(1, kind);
            statement.setString(2, subject);
            statement.setString(3, orderingKey);
            statement.setString(4, payload);
            statement.setTimestamp(5, notBefore == null ? null : Timestamp.from(notBefore));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    int stop(String kind, String subject, String reason, boolean unsentOnly) {
        return query("update outbox_message set discarded_at = now(), last_error = ? where kind = ? and subject = ? and "
                + PENDING + (unsentOnly ? " and attempts = 0 and next_attempt_at <= now()" : ""), statement -> {
                    statement.setString(1, truncate(reason));
                    statement.setString(2, kind);
                    statement.setString(3, subject);
                    return statement.executeUpdate();
                });
    }

    /**
     * Claims up to {@code limit} due messages in one statement: locked with {@code SKIP LOCKED}
     * (what another round holds is left to it), counted as an attempt, and hidden for the lease.
     * A message with an ordering key is due only once every earlier pending message of its key
     * has been delivered or given up, so one key's messages go out one at a time, in the order
     * they were written (ids come from the sequence one {@code nextval} per message).
     */
    List<OutboxMessage> claim(int limit, Duration lease) {
        return query("""
                with due as (
                    select o.id from outbox_message o
                    where o.delivered_at is null and o.failed_at is null and o.discarded_at is null
                      and o.next_attempt_at <= now()
                      and (o.ordering_key is null or not exists (
                          select 1 from outbox_message e
                          where e.ordering_key = o.ordering_key and e.id < o.id
                            and e.delivered_at is null and e.failed_at is null and e.discarded_at is null))
                    order by o.next_attempt_at, o.id
                    limit ?
                    for update of o skip locked)
                update outbox_message m set attempts = m.attempts + 1,
                       next_attempt_at = now() + ? * interval '1 millisecond'
                from due where m.id = due.id
                returning m.id, m.kind, m.subject, m.payload, m.attempts, m.created_at""", statement -> {
            statement.setInt(1, limit);
            statement.setLong(2, lease.toMillis());
            List<OutboxMessage> claimed = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    claimed.add(message(rs));
                }
            }
            return claimed;
        });
    }

    /** Deletes these messages (delivered, of kinds not kept), in one statement. */
    void forget(long[] ids) {
        if (ids.length > 0) {
            query("delete from outbox_message where id = any(?)", statement -> {
                statement.setArray(1, statement.getConnection().createArrayOf("int8", box(ids)));
                return statement.executeUpdate();
            });
        }
    }

    /** Schedules the next attempt of each message, in one statement; given-up messages are left alone. */
    void retry(long[] ids, String[] errors, long[] delaysMillis, int[] attempts) {
        if (ids.length == 0) {
            return;
        }
        query("update outbox_message m set last_error = u.error,"
                + " next_attempt_at = now() + u.delay * interval '1 millisecond',"
                + " attempts = greatest(m.attempts, u.attempts)"
                + " from unnest(?::int8[], ?::text[], ?::int8[], ?::int4[]) as u(id, error, delay, attempts)"
                + " where m.id = u.id and m.delivered_at is null and m.failed_at is null and m.discarded_at is null",
                statement -> {
                    Connection db = statement.getConnection();
                    String[] cut = new String[errors.length];
                    Long[] delays = new Long[delaysMillis.length];
                    Integer[] counts = new Integer[attempts.length];
                    for (int i = 0; i < ids.length; i++) {
                        cut[i] = truncate(errors[i]);
                        delays[i] = delaysMillis[i];
                        counts[i] = attempts[i];
                    }
                    statement.setArray(1, db.createArrayOf("int8", box(ids)));
                    statement.setArray(2, db.createArrayOf("text", cut));
                    statement.setArray(3, db.createArrayOf("int8", delays));
                    statement.setArray(4, db.createArrayOf("int4", counts));
                    return statement.executeUpdate();
                });
    }

    /** Locks the message's row; empty if it is gone, else whether it is still pending. */
    Optional<Boolean> lockPending(long id) {
        return query("select " + PENDING + " from outbox_message where id = ? for update", statement -> {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.<Boolean>empty();
            }
        });
    }

    void markDelivered(long id, boolean keep) {
        query(keep ? "update outbox_message set delivered_at = now(), last_error = null where id = ?"
                : "delete from outbox_message where id = ?", statement -> {
                    statement.setLong(1, id);
                    return statement.executeUpdate();
                });
    }

    void markRefused(long id, String error) {
        query("update outbox_message set failed_at = now(), last_error = ? where id = ?", statement -> {
            statement.setString(1, truncate(error));
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
    }

    void note(long id, String error) {
        query("update outbox_message set last_error = ? where id = ?", statement -> {
            statement.setString(1, truncate(error));
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
    }

    /** Pending and failed messages per kind; kinds with neither are left out. */
    public List<Backlog> backlog() {
        return query("""
                select kind, count(*) filter (where %s), min(created_at) filter (where %s),
                       count(*) filter (where failed_at is not null)
                from outbox_message
                where (%s) or (failed_at is not null and discarded_at is null)
                group by kind order by kind""".formatted(PENDING, PENDING, PENDING), statement -> {
            List<Backlog> kinds = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    kinds.add(new Backlog(rs.getString(1), rs.getLong(2), instant(rs, 3), rs.getLong(4)));
                }
            }
            return kinds;
        });
    }

    /** Messages refused for good and not discarded, the latest first. */
    public List<Row> failed(int limit) {
        return rows("where failed_at is not null and discarded_at is null order by failed_at desc, id desc limit ?",
                limit);
    }

    public Optional<Row> find(long id) {
        return rows("where id = ?", id).stream().findFirst();
    }

    Optional<Row> lock(long id) {
        return rows("where id = ? for update", id).stream().findFirst();
    }

    public List<Action> actions(long messageId) {
        return query("select action, actor, reason, last_error, attempts, at from outbox_action where message_id = ?"
                + " order by at, id", statement -> {
                    statement.setLong(1, messageId);
                    List<Action> actions = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            actions.add(new Action(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getInt(5), instant(rs, 6)));
                        }
                    }
                    return actions;
                });
    }

    /** Writes what staff did to a message, with its state before; then makes it due again or discards it. */
    void act(Row message, String action, String actor, String reason) {
        query("insert into outbox_action (message_id, kind, action, actor, reason, last_error, attempts, at)"
                + " values (?, ?, ?, ?, ?, ?, ?, now())", statement -> {
                    statement.setLong(1, message.id());
                    statement.setString(2, message.kind());
                    statement.setString(3, action);
                    statement.setString(4, actor);
                    statement.setString(5, reason);
                    statement.setString(6, message.lastError());
                    statement.setInt(7, message.attempts());
                    return statement.executeUpdate();
                });
        query("REDRIVEN".equals(action)
                ? "update outbox_message set failed_at = null, attempts = 0, next_attempt_at = now() where id = ?"
                : "update outbox_message set discarded_at = now() where id = ?", statement -> {
                    statement.setLong(1, message.id());
                    return statement.executeUpdate();
                });
    }

    /** Deletes delivered messages older than {@code before}; returns how many. */
    int purgeDelivered(Instant before) {
        return query("delete from outbox_message where delivered_at < ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(before));
            return statement.executeUpdate();
        });
    }

    private List<Row> rows(String where, Object parameter) {
        return query("select id, kind, subject, ordering_key, payload, attempts, created_at, next_attempt_at,"
                + " last_error, delivered_at, failed_at, discarded_at from outbox_message " + where, statement -> {
                    statement.setObject(1, parameter);
                    List<Row> rows = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getInt(6), instant(rs, 7), instant(rs, 8), rs.getString(9),
                                    instant(rs, 10), instant(rs, 11), instant(rs, 12)));
                        }
                    }
                    return rows;
                });
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        return new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                instant(rs, 6));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Long[] box(long[] ids) {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }

    static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T query(String sql, Statement<T> work) {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = FreshPlans.prepare(db, sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox: " + e.getMessage(), e);
        }
    }
}
