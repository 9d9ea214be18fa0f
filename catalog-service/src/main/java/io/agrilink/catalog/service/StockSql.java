package io.agrilink.catalog.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.agrilink.platform.jdbc.FreshPlans;
import io.agrilink.platform.time.AgriLinkTime;

/**
 * The SQL and locking the stock ledger's parts share ({@link StockReservations},
 * {@link StockConfirmations}, {@link StockReleases}, {@link StockQueries}): every change to a lot's
 * available, held and confirmed grams goes through the conditional updates here. The table's
 * check constraints make the database itself refuse negative stock and any change that would
 * make {@code available + held + confirmed} differ from the quantity.
 * <p>
 * Lock order everywhere: reservation rows, then lots by id, then per-buyer usage rows.
 */
final class StockSql {

    private static final ZoneId VIETNAM = AgriLinkTime.configured();

    private StockSql() {
    }

    /** A locked lot, with what a reservation of it needs to know. */
    record LotState(long id, long available, long held, LocalDate bestBefore, long productPrice, boolean listed) {

        /**
         * The rule a new reservation and the retake of an expired one share: the lot is not past
         * its best-before date, its product is listed, and {@code left} grams cover those asked.
         * Null when the grams may be taken.
         */
        StockRefusal refusal(long asked, long left, LocalDate today) {
            if (bestBefore.isBefore(today)) {
                return new StockRefusal.PastBestBefore(id, bestBefore);
            }
            if (!listed) {
                return new StockRefusal.Delisted(id);
            }
            if (left < asked) {
                return new StockRefusal.SoldOut(id, left, asked);
            }
            return null;
        }
    }

    /** A buyer's grams in a campaign ({@code campaign_buyer_usage}), ordered as its rows are locked. */
    record UsageKey(long campaignId, String buyer) implements Comparable<UsageKey> {
        @Override
        public int compareTo(UsageKey o) {
            int c = Long.compare(campaignId, o.campaignId);
            return c != 0 ? c : buyer.compareTo(o.buyer);
        }
    }

    /** A locked reservation row. */
    record Held(long id, String buyer, ReservationStatus status, Instant expiresAt) {
    }

    /** One line of a reservation, with its buyer. */
    record HeldLine(long reservationId, String buyer, long lotId, long grams, Long campaignId) {
    }

