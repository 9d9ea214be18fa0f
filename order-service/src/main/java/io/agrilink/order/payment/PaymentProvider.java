package io.agrilink.order.payment;

import java.time.Instant;

import io.agrilink.order.CustomerOrder;
import io.agrilink.platform.outbox.Delivery;

/**
 * One way to pay online: an {@code @ApplicationScoped} bean per method (VietQR bank transfer,
 * VNPay, Stripe). The ledger decides what a payment does to an order; a provider only speaks its
 * provider's protocol.
 */
public interface PaymentProvider {

    CustomerOrder.Payment method();

    /** Configured (its secrets are present); a method that is not is refused at placement. */
    boolean available();

    /**
     * Starts a payment, outside any transaction: VietQR builds its code, VNPay signs its URL,
     * Stripe creates a Checkout Session.
     */
    Started start(Starting starting) throws Exception;

    /**
     * Sends a refund, outside any transaction, from the REFUND_PAYMENT outbox handler:
     * {@code Delivery.delivered(providerRefundId)} when the provider took it, otherwise as the
     * platform's rule says (retried, or refused for good). Never called for a bank transfer, whose
     * refunds staff send by hand.
     */
    Delivery refund(RefundOrder refund) throws Exception;

    record Starting(long orderId, long paymentId, String reference, long amount, Instant expiresAt, String returnUrl,
            String buyerIp, String description) {
    }

    /**
     * providerSession: VNPay's TxnRef or Stripe's session id; redirectUrl: where the buyer goes
     * (none for VietQR); qrPayload: the EMVCo string (VietQR only).
     */
    record Started(String providerSession, String redirectUrl, String qrPayload) {
    }

    record RefundOrder(long refundId, long paymentId, long orderId, long amount, String reference, String providerRef,
            String providerSession, Instant paidAt, String reason) {
    }
}
