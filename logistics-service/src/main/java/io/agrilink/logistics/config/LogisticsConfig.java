package io.agrilink.logistics.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "agrilink.logistics")
public interface LogisticsConfig {

    /** Deliver-by when order-service sends none, for loads kept at 2–5 °C (lychee keeps 3–5 weeks). */
    @WithDefault("21d")
    Duration coldShelfLife();

    /** Deliver-by when order-service sends none, for loads at ambient temperature (lychee keeps 3–5 days). */
    @WithDefault("3d")
    Duration ambientShelfLife();

    Outbox outbox();

    interface Outbox {

        /** Events claimed per round of the delivery job. */
        @WithDefault("20")
        int batchSize();

        /** Wait after the first failed delivery; doubles with each further failure. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** The longest wait between two attempts at one event. */
        @WithDefault("5m")
        Duration maxBackoff();
    }
}
