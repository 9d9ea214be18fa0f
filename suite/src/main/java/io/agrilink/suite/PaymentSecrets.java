package io.agrilink.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The local run's payment secrets, shared by order-service and the local payment sandboxes: the
 * bank-notification HMAC secret, VNPay's merchant code and hash secret, Stripe's test API key and
 * webhook secret. Generated on first start into {@code <data>/payments/secrets.properties}
 * (readable by its owner only, never committed) and kept, so that a restarted suite still verifies
 * the payments it started; {@code ./agrilink up --fresh} starts over with new ones.
 */
public final class PaymentSecrets {

    private final Properties values;

    private PaymentSecrets(Properties values) {
        this.values = values;
    }

    /** The secrets in {@code folder}, generated there when they are not yet. */
    public static PaymentSecrets in(Path folder) throws IOException {
        Path file = folder.resolve("secrets.properties");
        Properties values = LocalFiles.load(file);
        boolean changed = false;
        changed |= generate(values, "bank-notification-secret", () -> IdentitySecrets.randomText(40));
        // VNPay gives a merchant an 8-character terminal code and a 32-character upper-case hash secret
        changed |= generate(values, "vnpay-tmn-code", () -> IdentitySecrets.randomText(8).toUpperCase(Locale.ROOT));
        changed |= generate(values, "vnpay-hash-secret", () -> IdentitySecrets.randomText(32).toUpperCase(Locale.ROOT));
        // Stripe's shapes, so that nothing mistakes them for live keys: sk_test_… and whsec_…
        changed |= generate(values, "stripe-api-key", () -> "sk_test_" + IdentitySecrets.randomText(40));
        changed |= generate(values, "stripe-webhook-secret", () -> "whsec_" + IdentitySecrets.randomText(32));
        if (changed) {
            LocalFiles.store(values, file, "the local payment sandboxes' secrets; local use only");
        }
        return new PaymentSecrets(values);
    }

    private static boolean generate(Properties values, String key, java.util.function.Supplier<String> value) {
        if (values.containsKey(key)) {
            return false;
        }
        values.setProperty(key, value.get());
        return true;
    }

    /** The HMAC-SHA256 secret of {@code POST /payments/bank-notifications} ({@code X-Signature}). */
    public String bankNotificationSecret() {
        return values.getProperty("bank-notification-secret");
    }

    public String vnpayTmnCode() {
        return values.getProperty("vnpay-tmn-code");
    }

    public String vnpayHashSecret() {
        return values.getProperty("vnpay-hash-secret");
    }

    public String stripeApiKey() {
        return values.getProperty("stripe-api-key");
    }

    public String stripeWebhookSecret() {
        return values.getProperty("stripe-webhook-secret");
    }
}
