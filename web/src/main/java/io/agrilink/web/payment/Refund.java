package io.agrilink.web.payment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The web app's own copy of order-service's RefundView: money going back for a cancelled (or unpayable)
 * order. A bank transfer's refund is a staff task, completed with the reference of the transfer sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Refund(long id, long paymentId, long orderId, String method, String status, long amount, String reason,
        String providerRef, Instant requestedAt, String requestedBy, Instant doneAt, String doneBy, String error) {

    public boolean requested() {
        return "REQUESTED".equals(status);
    }

    public boolean failed() {
        return "FAILED".equals(status);
    }

    /** Staff send this one by hand and then say so with the transfer's reference. */
    public boolean staffTask() {
        return requested() && PaymentMethod.BANK_TRANSFER.equals(method);
    }
}
