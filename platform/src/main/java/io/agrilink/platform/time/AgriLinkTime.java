package io.agrilink.platform.time;

import java.time.ZoneId;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The programme's clock, one key for every service: the zone of "today" (packing lists, a
 * carrier's daily capacity, the season of a product, a certificate's date) and of the local times
 * shown to people. Set with {@code AGRILINK_TIME_ZONE}.
 * <p>
 * A bean with one property rather than a {@code @ConfigMapping}: the key sits right under
 * {@code agrilink}, and a mapping of that prefix would claim every {@code agrilink.*} key of every
 * service (and refuse the ones it does not declare).
 */
@Singleton
public class AgriLinkTime {

    public static final String KEY = "agrilink.time-zone";
    static final String DEFAULT = "Asia/Ho_Chi_Minh";

    @ConfigProperty(name = KEY, defaultValue = DEFAULT)
    ZoneId zone;

    /** The programme's time zone ({@code agrilink.time-zone}). */
    public ZoneId zone() {
        return zone;
    }

    /** The programme's time zone, for code that is not a bean (a record's factory, a constant). */
    public static ZoneId configured() {
        // read as text: Quarkus' ZoneId converter fails on the empty value an absent key is converted from
        return ZoneId.of(ConfigProvider.getConfig().getOptionalValue(KEY, String.class).orElse(DEFAULT));
    }
}
