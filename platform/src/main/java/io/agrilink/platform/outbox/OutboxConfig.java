package io.agrilink.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the outbox delivers, the same keys in every service ({@code agrilink.outbox.*}). The
 * outbox itself is switched on at build time by {@code agrilink.outbox.enabled=true} in a
 * service's {@code application.properties}.
 */
@ConfigMapping(prefix = "agrilink.outbox")
public interface OutboxConfig {

    /**
     * Whether the service has an outbox. Read at build time ({@code @IfBuildProperty} on the
     * outbox's beans); declared here so that the key belongs to this mapping and a service that
     * sets it still starts (an unmapped {@code agrilink.outbox.*} key fails the config validation).
     */
    @WithDefault("false")
    boolean enabled();

    /** How often the relay looks for due messages (the {@code @Scheduled} expression of {@link OutboxRelay}). */
    @WithDefault("1s")
    Duration every();

    /** Due messages claimed per round. */
    @WithDefault("500")
    int batchSize();

    /** Deliveries (calls, or groups of messages sent in one call) in flight at once. */
    @WithDefault("8")
    int parallelism();

    /**
     * How long a claimed message is hidden from other rounds and instances while it is being
     * delivered; a delivery that has no answer by then is abandoned and retried.
     */
    @WithDefault("60s")
    Duration lease();

    /** Delay before the first retry; doubled after each failed attempt. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest delay between two attempts. */
    @WithDefault("60s")
    Duration maxBackoff();

    /**
     * How long a message handed to {@link Outbox#deliverSoon} waits for others to join it, so
     * that one call delivers many (a flash sale's reservation confirmations).
     */
    @WithDefault("250ms")
    Duration soonWait();

    /** How long delivered messages that a handler keeps stay in the table. */
    @WithDefault("7d")
    Duration retention();

    /** The health check {@code outbox} reports DOWN when a message has been pending longer than this. */
    @WithDefault("10m")
    Duration backlogAge();
}
