package io.agrilink.catalog;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * One change staff made to a campaign or a product, or an account they registered: who, when, why, and
 * what changed. An account is named by its username in {@code detail} ({@code subjectId} is 0: accounts
 * live in the identity provider and have no catalog id).
 */
@Entity
public class AuditEntry extends PanacheEntity {

    public enum SubjectType {
        CAMPAIGN, PRODUCT, ACCOUNT
    }

    @Enumerated(EnumType.STRING)
    public SubjectType subjectType;

    public long subjectId;

    public Instant at;

    /** The token subject of whoever made the change. */
    public String actor;

    /** CREATED, CHANGED, ENDED, DELISTED, RELISTED; for an account REGISTERED. */
    public String action;

    /** Why, in the words of the one who did it. */
    public String reason;

    /** What changed ("endsAt 2026-06-14T12:00:00Z → 2026-06-12T09:30:00Z; lot 7 removed"). */
    public String detail;
}
