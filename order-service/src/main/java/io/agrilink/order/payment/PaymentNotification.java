package io.agrilink.order.payment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A provider's notification, kept once by its event id (the bank's transaction id, VNPay's
 * transaction number, Stripe's event id): the idempotency record that makes a replay change
 * nothing, and the trail of what each notification did. Written only by {@link PaymentLedger}'s
 * one insert that skips a replay.
 */
@Entity
public class PaymentNotification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String provider;

    public String eventId;

    public Long orderId;

    public Long paymentId;

    public Long amount;

    public String outcome;

    public String detail;

    public Instant receivedAt;
}