    /** Today in Vietnam, where best-before dates are meant. */
    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, VIETNAM);
    }

    static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("Stock ledger failed: " + e.getMessage(), e);
    }

    static Map<Long, LotState> lockLots(Connection db, Collection<Long> lotIds) throws SQLException {
        Map<Long, LotState> lots = new HashMap<>();
        if (lotIds.isEmpty()) {
            return lots;
        }
        // the product row is share-locked so a delisting that committed while this waited for a lot is seen
        try (PreparedStatement select = FreshPlans.prepare(db, """
                select l.id, l.available_grams, l.held_grams, l.best_before, p.price_per_kg, p.delisted_at is null
                from lot l join product p on p.id = l.product_id
                where l.id = any(?) order by l.id for update of l for share of p""")) {
            select.setArray(1, longs(db, lotIds));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lots.put(rs.getLong(1), new LotState(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getDate(4).toLocalDate(), rs.getLong(5), rs.getBoolean(6)));
                }
            }
        }
        return lots;
    }

    static Map<UsageKey, Long> lockUsage(Connection db, Set<UsageKey> keys) throws SQLException {
        Map<UsageKey, Long> usage = new HashMap<>();
        if (keys.isEmpty()) {
            return usage;
        }
        Array campaignIds = longs(db, keys.stream().map(UsageKey::campaignId).toList());
        Array buyers = db.createArrayOf("text", keys.stream().map(UsageKey::buyer).toArray());
        try (PreparedStatement insert = FreshPlans.prepare(db, """
                insert into campaign_buyer_usage (campaign_id, buyer, grams)
                select c, b, 0 from unnest(?::bigint[], ?::text[]) as k(c, b)
                order by c, b
                on conflict do nothing""")) {
            insert.setArray(1, campaignIds);
            insert.setArray(2, buyers);
            insert.executeUpdate();
        }
        try (PreparedStatement select = FreshPlans.prepare(db, """
                select u.campaign_id, u.buyer, u.grams from campaign_buyer_usage u
                join unnest(?::bigint[], ?::text[]) as k(c, b) on u.campaign_id = k.c and u.buyer = k.b
                order by u.campaign_id, u.buyer for update of u""")) {
            select.setArray(1, campaignIds);
            select.setArray(2, buyers);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    usage.put(new UsageKey(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return usage;
    }

    /**
     * Moves grams of each lot from available to {@code column} (held or confirmed) with one
     * conditional update per lot, in lot-id order; a lot that would go below zero changes 0 rows.
     */
    static int[] takeAvailable(Connection db, Map<Long, Long> gramsByLot, String column) throws SQLException {
        try (PreparedStatement update = FreshPlans.prepare(db, "update lot set available_grams = available_grams - ?, "
                + column + " = " + column + " + ? where id = ? and available_grams >= ?")) {
            for (Map.Entry<Long, Long> e : new TreeMap<>(gramsByLot).entrySet()) {
                update.setLong(1, e.getValue());
                update.setLong(2, e.getValue());
                update.setLong(3, e.getKey());
                update.setLong(4, e.getValue());
                update.addBatch();
            }
            return update.executeBatch();
        }
    }

    /** held → {@code to}, per lot in id order. */
    static void moveHeld(Connection db, List<HeldLine> lines, String to) throws SQLException {
        Map<Long, Long> byLot = new TreeMap<>();
        lines.forEach(l -> byLot.merge(l.lotId(), l.grams(), Long::sum));
        try (PreparedStatement update = FreshPlans.prepare(db, "update lot set held_grams = held_grams - ?, " + to + " = "
                + to + " + ? where id = ? and held_grams >= ?")) {
            for (Map.Entry<Long, Long> e : byLot.entrySet()) {
                update.setLong(1, e.getValue());
                update.setLong(2, e.getValue());
                update.setLong(3, e.getKey());
                update.setLong(4, e.getValue());
                update.addBatch();
            }
            check(update.executeBatch());
        }
    }

    /** held or confirmed → available, per lot in id order. */
    static void moveBack(Connection db, List<HeldLine> lines, String from) throws SQLException {
        Map<Long, Long> byLot = new TreeMap<>();
        lines.forEach(l -> byLot.merge(l.lotId(), l.grams(), Long::sum));
        if (byLot.isEmpty()) {
            return;
        }
        try (PreparedStatement update = FreshPlans.prepare(db, "update lot set " + from + " = " + from
                + " - ?, available_grams = available_grams + ? where id = ? and " + from + " >= ?")) {
            for (Map.Entry<Long, Long> e : byLot.entrySet()) {
                update.setLong(1, e.getValue());
                update.setLong(2, e.getValue());
                update.setLong(3, e.getKey());
                update.setLong(4, e.getValue());
                update.addBatch();
            }
            check(update.executeBatch());
        }
    }

    /** Each update of a batch changed its one lot; anything else means the ledger and the lots disagree. */
    static void check(int[] changed) {
        for (int c : changed) {
            if (c != 1) {
                throw new IllegalStateException("Lot stock does not match its reservations; rolled back");
            }
        }
    }

    /** The campaign grams of these lines per buyer, in lock order. */
    static Map<UsageKey, Long> campaignGrams(Collection<HeldLine> lines) {
        Map<UsageKey, Long> usage = new TreeMap<>();
        lines.stream().filter(l -> l.campaignId() != null)
                .forEach(l -> usage.merge(new UsageKey(l.campaignId(), l.buyer()), l.grams(), Long::sum));
        return usage;
    }

    /** Adds ({@code sign} 1) or takes back (-1) grams of the buyers' campaign usage. */
    static void changeUsage(Connection db, Map<UsageKey, Long> byKey, int sign) throws SQLException {
        if (byKey.isEmpty()) {
            return;
        }
        try (PreparedStatement update = FreshPlans.prepare(db,
                "update campaign_buyer_usage set grams = grams + ? where campaign_id = ? and buyer = ?")) {
            for (Map.Entry<UsageKey, Long> e : byKey.entrySet()) {
                update.setLong(1, sign * e.getValue());
                update.setLong(2, e.getKey().campaignId());
                update.setString(3, e.getKey().buyer());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    static void setStatus(Connection db, List<Long> reservationIds, ReservationStatus status, Instant now)
            throws SQLException {
        try (PreparedStatement update = FreshPlans.prepare(db,
                "update reservation set status = ?, updated_at = ? where id = any(?)")) {
            update.setString(1, status.name());
            update.setObject(2, ts(now));
            update.setArray(3, longs(db, reservationIds));
            update.executeUpdate();
        }
    }

    static Held lockReservation(Connection db, String orderRef) throws SQLException {
        try (PreparedStatement select = FreshPlans.prepare(db,
                "select id, buyer, status, expires_at from reservation where order_ref = ? for update")) {
            select.setString(1, orderRef);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Held(rs.getLong(1), rs.getString(2), ReservationStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class).toInstant()) : null;
            }
        }
    }

    static List<HeldLine> linesOf(Connection db, List<Long> reservationIds) throws SQLException {
        List<HeldLine> lines = new ArrayList<>();
        try (PreparedStatement select = FreshPlans.prepare(db, """
                select l.reservation_id, r.buyer, l.lot_id, l.grams, l.campaign_id
                from reservation_line l join reservation r on r.id = l.reservation_id
                where l.reservation_id = any(?) order by l.lot_id""")) {
            select.setArray(1, longs(db, reservationIds));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.add(new HeldLine(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            (Long) rs.getObject(5)));
                }
            }
        }
        return lines;
    }

    /** The ids a query selects, its parameters bound in order. */
    static List<Long> ids(Connection db, String sql, Object... parameters) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = FreshPlans.prepare(db, sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Array longs(Connection db, Collection<Long> values) throws SQLException {
        return db.createArrayOf("bigint", values.toArray());
    }
}
