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
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.platform.jdbc.FreshPlans;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.time.AgriLinkTime;
import io.agroal.api.AgroalDataSource;

/**
 * The stock ledger: every change to a lot's available, held and confirmed grams, in SQL.
 * <p>
 * {@link #apply} takes many reservation requests and applies them in ONE transaction: it locks
 * each lot they touch once (in id order, so transactions never deadlock), decides every request
 * in arrival order in memory, then writes one conditional decrement per lot
 * ({@code where available_grams >= :sum}), one multi-row insert of reservations and one of
 * lines. The table's check constraints make the database itself refuse negative stock and any
 * change that would make {@code available + held + confirmed} differ from the quantity.
 * <p>
 * Lock order everywhere: reservation rows, then lots by id, then per-buyer usage rows.
 */
@ApplicationScoped
public class StockLedger {

    public static final String HELD = "HELD";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String RELEASED = "RELEASED";
    public static final String EXPIRED = "EXPIRED";

    private static final ZoneId VIETNAM = AgriLinkTime.configured();

    @Inject
    AgroalDataSource dataSource;

    /** The outcomes, in the order of the requests, and the lots that were short while holds on them may have expired. */
    public record Applied(List<StockOutcome> outcomes, Set<Long> shortLotsWithHolds) {
    }

    private record LotState(long id, long available, long held, LocalDate bestBefore, long productPrice,
            boolean listed) {
    }

    private record CampaignPrice(long campaignId, long pricePerKg, long limitGrams) {
    }

    private record UsageKey(long campaignId, String buyer) implements Comparable<UsageKey> {
        @Override
        public int compareTo(UsageKey o) {
            int c = Long.compare(campaignId, o.campaignId);
            return c != 0 ? c : buyer.compareTo(o.buyer);
        }
    }

    private record Decided(StockRequest request, List<PricedLine> lines) {
    }

