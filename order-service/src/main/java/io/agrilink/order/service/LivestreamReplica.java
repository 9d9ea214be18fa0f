package io.agrilink.order.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.platform.jdbc.FreshPlans;
import io.agrilink.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;

/**
 * Keeps the replica of catalog-service's livestreams: each snapshot replaces the stored one iff
 * its version is newer, in one statement ({@code insert … on conflict … where version <}), so two
 * deliveries at once, a repeat or an older one arriving late leave the newest in place.
 */
@ApplicationScoped
public class LivestreamReplica {

    /** A stream as catalog-service sent it (its snapshot). */
    public record Snapshot(long id, String code, long campaignId, String title, String state, Instant plannedStart,
            Instant plannedEnd, Instant startedAt, Instant endedAt, Long teamId, String teamName, List<Host> hosts,
            long version) {
    }

    /** A host; {@code members}: a TEAM host's team members. */
    public record Host(String kind, String name, String subject, Long teamId, List<String> members) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LiveStreams liveStreams;

    /**
     * Stores the snapshot if it is newer than the one held; returns whether it was. The
     * in-memory streams are refreshed at once either way, after the commit.
     */
    public boolean store(Snapshot snapshot) {
        boolean stored;
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                stored = upsert(db, snapshot);
                if (stored) {
                    replaceHosts(db, snapshot);
                }
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("code: another livestream already has code " + snapshot.code())
                        .with("field", "code");
            }
            throw new IllegalStateException("The livestream could not be stored: " + e.getMessage(), e);
        }
        liveStreams.refresh();
        return stored;
    }

    /*
     * When two deliveries meet, the second's insert waits for the first's row lock, then sees its
     * version: an equal or older one updates nothing (0 rows), so its hosts are left alone too.
     */
    private static boolean upsert(Connection db, Snapshot s) throws SQLException {
        try (PreparedStatement upsert = FreshPlans.prepare(db, """
                insert into livestream (id, code, campaign_id, title, state, planned_start, planned_end, started_at,
                                        ended_at, team_id, team_name, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())
                on conflict (id) do update set code = excluded.code, campaign_id = excluded.campaign_id,
                    title = excluded.title, state = excluded.state, planned_start = excluded.planned_start,
                    planned_end = excluded.planned_end, started_at = excluded.started_at,
                    ended_at = excluded.ended_at, team_id = excluded.team_id, team_name = excluded.team_name,
                    version = excluded.version, updated_at = excluded.updated_at
                where livestream.version < excluded.version""")) {
            upsert.setLong(1, s.id());
            upsert.setString(2, s.code());
            upsert.setLong(3, s.campaignId());
            upsert.setString(4, s.title());
            upsert.setString(5, s.state());
            time(upsert, 6, s.plannedStart());
            time(upsert, 7, s.plannedEnd());
            time(upsert, 8, s.startedAt());
            time(upsert, 9, s.endedAt());
            if (s.teamId() == null) {
                upsert.setNull(10, Types.BIGINT);
            } else {
                upsert.setLong(10, s.teamId());
            }
            upsert.setString(11, s.teamName());
            upsert.setLong(12, s.version());
            return upsert.executeUpdate() == 1;
        }
    }

    private static void replaceHosts(Connection db, Snapshot s) throws SQLException {
        try (PreparedStatement delete = FreshPlans.prepare(db, "delete from livestream_host where livestream_id = ?")) {
            delete.setLong(1, s.id());
            delete.executeUpdate();
        }
        if (s.hosts().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = FreshPlans.prepare(db, """
                insert into livestream_host (livestream_id, position, kind, name, subject, team_id, members)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < s.hosts().size(); i++) {
                Host host = s.hosts().get(i);
                insert.setLong(1, s.id());
                insert.setInt(2, i);
                insert.setString(3, host.kind());
                insert.setString(4, host.name());
                insert.setString(5, host.subject());
                if (host.teamId() == null) {
                    insert.setNull(6, Types.BIGINT);
                } else {
                    insert.setLong(6, host.teamId());
                }
                insert.setArray(7, db.createArrayOf("varchar", host.members().toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void time(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
