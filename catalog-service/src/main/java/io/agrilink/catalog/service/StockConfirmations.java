package io.agrilink.catalog.service;

import static io.agrilink.catalog.service.StockSql.longs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.catalog.service.StockSql.Held;
import io.agrilink.catalog.service.StockSql.HeldLine;
import io.agrilink.catalog.service.StockSql.LotState;
import io.agrilink.catalog.service.StockSql.UsageKey;
import io.agrilink.platform.jdbc.FreshPlans;
import io.agroal.api.AgroalDataSource;

/**
 * The stock ledger's confirmations: held → confirmed, one reservation or a group in one
 * transaction. A hold past its time but not yet expired is confirmed as usual; an expired one is
 * taken again only as a new reservation would be taken ({@link #retake}); a released one never.
 */
@ApplicationScoped
public class StockConfirmations {

    @Inject
    AgroalDataSource dataSource;

    /** What {@link #confirm} found. */
    public enum ConfirmResult {
        /** Confirmed now (a hold past its time, or an expired one whose grams could be taken again). */
        CONFIRMED,
        ALREADY_CONFIRMED,
        /** Released: never revived. */
        NOT_HELD,
        /**
         * Expired, and it cannot be taken again: a lot no longer has its grams, is past its
         * best-before date or was delisted, or the buyer's campaign limit has no room left for it.
         * Nothing changed.
         */
        CANNOT_RETAKE,
        UNKNOWN
    }

    /** What {@link #confirm} did; {@code refusal} says why when the result is {@link ConfirmResult#CANNOT_RETAKE}. */
    public record Confirmation(ConfirmResult result, Reservation reservation, StockRefusal refusal) {
    }

    /** One reference's outcome in {@link #confirmAll}: the result, and the reservation's status after it (null when unknown). */
    public record BatchConfirmation(String orderRef, ConfirmResult result, ReservationStatus status, StockRefusal refusal) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Confirmation confirm(String orderRef, Instant now) {
        try (Connection db = dataSource.getConnection()) {
            Held held = StockSql.lockReservation(db, orderRef);
            if (held == null) {
                return new Confirmation(ConfirmResult.UNKNOWN, null, null);
            }
            ConfirmResult result;
            StockRefusal refusal = null;
            switch (held.status()) {
                case CONFIRMED -> result = ConfirmResult.ALREADY_CONFIRMED;
                case HELD -> {
                    // past expiresAt but not yet expired: its grams are still held, so it is confirmed as usual
                    List<HeldLine> lines = StockSql.linesOf(db, List.of(held.id()));
                    StockSql.moveHeld(db, lines, "confirmed_grams");
                    StockSql.setStatus(db, List.of(held.id()), ReservationStatus.CONFIRMED, now);
                    result = ConfirmResult.CONFIRMED;
                }
                case EXPIRED -> {
                    refusal = retake(db, Map.of(held.id(), orderRef), now).get(held.id());
                    result = refusal == null ? ConfirmResult.CONFIRMED : ConfirmResult.CANNOT_RETAKE;
                }
                case RELEASED -> result = ConfirmResult.NOT_HELD;
                default -> throw new IllegalStateException("Unknown reservation status " + held.status());
            }
            return new Confirmation(result, StockQueries.load(db, List.of(orderRef)).get(orderRef), refusal);
        } catch (SQLException e) {
            throw StockSql.failed(e);
        }
    }

