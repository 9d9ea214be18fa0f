package io.agrilink.order.rest;

import java.time.Instant;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.Refund;
import io.agrilink.order.payment.RefundStatus;

/** A refund: through the provider, or (bank transfer) a task staff complete with their transfer's reference. */
public record RefundView(
        long id,
        long paymentId,
        long orderId,
        CustomerOrder.Payment method,
        RefundStatus status,
        long amount,
        String reason,
        String providerRef,
        Instant requestedAt,
        String requestedBy,
        Instant doneAt,
        String doneBy,
        String error) {

    public static RefundView of(Refund refund) {
        return new RefundView(refund.id, refund.paymentId, refund.orderId, refund.method, refund.status, refund.amount,
                refund.reason, refund.providerRef, refund.requestedAt, refund.requestedBy, refund.doneAt, refund.doneBy,
                refund.error);
    }
}
