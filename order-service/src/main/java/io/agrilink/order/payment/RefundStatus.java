package io.agrilink.order.payment;

/** A refund's life: REQUESTED until the provider (or staff, for a bank transfer) returned the money (DONE) or refused it (FAILED). */
public enum RefundStatus {
    REQUESTED, DONE, FAILED
}
