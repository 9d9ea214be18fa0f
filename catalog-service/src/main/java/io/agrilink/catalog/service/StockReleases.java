package io.agrilink.catalog.service;

import static io.agrilink.catalog.service.StockSql.longs;
import static io.agrilink.catalog.service.StockSql.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.catalog.service.StockSql.Held;
import io.agrilink.catalog.service.StockSql.HeldLine;
import io.agrilink.platform.jdbc.FreshPlans;
import io.agroal.api.AgroalDataSource;

/**
 * The stock ledger's releases and expiries: a reservation order-service gives up, and holds whose
 * time ran out, give their grams (and the buyer's campaign allowance) back.
 */
@ApplicationScoped
public class StockReleases {

    @Inject
    AgroalDataSource dataSource;

    /** Releases a held or confirmed reservation, giving its grams back; false when there is nothing to release. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(String orderRef, Instant now) {
        try (Connection db = dataSource.getConnection()) {
            Held held = StockSql.lockReservation(db, orderRef);
            if (held == null
                    || !(held.status() == ReservationStatus.HELD || held.status() == ReservationStatus.CONFIRMED)) {
                return false;
            }
            giveBack(db, List.of(held.id()), ReservationStatus.RELEASED, now);
            return true;
        } catch (SQLException e) {
            throw StockSql.failed(e);
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
            List<Long> ids = StockSql.ids(db, """
                    select r.id from reservation r where r.status = 'HELD' and r.expires_at <= ?
                    order by r.id limit ? for update skip locked""", ts(now), limit);
            return ids.isEmpty() ? 0 : giveBack(db, ids, ReservationStatus.EXPIRED, now);
        } catch (SQLException e) {
            throw StockSql.failed(e);
        }
    }

    /**
     * Expires the holds on these lots whose time is up, for holds that were short of their
     * grams. Unlike the job this waits for holds that are locked (by the job giving them back at
     * this very moment): skipping them would tell a buyer "sold out" while the grams are being
     * freed. Returns whether any such hold was found — freed here or by the job meanwhile — so
     * the caller knows a second try may succeed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean expireOn(Collection<Long> lotIds, Instant now) {
        try (Connection db = dataSource.getConnection()) {
            List<Long> due = StockSql.ids(db, """
                    select r.id from reservation r where r.status = 'HELD' and r.expires_at <= ?
                    and exists (select 1 from reservation_line l where l.reservation_id = r.id and l.lot_id = any(?))
                    order by r.id""", ts(now), longs(db, lotIds));
            if (due.isEmpty()) {
                return false;
            }
            List<Long> stillHeld = StockSql.ids(db, "select id from reservation where id = any(?) and status = 'HELD'"
                    + " order by id for update", longs(db, due));
            if (!stillHeld.isEmpty()) {
                giveBack(db, stillHeld, ReservationStatus.EXPIRED, now);
            }
            return true;
        } catch (SQLException e) {
            throw StockSql.failed(e);
        }
    }

    /** Returns the grams of locked, held or confirmed reservations to their lots. */
    private static long giveBack(Connection db, List<Long> reservationIds, ReservationStatus newStatus, Instant now)
            throws SQLException {
        Map<Long, ReservationStatus> statuses = new HashMap<>();
        try (PreparedStatement select = FreshPlans.prepare(db, "select id, status from reservation where id = any(?)")) {
            select.setArray(1, longs(db, reservationIds));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getLong(1), ReservationStatus.valueOf(rs.getString(2)));
                }
            }
        }
        List<HeldLine> lines = StockSql.linesOf(db, reservationIds);
        List<HeldLine> held = lines.stream().filter(l -> statuses.get(l.reservationId()) == ReservationStatus.HELD).toList();
        List<HeldLine> confirmed = lines.stream()
                .filter(l -> statuses.get(l.reservationId()) == ReservationStatus.CONFIRMED).toList();
        StockSql.moveBack(db, held, "held_grams");
        StockSql.moveBack(db, confirmed, "confirmed_grams");
        StockSql.changeUsage(db, StockSql.campaignGrams(lines), -1);
        StockSql.setStatus(db, reservationIds, newStatus, now);
        return lines.stream().mapToLong(HeldLine::grams).sum();
    }
}
