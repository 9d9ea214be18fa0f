package io.agrilink.order.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.PaymentLedger;
import io.agrilink.order.payment.PaymentProvider;
import io.agrilink.order.payment.PaymentProviders;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.platform.outbox.Delivery;
import io.agrilink.platform.outbox.OutboxHandler;
import io.agrilink.platform.outbox.OutboxMessage;

/**
 * Sends a refund to the provider the payment came through. Each provider is called with the
 * refund's own idempotency key (Stripe's {@code Idempotency-Key}, VNPay's request id), so a
 * delivery repeated after a crash or a lease that ran out refunds once.
 */
@ApplicationScoped
public class RefundPaymentHandler implements OutboxHandler {

    /** The message: which provider, and what it needs to refund. */
    public record Message(CustomerOrder.Payment method, PaymentProvider.RefundOrder refund) {
    }

    @Inject
    PaymentProviders providers;

    @Inject
    PaymentLedger ledger;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return OutboxKinds.REFUND_PAYMENT;
    }

    @Override
    public Delivery deliver(OutboxMessage message) throws Exception {
        Message refund = json.readValue(message.payload(), Message.class);
        PaymentProvider provider = providers.of(refund.method()).filter(PaymentProvider::available).orElse(null);
        if (provider == null) {
            return Delivery.refused(0, refund.method() + " is not configured here: refund it by hand and discard this message");
        }
        return provider.refund(refund.refund());
    }

    @Override
    public void lockSubject(OutboxMessage message) {
        lifecycle.lockForOutbox(message.subjectId());
    }

    @Override
    public void delivered(OutboxMessage message, Object answer) {
        ledger.refunded(refundId(message), answer == null ? null : answer.toString(), Instant.now());
    }

    @Override
    public void refused(OutboxMessage message, Delivery.Refused refusal) {
        ledger.refundRefused(refundId(message), refusal.error(), Instant.now());
    }

    private long refundId(OutboxMessage message) {
        try {
            return json.readTree(message.payload()).path("refund").path("refundId").asLong();
        } catch (Exception e) {
            return 0;
        }
    }
}
