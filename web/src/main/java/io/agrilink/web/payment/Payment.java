package io.agrilink.web.payment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The web app's own copy of order-service's PaymentView: one attempt to pay an order, amounts in whole
 * đồng. {@code vietQr} only for a bank transfer, {@code redirectUrl} only for VNPay and Stripe;
 * {@code detail} what order-service noted (a provider's answer, why a transfer did not match).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Payment(long id, long orderId, String method, String status, long amount, Long receivedAmount,
        boolean mismatch, String reference, String providerRef, Instant createdAt, Instant expiresAt, Instant paidAt,
        String redirectUrl, VietQr vietQr, String detail) {

    /** What the buyer's banking app reads from the QR code, and the same written out for typing it in by hand. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VietQr(String payload, String bankBin, String account, String accountName, long amount,
            String reference) {
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public boolean paid() {
        return "PAID".equals(status);
    }

    /** Money came in, but not what was due (an underpaid or overpaid transfer): staff sort it out. */
    public boolean received() {
        return receivedAmount != null && receivedAmount > 0;
    }

    /** What came in: what was received where order-service says, else what was due. */
    public long paidAmount() {
        return receivedAmount != null ? receivedAmount : amount;
    }

    /** VNPay and Stripe: the buyer pays on the provider's page. */
    public boolean online() {
        return PaymentMethod.ON_PROVIDER_PAGE.contains(method);
    }
}
