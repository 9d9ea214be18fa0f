package io.agrilink.catalog.service;

import static io.agrilink.catalog.service.StockSql.longs;
import static io.agrilink.catalog.service.StockSql.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.catalog.service.StockSql.LotState;
import io.agrilink.catalog.service.StockSql.UsageKey;
import io.agrilink.platform.jdbc.FreshPlans;
import io.agroal.api.AgroalDataSource;

/**
 * The stock ledger's reservations: holds grams for many orders in ONE transaction.
 * <p>
 * {@link #apply} locks each lot the holds touch once (in id order, so transactions never
 * deadlock), decides every hold in arrival order in memory, then writes one conditional
 * decrement per lot ({@code where available_grams >= :sum}), one multi-row insert of
 * reservations and one of lines.
 */
@ApplicationScoped
public class StockReservations {

    @Inject
    AgroalDataSource dataSource;

    /** The outcomes, in the order of the holds, and the lots that were short while holds on them may have expired. */
    public record Applied(List<StockOutcome> outcomes, Set<Long> shortLotsWithHolds) {
    }

    private record CampaignPrice(long campaignId, long pricePerKg, long limitGrams) {
    }

    private record Decided(StockHold hold, List<PricedLine> lines) {
    }

    private record PricedLine(long lotId, long grams, long unitPricePerKg, Long campaignId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Applied apply(List<StockHold> holds, Instant now) {
        try (Connection db = dataSource.getConnection()) {
            return apply(db, holds, now);
        } catch (SQLException e) {
            throw StockSql.failed(e);
        }
    }

    private Applied apply(Connection db, List<StockHold> holds, Instant now) throws SQLException {
        Set<String> existing = existingOrderRefs(db, holds.stream().map(StockHold::orderRef).toList());

        // the first occurrence of an order reference is decided; later ones repeat its outcome
        Map<String, StockHold> fresh = new LinkedHashMap<>();
        for (StockHold hold : holds) {
            if (!existing.contains(hold.orderRef())) {
                fresh.putIfAbsent(hold.orderRef(), hold);
            }
        }

        Set<Long> lotIds = new TreeSet<>();
        fresh.values().forEach(r -> r.lines().forEach(l -> lotIds.add(l.lotId())));
        Map<Long, LotState> lots = StockSql.lockLots(db, lotIds);
        Map<Long, CampaignPrice> campaigns = runningCampaigns(db, lots.keySet(), now);

        Set<UsageKey> usageKeys = new TreeSet<>();
        for (StockHold hold : fresh.values()) {
            for (StockHold.Line line : hold.lines()) {
                CampaignPrice campaign = campaigns.get(line.lotId());
                if (campaign != null) {
                    usageKeys.add(new UsageKey(campaign.campaignId(), hold.buyer()));
                }
            }
        }
        Map<UsageKey, Long> usage = StockSql.lockUsage(db, usageKeys);

        Map<Long, Long> available = new HashMap<>();
        lots.values().forEach(l -> available.put(l.id(), l.available()));
        LocalDate today = StockSql.today(now);

        Map<String, StockRefusal> refused = new HashMap<>();
        List<Decided> accepted = new ArrayList<>();
        Set<Long> shortWithHolds = new TreeSet<>();
        for (StockHold hold : fresh.values()) {
            StockRefusal refusal = null;
            Map<Long, Long> gramsByCampaign = new HashMap<>();
            List<PricedLine> priced = new ArrayList<>();
            for (StockHold.Line line : hold.lines()) {
                LotState lot = lots.get(line.lotId());
                if (lot == null) {
                    refusal = new StockRefusal.UnknownLot(line.lotId());
                    break;
                }
                refusal = lot.refusal(line.grams(), available.get(lot.id()), today);
                if (refusal != null) {
                    if (refusal instanceof StockRefusal.SoldOut && lot.held() > 0) {
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
            if (refusal == null) {
                for (Map.Entry<Long, Long> asked : gramsByCampaign.entrySet()) {
                    refusal = StockRefusal.overLimit(asked.getKey(), hold.buyer(), campaignLimit(campaigns, asked.getKey()),
                            usage.getOrDefault(new UsageKey(asked.getKey(), hold.buyer()), 0L), asked.getValue());
                    if (refusal != null) {
                        break;
                    }
                }
            }
            if (refusal != null) {
                refused.put(hold.orderRef(), refusal);
                continue;
            }
            for (PricedLine line : priced) {
                available.merge(line.lotId(), -line.grams(), Long::sum);
            }
            gramsByCampaign.forEach((c, g) -> usage.merge(new UsageKey(c, hold.buyer()), g, Long::sum));
            accepted.add(new Decided(hold, priced));
        }

        Map<String, Long> inserted = insertReservations(db, accepted, now);
        List<Decided> written = accepted.stream().filter(d -> inserted.containsKey(d.hold().orderRef())).toList();
        insertLines(db, written, inserted);
        holdGrams(db, written);
        addUsage(db, written);

        // a reference inserted meanwhile by another transaction is a repeat too
        Set<String> toLoad = new HashSet<>(existing);
        accepted.stream().map(d -> d.hold().orderRef()).forEach(toLoad::add);
        Map<String, Reservation> reservations = StockQueries.load(db, toLoad);

        List<StockOutcome> outcomes = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (StockHold hold : holds) {
            String ref = hold.orderRef();
            boolean first = answered.add(ref);
            StockRefusal refusal = refused.get(ref);
            if (refusal != null) {
                outcomes.add(StockOutcome.refused(ref, refusal));
            } else if (first && inserted.containsKey(ref)) {
                outcomes.add(StockOutcome.created(reservations.get(ref)));
            } else {
                outcomes.add(StockOutcome.existing(reservations.get(ref)));
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
                insert.setString(p++, d.hold().orderRef());
                insert.setString(p++, d.hold().buyer());
                insert.setObject(p++, ts(now.plus(d.hold().ttl())));
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
                long reservationId = ids.get(d.hold().orderRef());
                for (PricedLine line : d.lines()) {
                    insert.setLong(p++, reservationId);
                    insert.setLong(p++, line.lotId());
                    insert.setLong(p++, line.grams());
                    insert.setLong(p++, line.unitPricePerKg());
                    insert.setObject(p++, line.campaignId(), Types.BIGINT);
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
        for (int changed : StockSql.takeAvailable(db, byLot, "held_grams")) {
            if (changed != 1) {
                throw new IllegalStateException("A lot would have gone below zero; the batch is rolled back");
            }
        }
    }

    private void addUsage(Connection db, List<Decided> written) throws SQLException {
        Map<UsageKey, Long> byKey = new TreeMap<>();
        written.forEach(d -> d.lines().stream().filter(l -> l.campaignId() != null)
                .forEach(l -> byKey.merge(new UsageKey(l.campaignId(), d.hold().buyer()), l.grams(), Long::sum)));
        StockSql.changeUsage(db, byKey, 1);
    }
}
