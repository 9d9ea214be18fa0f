package io.agrilink.order.payment.stripe;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.PaymentProvider;
import io.agrilink.platform.outbox.Delivery;

/**
 * Stripe Checkout for buyers abroad, through stripe-java's {@link StripeClient}: a Checkout Session in VND (a
 * zero-decimal currency: the amount is whole đồng) and refunds of its payment intent, each with an idempotency key
 * so a retried call never makes a second session or a second refund. The outcome arrives by the webhook
 * ({@link StripeWebhookResource}).
 */
@ApplicationScoped
public class StripeProvider implements PaymentProvider {

    /** Stripe's window for a Checkout Session's {@code expires_at}: 30 minutes to 24 hours after its creation. */
    static final Duration SHORTEST_SESSION = Duration.ofMinutes(31);
    static final Duration LONGEST_SESSION = Duration.ofHours(23);

    @Inject
    StripeConfig config;

    /** Thread-safe, one for the application; null while Stripe is not configured. */
    private StripeClient client;

    @Override
    public CustomerOrder.Payment method() {
        return CustomerOrder.Payment.STRIPE;
    }

    @Override
    public boolean available() {
        return config.apiKey().filter(key -> !key.isBlank()).isPresent()
                && config.webhookSecret().filter(secret -> !secret.isBlank()).isPresent();
    }

    /**
     * A Checkout Session for the payment. Its {@code expires_at} is the payment's own end, moved into Stripe's
     * window: a session that outlives the order's hold and is paid later is refunded by the ledger.
     */
    @Override
    public Started start(Starting starting) throws StripeException {
        Instant now = Instant.now();
        Instant expiresAt = latest(starting.expiresAt(), now.plus(SHORTEST_SESSION));
        if (expiresAt.isAfter(now.plus(LONGEST_SESSION))) {
            expiresAt = now.plus(LONGEST_SESSION);
        }
        String paymentId = Long.toString(starting.paymentId());
        String orderId = Long.toString(starting.orderId());
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(starting.returnUrl())
                .setCancelUrl(starting.returnUrl())
                .setClientReferenceId(paymentId)
                .putMetadata("orderId", orderId)
                .putMetadata("paymentId", paymentId)
                .setExpiresAt(expiresAt.getEpochSecond())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("orderId", orderId).putMetadata("paymentId", paymentId).build())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency("vnd")
                                .setUnitAmount(starting.amount())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("AgriLink order " + starting.reference()).build())
                                .build())
                        .build())
                .build();
        Session session = client.v1().checkout().sessions().create(params,
                RequestOptions.builder().setIdempotencyKey("checkout-" + starting.paymentId()).build());
        return new Started(session.getId(), session.getUrl(), null);
    }

    /** A refund of the payment intent; a repeat of the same refund is the same refund at Stripe (its key). */
    @Override
    public Delivery refund(RefundOrder refund) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(refund.providerRef())
                .setAmount(refund.amount())
                .putMetadata("refundId", Long.toString(refund.refundId()))
                .putMetadata("orderId", Long.toString(refund.orderId()))
                .build();
        try {
            Refund done = client.v1().refunds().create(params,
                    RequestOptions.builder().setIdempotencyKey("refund-" + refund.refundId()).build());
            return Delivery.delivered(done.getId());
        } catch (ApiConnectionException e) {
            return Delivery.retry("Stripe unreachable: " + e.getMessage());
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            // the outbox's one rule: a 4xx (but 408/429) is Stripe's refusal, a 5xx is tried again
            return status == null ? Delivery.retry(e.getMessage()) : Delivery.ofStatus(status, e.getMessage());
        }
    }

    @PostConstruct
    void connect() {
        if (available()) {
            StripeClient.StripeClientBuilder builder = StripeClient.builder()
                    .setApiKey(config.apiKey().orElseThrow())
                    .setConnectTimeout(2_000)
                    .setReadTimeout(15_000)
                    // the outbox retries a refund (with the same idempotency key), the buyer a start
                    .setMaxNetworkRetries(0);
            config.apiBase().ifPresent(builder::setApiBase);
            client = builder.build();
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
