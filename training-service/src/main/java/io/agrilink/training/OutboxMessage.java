package io.agrilink.training;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * An effect outside this service, written in the same transaction as the change that causes it
 * and delivered later, retried with back-off until the receiver takes it.
 */
@Entity
public class OutboxMessage extends PanacheEntity {

    public enum Kind {
        /** Send notice {@code payload} (its id) through the configured {@code NoticeSender}. */
        NOTICE,
        /** Tell catalog-service that a farmer is livestream-ready; payload is JSON {subject, certificateCode}. */
        LIVESTREAM_READY
    }

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String payload;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant deliveredAt;
    /** Set when the receiver refused for good (a 4xx other than 408/429). */
    public Instant failedAt;
    public Instant createdAt;
}
