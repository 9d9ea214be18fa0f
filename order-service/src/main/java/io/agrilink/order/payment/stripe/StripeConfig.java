package io.agrilink.order.payment.stripe;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Stripe (international cards); STRIPE is offered only when the API key and the webhook secret are set. */
@ConfigMapping(prefix = "agrilink.payment.stripe")
public interface StripeConfig {

    /** The secret API key ({@code sk_live_…} / {@code sk_test_…}); a secret, never in git. */
    Optional<String> apiKey();

    /** The webhook endpoint's signing secret ({@code whsec_…}), which {@code Stripe-Signature} is checked with. */
    Optional<String> webhookSecret();

    /** Another API host than api.stripe.com: the local sandbox or the tests' double. */
    Optional<String> apiBase();
}