    private record PricedLine(long lotId, long grams, long unitPricePerKg, Long campaignId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Applied apply(List<StockRequest> requests, Instant now) {
        try (Connection db = dataSource.getConnection()) {
            return apply(db, requests, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Stock ledger failed: " + e.getMessage(), e);
        }
    }

    private Applied apply(Connection db, List<StockRequest> requests, Instant now) throws SQLException {
        Set<String> existing = existingOrderRefs(db, requests.stream().map(StockRequest::orderRef).toList());

        // the first occurrence of an order reference is decided; later ones repeat its outcome
        Map<String, StockRequest> fresh = new LinkedHashMap<>();
        for (StockRequest request : requests) {
            if (!existing.contains(request.orderRef())) {
                fresh.putIfAbsent(request.orderRef(), request);
            }
        }

        Set<Long> lotIds = new TreeSet<>();
        fresh.values().forEach(r -> r.lines().forEach(l -> lotIds.add(l.lotId())));
        Map<Long, LotState> lots = lockLots(db, lotIds);
        Map<Long, CampaignPrice> campaigns = runningCampaigns(db, lots.keySet(), now);

        Set<UsageKey> usageKeys = new TreeSet<>();
        for (StockRequest request : fresh.values()) {
            for (StockRequest.Line line : request.lines()) {
                CampaignPrice campaign = campaigns.get(line.lotId());
                if (campaign != null) {
                    usageKeys.add(new UsageKey(campaign.campaignId(), request.buyer()));
                }
            }
        }
        Map<UsageKey, Long> usage = lockUsage(db, usageKeys);

        Map<Long, Long> available = new HashMap<>();
        lots.values().forEach(l -> available.put(l.id(), l.available()));
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);

        Map<String, ProblemException> refused = new HashMap<>();
        List<Decided> accepted = new ArrayList<>();
        Set<Long> shortWithHolds = new TreeSet<>();
        for (StockRequest request : fresh.values()) {
            ProblemException problem = null;
            Map<Long, Long> gramsByCampaign = new HashMap<>();
            List<PricedLine> priced = new ArrayList<>();
            for (StockRequest.Line line : request.lines()) {
                LotState lot = lots.get(line.lotId());
                if (lot == null) {
                    problem = ProblemException.notFound("Lot", line.lotId()).with("lotId", line.lotId());
                    break;
                }
                if (lot.bestBefore().isBefore(today)) {
                    problem = ProblemException.conflict("Lot " + lot.id() + " is past its best-before date "
                            + lot.bestBefore()).with("lotId", lot.id()).with("gramsLeft", 0);
                    break;
                }
                if (!lot.listed()) {
                    problem = ProblemException.conflict("Lot " + lot.id() + " is no longer on sale: its product was"
                            + " delisted").with("lotId", lot.id()).with("gramsLeft", 0);
                    break;
                }
                long left = available.get(lot.id());
                if (left < line.grams()) {
                    problem = ProblemException.conflict("Lot " + lot.id() + " has only " + left + " g left, "
                            + line.grams() + " g asked").with("lotId", lot.id()).with("gramsLeft", left);
                    if (lot.held() > 0) {
                        shortWithHolds.add(lot.id());
                    }
                    break;
                }
                CampaignPrice campaign = campaigns.get(lot.id());
                if (campaign != null) {
                    gramsByCampaign.merge(campaign.campaignId(), line.grams(), Long::sum);
                    priced.add(new PricedLine(lot.id(), line.grams(), campaign.pricePerKg(), campaign.campaignId()));
                } else {
                    priced.add(new PricedLine(lot.id(), line.grams(), lot.productPrice(), null));
                }
            }
            if (problem == null) {
                for (Map.Entry<Long, Long> asked : gramsByCampaign.entrySet()) {
                    UsageKey key = new UsageKey(asked.getKey(), request.buyer());
                    long limit = campaignLimit(campaigns, asked.getKey());
                    long used = usage.getOrDefault(key, 0L);
                    if (used + asked.getValue() > limit) {
                        problem = ProblemException.conflict("Buyer " + request.buyer() + " may take at most " + limit
                                + " g in campaign " + asked.getKey() + "; " + (limit - used) + " g left for them")
                                .with("campaignId", asked.getKey()).with("limitGrams", limit)
                                .with("gramsLeft", Math.max(0, limit - used));
                        break;
                    }
                }
            }
            if (problem != null) {
                refused.put(request.orderRef(), problem);
                continue;
            }
            for (PricedLine line : priced) {
                available.merge(line.lotId(), -line.grams(), Long::sum);
            }
            gramsByCampaign.forEach((c, g) -> usage.merge(new UsageKey(c, request.buyer()), g, Long::sum));
            accepted.add(new Decided(request, priced));
        }

        Map<String, Long> inserted = insertReservations(db, accepted, now);
        List<Decided> written = accepted.stream().filter(d -> inserted.containsKey(d.request().orderRef())).toList();
        insertLines(db, written, inserted);
        holdGrams(db, written);
        addUsage(db, written);

        // a reference inserted meanwhile by another transaction is a repeat too
        Set<String> toLoad = new HashSet<>(existing);
        accepted.stream().map(d -> d.request().orderRef()).forEach(toLoad::add);
        Map<String, ReservationView> views = load(db, toLoad);

        List<StockOutcome> outcomes = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (StockRequest request : requests) {
            String ref = request.orderRef();
            boolean first = answered.add(ref);
            ProblemException problem = refused.get(ref);
            if (problem != null) {
                outcomes.add(StockOutcome.refused(ref, problem));
            } else if (first && inserted.containsKey(ref)) {
                outcomes.add(StockOutcome.created(views.get(ref)));
            } else {
                outcomes.add(StockOutcome.existing(views.get(ref)));
            }
        }
        return new Applied(outcomes, shortWithHolds);
    }

    private static long campaignLimit(Map<Long, CampaignPrice> campaigns, long campaignId) {
        return campaigns.values().stream().filter(c -> c.campaignId() == campaignId).findFirst()
                .map(CampaignPrice::limitGrams).orElseThrow();
    }

    private Set<String> existingOrderRefs(Connection db, List<String> refs) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement select = FreshPlans.prepare(db, "select order_ref from reservation where order_ref = any(?)")) {
            select.setArray(1, db.createArrayOf("text", refs.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private Map<Long, LotState> lockLots(Connection db, Collection<Long> lotIds) throws SQLException {
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

    /** For each lot in a running campaign: the campaign with the lowest price. */
    private Map<Long, CampaignPrice> runningCampaigns(Connection db, Collection<Long> lotIds, Instant now)
            throws SQLException {
        Map<Long, CampaignPrice> prices = new HashMap<>();
        if (lotIds.isEmpty()) {
            return prices;
        }
        try (PreparedStatement select = FreshPlans.prepare(db, """
                select cl.lot_id, c.id, cl.price_per_kg, c.per_buyer_limit_grams
                from campaign_lot cl join campaign c on c.id = cl.campaign_id
                where cl.lot_id = any(?) and c.starts_at <= ? and c.ends_at > ?
                order by cl.price_per_kg desc, c.id desc""")) {
            select.setArray(1, longs(db, lotIds));
            select.setObject(2, ts(now));
            select.setObject(3, ts(now));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    prices.put(rs.getLong(1), new CampaignPrice(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return prices;
    }

    private Map<UsageKey, Long> lockUsage(Connection db, Set<UsageKey> keys) throws SQLException {
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

    /** Inserts the accepted reservations; returns order reference → id of those inserted by this transaction. */
    private Map<String, Long> insertReservations(Connection db, List<Decided> accepted, Instant now) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (accepted.isEmpty()) {
            return ids;
        }
        StringBuilder sql = new StringBuilder(
                "insert into reservation (id, order_ref, buyer, status, expires_at, created_at, updated_at) values ");
        for (int i = 0; i < accepted.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(nextval('reservation_seq'), ?, ?, 'HELD', ?, ?, ?)");
        }
        sql.append(" on conflict (order_ref) do nothing returning id, order_ref");
        try (PreparedStatement insert = FreshPlans.prepare(db, sql.toString())) {
            int p = 1;
            OffsetDateTime created = ts(now);
            for (Decided d : accepted) {
                insert.setString(p++, d.request().orderRef());
                insert.setString(p++, d.request().buyer());
                insert.setObject(p++, ts(now.plus(d.request().ttl())));
                insert.setObject(p++, created);
                insert.setObject(p++, created);
            }
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private void insertLines(Connection db, List<Decided> written, Map<String, Long> ids) throws SQLException {
        int count = written.stream().mapToInt(d -> d.lines().size()).sum();
        if (count == 0) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "insert into reservation_line (id, reservation_id, lot_id, grams, unit_price_per_kg, campaign_id) values ");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append("(nextval('reservation_line_seq'), ?, ?, ?, ?, ?)");
        }
        try (PreparedStatement insert = FreshPlans.prepare(db, sql.toString())) {
            int p = 1;
            for (Decided d : written) {
                long reservationId = ids.get(d.request().orderRef());
                for (PricedLine line : d.lines()) {
                    insert.setLong(p++, reservationId);
                    insert.setLong(p++, line.lotId());
                    insert.setLong(p++, line.grams());
                    insert.setLong(p++, line.unitPricePerKg());
                    insert.setObject(p++, line.campaignId(), java.sql.Types.BIGINT);
                }
            }
            insert.executeUpdate();
        }
    }

    /** One conditional decrement per lot for the whole batch. */
    private void holdGrams(Connection db, List<Decided> written) throws SQLException {
        Map<Long, Long> byLot = new TreeMap<>();
        written.forEach(d -> d.lines().forEach(l -> byLot.merge(l.lotId(), l.grams(), Long::sum)));
        if (byLot.isEmpty()) {
            return;
        }
        for (int changed : takeAvailable(db, byLot, "held_grams")) {
            if (changed != 1) {
                throw new IllegalStateException("A lot would have gone below zero; the batch is rolled back");
            }
        }
    }

    /**
     * Moves grams of each lot from available to {@code column} (held or confirmed) with one
     * conditional update per lot, in lot-id order; a lot that would go below zero changes 0 rows.
     */
    private static int[] takeAvailable(Connection db, Map<Long, Long> gramsByLot, String column) throws SQLException {
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

    private void addUsage(Connection db, List<Decided> written) throws SQLException {
        Map<UsageKey, Long> byKey = new TreeMap<>();
        written.forEach(d -> d.lines().stream().filter(l -> l.campaignId() != null)
                .forEach(l -> byKey.merge(new UsageKey(l.campaignId(), d.request().buyer()), l.grams(), Long::sum)));
        changeUsage(db, byKey, 1);
    }

    private void changeUsage(Connection db, Map<UsageKey, Long> byKey, int sign) throws SQLException {
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

    // ------------------------------------------------------------------ confirm, release, expire

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
    public record Confirmation(ConfirmResult result, ReservationView reservation, ProblemException refusal) {
    }

    private record Held(long id, String buyer, String status, Instant expiresAt) {
    }

    private record HeldLine(long reservationId, String buyer, long lotId, long grams, Long campaignId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Confirmation confirm(String orderRef, Instant now) {
        try (Connection db = dataSource.getConnection()) {
            Held held = lockReservation(db, orderRef);
            if (held == null) {
                return new Confirmation(ConfirmResult.UNKNOWN, null, null);
            }
            ConfirmResult result;
            ProblemException refusal = null;
            if (CONFIRMED.equals(held.status())) {
                result = ConfirmResult.ALREADY_CONFIRMED;
            } else if (HELD.equals(held.status())) {
                // past expiresAt but not yet expired: its grams are still held, so it is confirmed as usual
                List<HeldLine> lines = linesOf(db, List.of(held.id()));
                moveHeld(db, lines, "confirmed_grams");
                setStatus(db, List.of(held.id()), CONFIRMED, now);
                result = ConfirmResult.CONFIRMED;
            } else if (EXPIRED.equals(held.status())) {
                refusal = retake(db, Map.of(held.id(), orderRef), now).get(held.id());
                result = refusal == null ? ConfirmResult.CONFIRMED : ConfirmResult.CANNOT_RETAKE;
            } else {
                result = ConfirmResult.NOT_HELD;
            }
            return new Confirmation(result, load(db, List.of(orderRef)).get(orderRef), refusal);
        } catch (SQLException e) {
            throw new IllegalStateException("Stock ledger failed: " + e.getMessage(), e);
        }
    }

    /** One reference's outcome in {@link #confirmAll}: the result, and the reservation's status after it (null when unknown). */
    public record BatchConfirmation(String orderRef, ConfirmResult result, String status, ProblemException refusal) {
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
                        found.put(rs.getString(1), new Held(rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant()));
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
                } else if (CONFIRMED.equals(held.status())) {
                    outcome = new BatchConfirmation(ref, ConfirmResult.ALREADY_CONFIRMED, CONFIRMED, null);
                } else if (HELD.equals(held.status())) {
                    // even past expiresAt: not yet expired, its grams are still held
                    toConfirm.add(held.id());
                    outcome = new BatchConfirmation(ref, ConfirmResult.CONFIRMED, CONFIRMED, null);
                } else if (EXPIRED.equals(held.status())) {
                    toRetake.put(held.id(), ref);
                    outcome = null; // decided below, once the lots are locked
                } else {
                    outcome = new BatchConfirmation(ref, ConfirmResult.NOT_HELD, held.status(), null);
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
                moveHeld(db, linesOf(db, toConfirm), "confirmed_grams");
                setStatus(db, toConfirm, CONFIRMED, now);
            }
            if (!toRetake.isEmpty()) {
                Map<Long, ProblemException> refused = retake(db, toRetake, now);
                for (Map.Entry<String, BatchConfirmation> e : decided.entrySet()) {
                    if (e.getValue() == null) {
                        ProblemException refusal = refused.get(found.get(e.getKey()).id());
                        e.setValue(refusal == null
                                ? new BatchConfirmation(e.getKey(), ConfirmResult.CONFIRMED, CONFIRMED, null)
                                : new BatchConfirmation(e.getKey(), ConfirmResult.CANNOT_RETAKE, EXPIRED, refusal));
                    }
                }
            }
            return orderRefs.stream().map(decided::get).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Stock ledger failed: " + e.getMessage(), e);
        }
    }

    private void lockLotsOf(Connection db, List<Long> reservationIds) throws SQLException {
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
     * the usage is counted again. Returns those refused, with the problem the confirm answers.
     */
    private Map<Long, ProblemException> retake(Connection db, Map<Long, String> reservations, Instant now)
            throws SQLException {
        List<HeldLine> lines = linesOf(db, new ArrayList<>(reservations.keySet()));
        Map<Long, LotState> lots = lockLots(db,
                lines.stream().map(HeldLine::lotId).collect(Collectors.toCollection(TreeSet::new)));
        Set<UsageKey> usageKeys = new TreeSet<>();
        lines.stream().filter(l -> l.campaignId() != null)
                .forEach(l -> usageKeys.add(new UsageKey(l.campaignId(), l.buyer())));
        Map<UsageKey, Long> used = lockUsage(db, usageKeys);
        Map<Long, Long> limits = campaignLimits(db, usageKeys.stream().map(UsageKey::campaignId).toList());
        Map<Long, Long> available = new HashMap<>();
        lots.forEach((id, lot) -> available.put(id, lot.available()));
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);

        Map<Long, List<HeldLine>> byReservation = new TreeMap<>();
        lines.forEach(l -> byReservation.computeIfAbsent(l.reservationId(), k -> new ArrayList<>()).add(l));
        Map<Long, ProblemException> refused = new HashMap<>();
        List<Long> taken = new ArrayList<>();
        List<HeldLine> takenLines = new ArrayList<>();
        for (Map.Entry<Long, List<HeldLine>> reservation : byReservation.entrySet()) {
            String ref = reservations.get(reservation.getKey());
            Map<Long, Long> asked = new TreeMap<>();
            Map<UsageKey, Long> askedOfCampaigns = new TreeMap<>();
            for (HeldLine l : reservation.getValue()) {
                asked.merge(l.lotId(), l.grams(), Long::sum);
                if (l.campaignId() != null) {
                    askedOfCampaigns.merge(new UsageKey(l.campaignId(), l.buyer()), l.grams(), Long::sum);
                }
            }
            ProblemException problem = null;
            for (Map.Entry<Long, Long> line : asked.entrySet()) {
                LotState lot = lots.get(line.getKey());
                long left = available.getOrDefault(line.getKey(), 0L);
                if (lot.bestBefore().isBefore(today)) {
                    problem = ProblemException.conflict("Reservation " + ref + " expired and lot " + line.getKey()
                            + " is past its best-before date " + lot.bestBefore() + ": it can no longer be confirmed")
                            .with("lotId", line.getKey()).with("gramsLeft", 0).with("bestBefore", lot.bestBefore().toString());
                } else if (!lot.listed()) {
                    problem = ProblemException.conflict("Reservation " + ref + " expired and lot " + line.getKey()
                            + " is no longer on sale (its product was delisted): it can no longer be confirmed")
                            .with("lotId", line.getKey()).with("gramsLeft", 0);
                } else if (left < line.getValue()) {
                    problem = ProblemException.conflict("Reservation " + ref + " expired and lot " + line.getKey()
                            + " has only " + left + " g left: it can no longer be confirmed")
                            .with("lotId", line.getKey()).with("gramsLeft", left);
                }
                if (problem != null) {
                    break;
                }
            }
            if (problem == null) {
                for (Map.Entry<UsageKey, Long> campaign : askedOfCampaigns.entrySet()) {
                    UsageKey key = campaign.getKey();
                    long limit = limits.get(key.campaignId());
                    long usedSoFar = used.getOrDefault(key, 0L);
                    if (usedSoFar + campaign.getValue() > limit) {
                        problem = ProblemException.conflict("Reservation " + ref + " expired and buyer " + key.buyer()
                                + " may take at most " + limit + " g in campaign " + key.campaignId() + "; "
                                + Math.max(0, limit - usedSoFar) + " g left for them: it can no longer be confirmed")
                                .with("campaignId", key.campaignId()).with("limitGrams", limit)
                                .with("gramsLeft", Math.max(0, limit - usedSoFar));
                        break;
                    }
                }
            }
            if (problem != null) {
                refused.put(reservation.getKey(), problem);
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
        check(takeAvailable(db, byLot, "confirmed_grams"));
        Map<UsageKey, Long> usage = new TreeMap<>();
        takenLines.stream().filter(l -> l.campaignId() != null)
                .forEach(l -> usage.merge(new UsageKey(l.campaignId(), l.buyer()), l.grams(), Long::sum));
        changeUsage(db, usage, 1);
        setStatus(db, taken, CONFIRMED, now);
        return refused;
    }

    /** Each campaign's per-buyer limit as it stands now (staff may have changed it since a reservation). */
    private Map<Long, Long> campaignLimits(Connection db, Collection<Long> campaignIds) throws SQLException {
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

    /** Releases a held or confirmed reservation, giving its grams back; false when there is nothing to release. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(String orderRef, Instant now) {
        try (Connection db = dataSource.getConnection()) {
            Held held = lockReservation(db, orderRef);
            if (held == null || !(HELD.equals(held.status()) || CONFIRMED.equals(held.status()))) {
                return false;
            }
            giveBack(db, List.of(held.id()), RELEASED, now);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Stock ledger failed: " + e.getMessage(), e);
        }
    }

    /**
     * Expires held reservations whose time is up (up to {@code limit}), giving their grams back;
     * for the expiry job. Rows another transaction has locked are skipped: the next run gets them.
     * Returns the grams freed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long expire(Instant now, int limit) {
        try (Connection db = dataSource.getConnection()) {
            List<Long> ids = ids(db, """
                    select r.id from reservation r where r.status = 'HELD' and r.expires_at <= ?
                    order by r.id limit ? for update skip locked""", ts(now), limit);
            return ids.isEmpty() ? 0 : giveBack(db, ids, EXPIRED, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Stock ledger failed: " + e.getMessage(), e);
        }
    }

    /**
     * Expires the holds on these lots whose time is up, for requests that were short of their
     * grams. Unlike the job this waits for holds that are locked (by the job giving them back at
     * this very moment): skipping them would tell a buyer "sold out" while the grams are being
     * freed. Returns whether any such hold was found — freed here or by the job meanwhile — so
     * the caller knows a second try may succeed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean expireOn(Collection<Long> lotIds, Instant now) {
        try (Connection db = dataSource.getConnection()) {
            List<Long> due = ids(db, """
                    select r.id from reservation r where r.status = 'HELD' and r.expires_at <= ?
                    and exists (select 1 from reservation_line l where l.reservation_id = r.id and l.lot_id = any(?))
                    order by r.id""", ts(now), longs(db, lotIds));
            if (due.isEmpty()) {
                return false;
            }
            List<Long> stillHeld = ids(db, "select id from reservation where id = any(?) and status = 'HELD'"
                    + " order by id for update", longs(db, due));
            if (!stillHeld.isEmpty()) {
                giveBack(db, stillHeld, EXPIRED, now);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Stock ledger failed: " + e.getMessage(), e);
        }
    }

    /** The ids a query selects, its parameters bound in order. */
    private static List<Long> ids(Connection db, String sql, Object... parameters) throws SQLException {
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

    private Held lockReservation(Connection db, String orderRef) throws SQLException {
        try (PreparedStatement select = FreshPlans.prepare(db, 
                "select id, buyer, status, expires_at from reservation where order_ref = ? for update")) {
            select.setString(1, orderRef);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Held(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()) : null;
            }
        }
    }

    /** Returns the grams of locked, held or confirmed reservations to their lots. */
    private long giveBack(Connection db, List<Long> reservationIds, String newStatus, Instant now) throws SQLException {
        Map<Long, String> statuses = new HashMap<>();
        try (PreparedStatement select = FreshPlans.prepare(db, "select id, status from reservation where id = any(?)")) {
            select.setArray(1, longs(db, reservationIds));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        List<HeldLine> lines = linesOf(db, reservationIds);
        List<HeldLine> held = lines.stream().filter(l -> HELD.equals(statuses.get(l.reservationId()))).toList();
        List<HeldLine> confirmed = lines.stream().filter(l -> CONFIRMED.equals(statuses.get(l.reservationId()))).toList();
        moveBack(db, held, "held_grams");
        moveBack(db, confirmed, "confirmed_grams");
        Map<UsageKey, Long> usage = new TreeMap<>();
        lines.stream().filter(l -> l.campaignId() != null)
                .forEach(l -> usage.merge(new UsageKey(l.campaignId(), l.buyer()), l.grams(), Long::sum));
        changeUsage(db, usage, -1);
        setStatus(db, reservationIds, newStatus, now);
        return lines.stream().mapToLong(HeldLine::grams).sum();
    }

    private List<HeldLine> linesOf(Connection db, List<Long> reservationIds) throws SQLException {
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

    /** held → confirmed, per lot in id order. */
    private void moveHeld(Connection db, List<HeldLine> lines, String to) throws SQLException {
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
    private void moveBack(Connection db, List<HeldLine> lines, String from) throws SQLException {
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

    private static void check(int[] changed) {
        for (int c : changed) {
            if (c != 1) {
                throw new IllegalStateException("Lot stock does not match its reservations; rolled back");
            }
        }
    }

    private void setStatus(Connection db, List<Long> reservationIds, String status, Instant now) throws SQLException {
        try (PreparedStatement update = FreshPlans.prepare(db, 
                "update reservation set status = ?, updated_at = ? where id = any(?)")) {
            update.setString(1, status);
            update.setObject(2, ts(now));
            update.setArray(3, longs(db, reservationIds));
            update.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, ReservationView> load(Collection<String> orderRefs) {
        try (Connection db = dataSource.getConnection()) {
            return load(db, orderRefs);
        } catch (SQLException e) {
            throw new IllegalStateException("Stock ledger failed: " + e.getMessage(), e);
        }
    }

    private record Row(String orderRef, String buyer, String status, Instant expiresAt, long producerId,
            ReservationView.Line line) {
    }

    private Map<String, ReservationView> load(Connection db, Collection<String> orderRefs) throws SQLException {
        Map<String, ReservationView> views = new LinkedHashMap<>();
        if (orderRefs.isEmpty()) {
            return views;
        }
        List<Row> rows = new ArrayList<>();
        Set<Long> producerIds = new TreeSet<>();
        try (PreparedStatement select = FreshPlans.prepare(db, """
                select r.order_ref, r.buyer, r.status, r.expires_at,
                       l.lot_id, l.grams, l.unit_price_per_kg, l.campaign_id,
                       lot.product_id, lot.harvest_date, lot.best_before,
                       coalesce(lot.growing_area_code, pr.growing_area_code),
                       p.cold_chain, p.min_celsius, p.max_celsius,
                       pr.id, pr.name, pr.province, pr.commune, pr.phone,
                       (select t.name from product_text t where t.product_id = p.id
                        order by (t.language = 'vi') desc, (t.language = 'en') desc, t.language limit 1)
                from reservation r
                join reservation_line l on l.reservation_id = r.id
                join lot on lot.id = l.lot_id
                join product p on p.id = lot.product_id
                join producer pr on pr.id = p.producer_id
                where r.order_ref = any(?)
                order by r.order_ref, l.id""")) {
            select.setArray(1, db.createArrayOf("text", orderRefs.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long producerId = rs.getLong(16);
                    producerIds.add(producerId);
                    ReservationView.Line line = new ReservationView.Line(rs.getLong(5), rs.getLong(6), rs.getLong(9),
                            rs.getString(21), producerId, rs.getString(17), List.of(), rs.getString(18),
                            rs.getString(19), rs.getString(20), rs.getString(12), rs.getLong(7),
                            (Long) rs.getObject(8), date(rs.getDate(10)), date(rs.getDate(11)), rs.getBoolean(13),
                            (Integer) rs.getObject(14), (Integer) rs.getObject(15));
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), producerId, line));
                }
            }
        }
        Map<Long, List<String>> owners = owners(db, producerIds);
        Map<String, List<ReservationView.Line>> lines = new LinkedHashMap<>();
        Map<String, Row> heads = new LinkedHashMap<>();
        for (Row row : rows) {
            heads.putIfAbsent(row.orderRef(), row);
            ReservationView.Line l = row.line();
            lines.computeIfAbsent(row.orderRef(), k -> new ArrayList<>()).add(new ReservationView.Line(l.lotId(),
                    l.grams(), l.productId(), l.productName(), l.producerId(), l.producerName(),
                    owners.getOrDefault(row.producerId(), List.of()), l.province(), l.commune(), l.phone(),
                    l.growingAreaCode(), l.unitPricePerKg(), l.campaignId(), l.harvestDate(), l.bestBefore(),
                    l.coldChain(), l.minCelsius(), l.maxCelsius()));
        }
        heads.forEach((ref, head) -> views.put(ref, new ReservationView(ref, head.buyer(), head.status(),
                head.expiresAt(), List.copyOf(lines.get(ref)))));
        return views;
    }

    private Map<Long, List<String>> owners(Connection db, Collection<Long> producerIds) throws SQLException {
        Map<Long, List<String>> owners = new HashMap<>();
        if (producerIds.isEmpty()) {
            return owners;
        }
        try (PreparedStatement select = FreshPlans.prepare(db, 
                "select producer_id, subject from producer_owner where producer_id = any(?) order by subject")) {
            select.setArray(1, longs(db, producerIds));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    owners.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return owners;
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Array longs(Connection db, Collection<Long> values) throws SQLException {
        return db.createArrayOf("bigint", values.toArray());
    }
}
