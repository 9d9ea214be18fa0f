package io.agrilink.platform.time;

import java.time.ZoneId;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The programme's clock, one key for every service: the zone of "today" (packing lists, a
 * carrier's daily capacity, the season of a product, a certificate's date) and of the local times
 * shown to people. Set with {@code AGRILINK_TIME_ZONE}.
 */
@ConfigMapping(prefix = "agrilink")
public interface AgriLinkTime {

    /** The programme's time zone ({@code agrilink.time-zone}). */
    @WithName("time-zone")
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /** The programme's time zone, for code that is not a bean (a record's factory, a constant). */
    static ZoneId configured() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(AgriLinkTime.class).zone();
    }
}
