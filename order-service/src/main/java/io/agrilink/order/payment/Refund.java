package io.agrilink.order.payment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.agrilink.order.CustomerOrder;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * Money going back to a buyer, at most one per payment (a unique key): through the provider it
 * was paid with (VNPay, Stripe: the outbox calls their refund API), or, for a bank transfer, a task
 * staff complete with the reference of the transfer they sent.
 */
@Entity
public class Refund extends PanacheEntity {

    public long paymentId;

    public long orderId;

    @Enumerated(EnumType.STRING)
    public CustomerOrder.Payment method;

    @Enumerated(EnumType.STRING)
    public RefundStatus status;

    /** Whole đồng. */
    public long amount;

    public String reason;

    /** The provider's refund id, or the reference of the transfer staff sent. */
    public String providerRef;

    public Instant requestedAt;

    public String requestedBy;

    public Instant doneAt;

    public String doneBy;

    public String error;

    public static List<Refund> ofOrder(long orderId) {
        return list("orderId = ?1 order by id", orderId);
    }
}
