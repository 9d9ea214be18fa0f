package io.agrilink.training.notice;

import io.agrilink.training.Notice;

/**
 * Sends a notice to a farmer (SMS, Zalo, ...). Implementations are CDI beans named with
 * {@code @Identifier("<name>")}; {@code agrilink.training.notices.sender=<name>} picks one.
 * Called from the outbox: throw to have the notice retried later, throw {@link Rejected} when
 * retrying cannot help. The notice id is stable across retries, so gateways can deduplicate.
 */
public interface NoticeSender {

    void send(Notice notice);

    /** The gateway refused the notice for good (a 4xx other than 408/429): it is not retried. */
    class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }
}
