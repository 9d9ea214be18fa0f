package io.agrilink.order.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agrilink.platform.jdbc.FreshPlans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The livestreams as this instance knows them, in memory, so attributing an order to a stream
 * costs the flash sale a map lookup: no query, no call, no lock. Refreshed from the replica table
 * every second (one indexed query of the rows changed lately) and at once after this instance
 * stored a snapshot, so a stream going live counts within a second on every instance.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);

    /**
     * Rows are read again for this long after they changed: a snapshot committed a moment after a
     * later one (its updated_at is its statement's time, not its commit's) is still seen.
     */
    private static final Duration OVERLAP = Duration.ofSeconds(10);

    /** A stream's states, as catalog-service moves it. */
    public enum State {
        SCHEDULED, LIVE, ENDED, CANCELLED
    }

    /** What placement needs of a stream. */
    public record Stream(long id, String code, long campaignId, String title, State state,
            Instant startedAt, Instant endedAt, long version) {

        /** Live when the order was placed: LIVE now, or ENDED after it (the end snapshot came first). */
        boolean liveAt(Instant placedAt) {
            return state == State.LIVE || (state == State.ENDED && startedAt != null
                    && endedAt != null && !placedAt.isBefore(startedAt) && placedAt.isBefore(endedAt));
        }
    }

    /**
     * The decision for one order: {@code livestreamId} set iff it counts for the stream; otherwise
     * {@code reason} says why not. {@code code} is the code as given (upper-cased).
     */
    public record Attribution(String code, Long livestreamId, String title, String reason) {

        public boolean attributed() {
            return livestreamId != null;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** Read by every placement without a lock: replaced whole, never changed in place. */
    private volatile Map<String, Stream> byCode = Map.of();

    // guarded by this: only refresh() changes them
    private final Map<Long, Stream> byId = new HashMap<>();
    private Instant readSince;

    void start(@Observes StartupEvent event) {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Livestreams could not be read at start (%s); the next refresh will try again", e.toString());
        }
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshEverySecond() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf("Livestream refresh failed (%s); the map stays as it was", e.toString());
        }
    }

    /**
     * Reads the streams changed since the last refresh (all of them the first time) and publishes
     * the new map. Costs one query on the index of {@code updated_at}.
     */
    public synchronized void refresh() {
        Instant newest = null;
        boolean changed = false;
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = FreshPlans.prepare(db, """
                        select id, code, campaign_id, title, state, started_at, ended_at, version, updated_at
                        from livestream where updated_at > ?""")) {
            select.setObject(1, OffsetDateTime.ofInstant(readSince == null ? Instant.EPOCH : readSince, ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Stream stream = new Stream(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            State.valueOf(rs.getString(5)), instant(rs, 6), instant(rs, 7),
                            rs.getLong(8));
                    Instant updated = instant(rs, 9);
                    newest = newest == null || updated.isAfter(newest) ? updated : newest;
                    Stream known = byId.get(stream.id());
                    if (known == null || known.version() < stream.version()) {
                        byId.put(stream.id(), stream);
                        changed = true;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Livestreams could not be read: " + e.getMessage(), e);
        }
        if (newest != null) {
            Instant since = newest.minus(OVERLAP);
            readSince = readSince == null || since.isAfter(readSince) ? since : readSince;
        } else if (readSince == null) {
            readSince = Instant.EPOCH;
        }
        if (changed) {
            Map<String, Stream> codes = new HashMap<>(byId.size() * 2);
            byId.values().forEach(s -> codes.put(s.code(), s));
            byCode = Map.copyOf(codes);
        }
    }

    /**
     * Whether an order with lines in {@code lineCampaignIds}, placed at {@code placedAt} with
     * {@code code}, counts for the stream of that code: it does iff the stream is known, live then,
     * and sells the campaign of at least one line. Null when no code was given.
     */
    public Attribution attribution(String code, Collection<Long> lineCampaignIds, Instant placedAt) {
        if (code == null) {
            return null;
        }
        String given = code.toUpperCase(Locale.ROOT);
        Stream stream = byCode.get(given);
        if (stream == null) {
            return new Attribution(given, null, null, "no livestream has code " + given);
        }
        if (!stream.liveAt(placedAt)) {
            return new Attribution(given, null, null,
                    "livestream " + given + " is not live (" + stream.state().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (!lineCampaignIds.contains(stream.campaignId())) {
            return new Attribution(given, null, null, "livestream " + given + " sells another campaign");
        }
        return new Attribution(given, stream.id(), stream.title(), null);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
