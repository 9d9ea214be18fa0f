package io.agrilink.platform.outbox;

import java.time.Duration;

/** The outbox's one back-off: {@code initial × 2^(attempts−1)}, at most {@code max}. */
public final class Backoff {

    private Backoff() {
    }

    public static Duration after(int attempts, Duration initial, Duration max) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.isNegative() || delay.compareTo(max) > 0 ? max : delay;
    }
}
