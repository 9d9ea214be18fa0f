package io.agrilink.training;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Something a farmer needs to know, kept for them to read and sent through the notice outbox. */
@Entity
public class Notice extends PanacheEntity {

    public enum Kind {
        SEATED, WAITLISTED, OFFERED, OFFER_EXPIRING, OFFER_EXPIRED, SEAT_CANCELLED, SESSION_CHANGED,
        SESSION_CANCELLED, CERTIFICATE_ISSUED
    }

    public String farmer;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public Long sessionId;
    public Long enrolmentId;
    public String message;
    public Instant createdAt;
    public Instant deliveredAt;
}
