package io.agrilink.order;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * The answer given to one caller's {@code Idempotency-Key}: a retry with the same key and the
 * same body gets this answer again; the same key with another body is refused. Written in the
 * transaction that creates the order, kept for {@code agrilink.order.idempotency-retention}.
 */
@Entity
public class IdempotencyRecord extends PanacheEntity {

    /** The token subject: keys are scoped per caller. */
    public String caller;

    @Column(name = "idempotency_key")
    public String key;

    /** SHA-256 of the request body as parsed and re-serialised. */
    public String fingerprint;

    public int responseStatus;

    public String responseBody;

    public long orderId;

    public Instant createdAt;
}
