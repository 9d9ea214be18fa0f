package io.agrilink.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A livestream selling one campaign's lots on a social platform, known to buyers by its short
 * {@code code}. Its state moves only through its own methods: SCHEDULED → LIVE → ENDED, or
 * SCHEDULED → CANCELLED; each move returns its audit entry, and anything else is a 409 naming
 * {@code state}.
 */
@Entity
public class Livestream extends PanacheEntity {

    public enum State {
        SCHEDULED, LIVE, ENDED, CANCELLED
    }

    public enum Platform {
        TIKTOK, FACEBOOK, SHOPEE, YOUTUBE, ZALO, OTHER
    }

    public String code;

    public String title;

    @Enumerated(EnumType.STRING)
    public Platform platform;

    /** https only. */
    public String url;

    public Instant plannedStart;

    public Instant plannedEnd;

    @Enumerated(EnumType.STRING)
    public State state = State.SCHEDULED;

    public Instant startedAt;

    public Instant endedAt;

    public Instant cancelledAt;

    public String cancelReason;

    public long campaignId;

    /** order-service's snapshot version: +1 on every change ({@link #changed()}). */
    public long version;

    @ElementCollection
    @CollectionTable(name = "livestream_host", joinColumns = @JoinColumn(name = "livestream_id"))
    @OrderColumn(name = "position")
    public List<LivestreamHost> hosts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "livestream_lot", joinColumns = @JoinColumn(name = "livestream_id"))
    @Column(name = "lot_id")
    public Set<Long> lotIds = new TreeSet<>();

    @Column(insertable = false, updatable = false)
    public Instant createdAt;

    /** Neither ended nor cancelled: order-service's snapshot still follows its team's members. */
    public boolean finished() {
        return state == State.ENDED || state == State.CANCELLED;
    }

    /** Counts a change order-service must learn of. */
    public void changed() {
        version++;
    }

    /** Its details change only while it is scheduled. */
    public void requireScheduled(String what) {
        if (state != State.SCHEDULED) {
            throw illegal("cannot " + what + ": only a SCHEDULED livestream changes");
        }
    }

    public AuditEntry start(Instant now) {
        if (state != State.SCHEDULED) {
            throw illegal("cannot start: only a SCHEDULED livestream goes LIVE");
        }
        state = State.LIVE;
        startedAt = now;
        changed();
        return AuditEntry.of(AuditEntry.SubjectType.LIVESTREAM, id, "STARTED", null, "SCHEDULED → LIVE at " + now);
    }

    public AuditEntry end(Instant now) {
        if (state != State.LIVE) {
            throw illegal("cannot end: only a LIVE livestream ends");
        }
        state = State.ENDED;
        endedAt = now;
        changed();
        return AuditEntry.of(AuditEntry.SubjectType.LIVESTREAM, id, "ENDED", null, "LIVE → ENDED at " + now);
    }

    public AuditEntry cancel(String reason, Instant now) {
        if (state != State.SCHEDULED) {
            throw illegal("cannot cancel: only a SCHEDULED livestream is cancelled (end a LIVE one)");
        }
        state = State.CANCELLED;
        cancelledAt = now;
        cancelReason = reason;
        changed();
        return AuditEntry.of(AuditEntry.SubjectType.LIVESTREAM, id, "CANCELLED", reason,
                "SCHEDULED → CANCELLED at " + now);
    }

    private ProblemException illegal(String message) {
        return new ProblemException(409, "Conflict", "Livestream " + code + " is " + state + ": " + message,
                List.of(new Problem.Violation("state", "is " + state + ": " + message)))
                .with("livestreamState", state.name());
    }
}
