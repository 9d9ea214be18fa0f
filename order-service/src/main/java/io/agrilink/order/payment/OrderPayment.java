package io.agrilink.order.payment;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.agrilink.order.CustomerOrder;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * One attempt to pay an order through one provider: a VietQR transfer awaited, a VNPay URL, a
 * Stripe Checkout Session. Its amount is what is due; {@link #receivedAmount} is what the provider
 * said arrived, which for a bank transfer may differ (then it stays PENDING, a mismatch for staff).
 */
@Entity
public class OrderPayment extends PanacheEntity {

    public long orderId;

    @Enumerated(EnumType.STRING)
    public CustomerOrder.Payment method;

    @Enumerated(EnumType.STRING)
    public PaymentStatus status;

    /** Whole đồng due. */
    public long amount;

    /** Whole đồng that arrived so far; null while nothing did. */
    public Long receivedAmount;

    public String reference;

    public String providerRef;

    public String providerSession;

    public String redirectUrl;

    public String qrPayload;

    public Instant createdAt;

    public Instant expiresAt;

    public Instant paidAt;

    public String detail;

    /** Money arrived but not the amount due: never confirmed by itself, staff decide. */
    public boolean mismatch() {
        return status == PaymentStatus.PENDING && receivedAmount != null && receivedAmount != amount;
    }

    public static List<OrderPayment> ofOrder(long orderId) {
        return list("orderId = ?1 order by id", orderId);
    }
}
