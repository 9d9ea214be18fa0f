package io.agrilink.catalog.service;

import static io.agrilink.catalog.service.StockSql.date;
import static io.agrilink.catalog.service.StockSql.longs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.platform.jdbc.FreshPlans;
import io.agroal.api.AgroalDataSource;

/**
 * Reads reservations as order-service sees them: each line with its lot, product and producer
 * (two statements for any number of references). The ledger's other parts answer with it too,
 * inside their own transaction.
 */
@ApplicationScoped
public class StockQueries {

    @Inject
    AgroalDataSource dataSource;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Reservation> load(Collection<String> orderRefs) {
        try (Connection db = dataSource.getConnection()) {
            return load(db, orderRefs);
        } catch (SQLException e) {
            throw StockSql.failed(e);
        }
    }

    private record Row(String orderRef, String buyer, ReservationStatus status, Instant expiresAt, long producerId,
            Reservation.Line line) {
    }

    static Map<String, Reservation> load(Connection db, Collection<String> orderRefs) throws SQLException {
        Map<String, Reservation> reservations = new LinkedHashMap<>();
        if (orderRefs.isEmpty()) {
            return reservations;
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
                    Reservation.Line line = new Reservation.Line(rs.getLong(5), rs.getLong(6), rs.getLong(9),
                            rs.getString(21), producerId, rs.getString(17), List.of(), rs.getString(18),
                            rs.getString(19), rs.getString(20), rs.getString(12), rs.getLong(7),
                            (Long) rs.getObject(8), date(rs.getDate(10)), date(rs.getDate(11)), rs.getBoolean(13),
                            (Integer) rs.getObject(14), (Integer) rs.getObject(15));
                    rows.add(new Row(rs.getString(1), rs.getString(2), ReservationStatus.valueOf(rs.getString(3)),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), producerId, line));
                }
            }
        }
        Map<Long, List<String>> owners = owners(db, producerIds);
        Map<String, List<Reservation.Line>> lines = new LinkedHashMap<>();
        Map<String, Row> heads = new LinkedHashMap<>();
        for (Row row : rows) {
            heads.putIfAbsent(row.orderRef(), row);
            Reservation.Line l = row.line();
            lines.computeIfAbsent(row.orderRef(), k -> new ArrayList<>()).add(new Reservation.Line(l.lotId(),
                    l.grams(), l.productId(), l.productName(), l.producerId(), l.producerName(),
                    owners.getOrDefault(row.producerId(), List.of()), l.province(), l.commune(), l.phone(),
                    l.growingAreaCode(), l.unitPricePerKg(), l.campaignId(), l.harvestDate(), l.bestBefore(),
                    l.coldChain(), l.minCelsius(), l.maxCelsius()));
        }
        heads.forEach((ref, head) -> reservations.put(ref, new Reservation(ref, head.buyer(), head.status(),
                head.expiresAt(), List.copyOf(lines.get(ref)))));
        return reservations;
    }

    private static Map<Long, List<String>> owners(Connection db, Collection<Long> producerIds) throws SQLException {
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
}
