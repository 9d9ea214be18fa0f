package io.agrilink.training.notice;

import io.agrilink.training.Notice;

/**
 * Sends a notice to a farmer (SMS, Zalo, ...). Implementations are CDI beans named with
 * {@code @Identifier("<name>")}; {@code agrilink.training.notices.sender=<name>} picks one.
 * Called from the outbox, outside any transaction: throw to have the notice retried later (a
 * JAX-RS {@code WebApplicationException} with the gateway's status counts by the outbox's one
 * rule), throw {@link Rejected} when retrying cannot help. The notice id is stable across
 * retries, so gateways can deduplicate.
 */
public interface NoticeSender {

    void send(Notice notice);

    /** The gateway refused the notice for good: it is not retried, staff re-drive or discard it ({@code /outbox}). */
    class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }
}
