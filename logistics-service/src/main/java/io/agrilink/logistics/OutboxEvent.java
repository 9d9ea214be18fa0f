package io.agrilink.logistics;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A status change waiting to be reported to order-service. Written in the same transaction as
 * the change; delivered in {@code position} order per shipment, retried with back-off.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntity {

    /** Receivers drop an event id they already applied. */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "shipment_id")
    public long shipmentId;

    @Column(name = "order_id")
    public long orderId;

    /** 1, 2, 3… per shipment: the order order-service must see the events in. */
    public int position;

    @Enumerated(EnumType.STRING)
    public Shipment.Status status;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String location;

    public String note;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Set when order-service refused the event for good (a 4xx other than 408/429). */
    @Column(name = "failed_at")
    public Instant failedAt;
}