    /**
     * Confirms many held reservations in ONE transaction, as {@link #confirm} would one by one:
     * locks their rows in id order, moves the held grams of all of them to confirmed with one
     * update per lot, and takes the grams of expired ones again where every lot still has them
     * ({@link #retake}). Outcomes come in the order of the
     * references (a reference listed twice gets the same outcome twice).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<BatchConfirmation> confirmAll(List<String> orderRefs, Instant now) {
        try (Connection db = dataSource.getConnection()) {
            Map<String, Held> found = new HashMap<>();
            try (PreparedStatement select = FreshPlans.prepare(db, """
                    select order_ref, id, buyer, status, expires_at from reservation
                    where order_ref = any(?) order by id for update""")) {
                select.setArray(1, db.createArrayOf("text", orderRefs.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new Held(rs.getLong(2), rs.getString(3),
                                ReservationStatus.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            Map<String, BatchConfirmation> decided = new HashMap<>();
            List<Long> toConfirm = new ArrayList<>();
            Map<Long, String> toRetake = new TreeMap<>();
            for (String ref : orderRefs) {
                if (decided.containsKey(ref)) {
                    continue;
                }
                Held held = found.get(ref);
                BatchConfirmation outcome;
                if (held == null) {
                    outcome = new BatchConfirmation(ref, ConfirmResult.UNKNOWN, null, null);
                } else {
                    outcome = switch (held.status()) {
                        case CONFIRMED -> new BatchConfirmation(ref, ConfirmResult.ALREADY_CONFIRMED,
                                ReservationStatus.CONFIRMED, null);
                        case HELD -> {
                            // even past expiresAt: not yet expired, its grams are still held
                            toConfirm.add(held.id());
                            yield new BatchConfirmation(ref, ConfirmResult.CONFIRMED, ReservationStatus.CONFIRMED, null);
                        }
                        case EXPIRED -> {
                            toRetake.put(held.id(), ref);
                            yield null; // decided below, once the lots are locked
                        }
                        case RELEASED -> new BatchConfirmation(ref, ConfirmResult.NOT_HELD, held.status(), null);
                    };
                }
                decided.put(ref, outcome);
            }
            if (!toConfirm.isEmpty() && !toRetake.isEmpty()) {
                // both kinds change lots: take all their lot locks first, in id order
                List<Long> all = new ArrayList<>(toConfirm);
                all.addAll(toRetake.keySet());
                lockLotsOf(db, all);
            }
            if (!toConfirm.isEmpty()) {
                StockSql.moveHeld(db, StockSql.linesOf(db, toConfirm), "confirmed_grams");
                StockSql.setStatus(db, toConfirm, ReservationStatus.CONFIRMED, now);
            }
            if (!toRetake.isEmpty()) {
                Map<Long, StockRefusal> refused = retake(db, toRetake, now);
                for (Map.Entry<String, BatchConfirmation> e : decided.entrySet()) {
                    if (e.getValue() == null) {
                        StockRefusal refusal = refused.get(found.get(e.getKey()).id());
                        e.setValue(refusal == null
                                ? new BatchConfirmation(e.getKey(), ConfirmResult.CONFIRMED, ReservationStatus.CONFIRMED, null)
                                : new BatchConfirmation(e.getKey(), ConfirmResult.CANNOT_RETAKE, ReservationStatus.EXPIRED,
                                        refusal));
                    }
                }
            }
            return orderRefs.stream().map(decided::get).toList();
        } catch (SQLException e) {
            throw StockSql.failed(e);
        }
    }

    private static void lockLotsOf(Connection db, List<Long> reservationIds) throws SQLException {
        try (PreparedStatement select = FreshPlans.prepare(db, """
                select id from lot where id in (select lot_id from reservation_line where reservation_id = any(?))
                order by id for update""")) {
            select.setArray(1, longs(db, reservationIds));
            select.executeQuery().close();
        }
    }

    /**
     * Takes the grams of locked EXPIRED reservations (id → order reference) again and confirms
     * them, deciding them in id order as a new reservation would be decided: each only if every one
     * of its lots is still listed, not past its best-before date and has its grams available (all
     * lines or none), and the buyer's per-campaign limit still has room for its campaign grams
     * (the allowance went back when it expired, and may have been used or lowered since). Lots are
     * locked in id order after the reservations, then the buyers' usage rows; one conditional
     * update per lot moves available to confirmed grams ({@code where available_grams >= :g}), and
     * the usage is counted again. Returns those refused, with why.
     */
    private static Map<Long, StockRefusal> retake(Connection db, Map<Long, String> reservations, Instant now)
            throws SQLException {
        List<HeldLine> lines = StockSql.linesOf(db, new ArrayList<>(reservations.keySet()));
        Map<Long, LotState> lots = StockSql.lockLots(db,
                lines.stream().map(HeldLine::lotId).collect(Collectors.toCollection(TreeSet::new)));
        Set<UsageKey> usageKeys = new TreeSet<>();
        lines.stream().filter(l -> l.campaignId() != null)
                .forEach(l -> usageKeys.add(new UsageKey(l.campaignId(), l.buyer())));
        Map<UsageKey, Long> used = StockSql.lockUsage(db, usageKeys);
        Map<Long, Long> limits = campaignLimits(db, usageKeys.stream().map(UsageKey::campaignId).toList());
        Map<Long, Long> available = new HashMap<>();
        lots.forEach((id, lot) -> available.put(id, lot.available()));
        LocalDate today = StockSql.today(now);

        Map<Long, List<HeldLine>> byReservation = new TreeMap<>();
        lines.forEach(l -> byReservation.computeIfAbsent(l.reservationId(), k -> new ArrayList<>()).add(l));
        Map<Long, StockRefusal> refused = new HashMap<>();
        List<Long> taken = new ArrayList<>();
        List<HeldLine> takenLines = new ArrayList<>();
        for (Map.Entry<Long, List<HeldLine>> reservation : byReservation.entrySet()) {
            Map<Long, Long> asked = new TreeMap<>();
            reservation.getValue().forEach(l -> asked.merge(l.lotId(), l.grams(), Long::sum));
            Map<UsageKey, Long> askedOfCampaigns = StockSql.campaignGrams(reservation.getValue());
            StockRefusal refusal = null;
            for (Map.Entry<Long, Long> line : asked.entrySet()) {
                refusal = lots.get(line.getKey()).refusal(line.getValue(),
                        available.getOrDefault(line.getKey(), 0L), today);
                if (refusal != null) {
                    break;
                }
            }
            if (refusal == null) {
                for (Map.Entry<UsageKey, Long> campaign : askedOfCampaigns.entrySet()) {
                    UsageKey key = campaign.getKey();
                    refusal = StockRefusal.overLimit(key.campaignId(), key.buyer(), limits.get(key.campaignId()),
                            used.getOrDefault(key, 0L), campaign.getValue());
                    if (refusal != null) {
                        break;
                    }
                }
            }
            if (refusal != null) {
                refused.put(reservation.getKey(), refusal);
                continue;
            }
            asked.forEach((lot, grams) -> available.merge(lot, -grams, Long::sum));
            askedOfCampaigns.forEach((key, grams) -> used.merge(key, grams, Long::sum));
            taken.add(reservation.getKey());
            takenLines.addAll(reservation.getValue());
        }
        if (taken.isEmpty()) {
            return refused;
        }
        Map<Long, Long> byLot = new TreeMap<>();
        takenLines.forEach(l -> byLot.merge(l.lotId(), l.grams(), Long::sum));
        StockSql.check(StockSql.takeAvailable(db, byLot, "confirmed_grams"));
        StockSql.changeUsage(db, StockSql.campaignGrams(takenLines), 1);
        StockSql.setStatus(db, taken, ReservationStatus.CONFIRMED, now);
        return refused;
    }

    /** Each campaign's per-buyer limit as it stands now (staff may have changed it since a reservation). */
    private static Map<Long, Long> campaignLimits(Connection db, Collection<Long> campaignIds) throws SQLException {
        Map<Long, Long> limits = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return limits;
        }
        try (PreparedStatement select = FreshPlans.prepare(db,
                "select id, per_buyer_limit_grams from campaign where id = any(?)")) {
            select.setArray(1, longs(db, new TreeSet<>(campaignIds)));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    limits.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return limits;
    }
}
