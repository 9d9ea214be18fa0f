package io.agrilink.order.payment.bank;

import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;

/**
 * The account buyers transfer to and the bank-notification webhook's secret. Nothing is set by
 * default: BANK_TRANSFER is offered once {@link #bin} and {@link #account} are, the webhook answers
 * once {@link #notificationSecret} is (environment {@code AGRILINK_PAYMENT_BANK_…}, a Kubernetes
 * Secret for the secret). A value that could not go into a VietQR code stops the service at start.
 */
@ConfigMapping(prefix = "agrilink.payment.bank")
public interface BankConfig {

    /** The receiving bank's NAPAS BIN, 6 digits ({@code 970436} Vietcombank, {@code 970416} ACB). */
    Optional<@Pattern(regexp = "\\d{6}", message = "must be the bank's 6-digit NAPAS BIN") String> bin();

    /** The receiving account number, as the bank prints it (1–19 letters or digits). */
    Optional<@Pattern(regexp = "[0-9A-Za-z]{1,19}", message = "must be 1 to 19 letters or digits") String> account();

    /** The account holder's name, shown beside the code so the buyer sees whom they pay. */
    Optional<@Size(max = 100) String> accountName();

    /**
     * The HMAC-SHA256 key the bank-notification service signs each notification with
     * ({@code X-Signature: sha256=<hex>}); without it {@code POST /payments/bank-notifications} is 404.
     */
    Optional<@Size(min = 16, message = "must be at least 16 characters") String> notificationSecret();
}
