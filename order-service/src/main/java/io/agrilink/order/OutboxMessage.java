package io.agrilink.order;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A call to another service that must happen because of a state change, written in the same
 * transaction as the change and delivered (with retries and back-off) by the outbox relay.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntity {

    public enum Kind {
        /** POST /shipments to logistics-service: the order is packed and ready for pickup. */
        CREATE_SHIPMENT,
        /** POST /stock/reservations/{orderRef}/confirm to catalog-service. */
        CONFIRM_RESERVATION,
        /** DELETE /stock/reservations/{orderRef} to catalog-service. */
        RELEASE_RESERVATION,
        /** POST /shipments/withdrawals to logistics-service: the order is cancelled, its shipment must not be carried. */
        WITHDRAW_SHIPMENT;

        /** Whether a delivered message stays (marked delivered) because its answer changes the order. */
        public boolean keptWhenDelivered() {
            return this == CREATE_SHIPMENT || this == WITHDRAW_SHIPMENT;
        }
    }

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The order concerned; null for the release of a reservation whose order was never saved. */
    @Column(name = "order_id")
    public Long orderId;

    /** JSON body for a shipment or a withdrawal, the order reference for reservations. */
    public String payload;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Set when the receiver refused for good (a 4xx other than 408/429): not retried. */
    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public static OutboxMessage of(Kind kind, Long orderId, String payload, Instant now) {
        OutboxMessage message = new OutboxMessage();
        message.kind = kind;
        message.orderId = orderId;
        message.payload = payload;
        message.attempts = 0;
        message.nextAttemptAt = now;
        message.createdAt = now;
        return message;
    }
}
