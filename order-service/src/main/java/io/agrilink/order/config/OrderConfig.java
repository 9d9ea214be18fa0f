package io.agrilink.order.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "agrilink.order")
public interface OrderConfig {

    /** How long catalog-service holds the stock of a cash-on-delivery order until it is confirmed. */
    @WithDefault("15m")
    Duration reservationTtl();

    /** How long a bank-transfer order waits for payment before it is cancelled and its stock released. */
    @WithDefault("30m")
    Duration bankTransferHold();

    /** Extra reservation time beyond the bank-transfer hold, so the sweep cancels before the stock expires. */
    @WithDefault("10m")
    Duration bankTransferGrace();

    /** How long an Idempotency-Key and its answer are kept (at least 24 hours, as Stripe does). */
    @WithDefault("24h")
    Duration idempotencyRetention();

    /** Grouping of concurrent order placements. */
    Batch batch();

    /** The cold chain logistics-service carries. */
    ColdChain coldChain();

    /**
     * Most reservation confirmations sent to catalog-service in one call (its limit is 1000); the
     * outbox's own settings are {@code agrilink.outbox.*}.
     */
    @WithDefault("500")
    int confirmBatchSize();

    interface Batch {

        /** Most placements sent to catalog-service in one reservation batch. */
        @WithDefault("128")
        int maxSize();

        /** How long the first placement of a batch waits for others to join it. */
        @WithDefault("3ms")
        Duration maxWait();

        /** Batches in progress at once (each one catalog call and one transaction at a time). */
        @WithDefault("2")
        int workers();

        /** How long a caller waits for its placement before getting a 503 (a retry with the same key is safe). */
        @WithDefault("20s")
        Duration callerTimeout();
    }

    interface ColdChain {

        /**
         * The coldest a load may be kept: logistics-service refuses a handoff below -30 °C, so an
         * order needing colder is refused at placement rather than left unshipped.
         */
        @WithDefault("-30")
        int lowestCelsius();

        /** The warmest a cold-chain load may be kept: logistics-service refuses above 30 °C. */
        @WithDefault("30")
        int highestCelsius();
    }
}
