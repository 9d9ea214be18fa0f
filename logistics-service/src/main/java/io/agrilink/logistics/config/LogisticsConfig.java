package io.agrilink.logistics.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "agrilink.logistics")
public interface LogisticsConfig {

    /** The time zone whose calendar day a carrier's daily capacity counts in. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId timeZone();

    /** Deliver-by when order-service sends none, for loads kept at 2–5 °C (lychee keeps 3–5 weeks). */
    @WithDefault("P21D")
    Duration coldShelfLife();

    /** Deliver-by when order-service sends none, for loads at ambient temperature (lychee keeps 3–5 days). */
    @WithDefault("P3D")
    Duration ambientShelfLife();
}
