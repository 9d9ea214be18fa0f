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
}
