package io.agrilink.order.payment;

/** A payment's life: PENDING until the provider says it arrived (PAID), failed (FAILED), or its window closed (EXPIRED). */
public enum PaymentStatus {
    PENDING, PAID, FAILED, EXPIRED
}
