package io.agrilink.catalog;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * One change staff made to a campaign, a product or a team, or a host or staff made to a livestream, or an
 * account staff registered: who, when, why, and what changed. An account is named by its username in {@code detail} ({@code subjectId} is 0: accounts
 * live in the identity provider and have no catalog id).
 */
@Entity
public class AuditEntry extends PanacheEntity {

    public enum SubjectType {
        CAMPAIGN, PRODUCT, ACCOUNT, TEAM, LIVESTREAM
    }

    @Enumerated(EnumType.STRING)
    public SubjectType subjectType;

    public long subjectId;

    public Instant at;

    /** The token subject of whoever made the change. */
    public String actor;

    /**
     * CREATED, CHANGED, ENDED, DELISTED, RELISTED; for an account REGISTERED; for a team also MEMBER_ADDED,
     * MEMBER_REMOVED; for a livestream SCHEDULED, CHANGED, STARTED, ENDED, CANCELLED.
     */
    public String action;

    /** Why, in the words of the one who did it. */
    public String reason;

    /** What changed ("endsAt 2026-06-14T12:00:00Z → 2026-06-12T09:30:00Z; lot 7 removed"). */
    public String detail;

    /** An entry not yet written: the actor is set, and it is persisted, by {@code service.AuditTrail}. */
    public static AuditEntry of(SubjectType type, long id, String action, String reason, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.subjectType = type;
        entry.subjectId = id;
        entry.at = Instant.now();
        entry.action = action;
        entry.reason = reason;
        entry.detail = detail;
        return entry;
    }
}
