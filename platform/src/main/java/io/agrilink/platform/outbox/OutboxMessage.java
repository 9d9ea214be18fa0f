package io.agrilink.platform.outbox;

import java.time.Instant;

/**
 * One message as its handler sees it.
 *
 * @param id       the row's id
 * @param kind     which {@link OutboxHandler} delivers it
 * @param subject  what it concerns (an order's or a shipment's id), for lookups and the audit
 * @param payload  what the handler needs to deliver it (JSON, or a plain reference)
 * @param attempts delivery attempts so far, this one included
 */
public record OutboxMessage(long id, String kind, String subject, String payload, int attempts, Instant createdAt) {

    /** The subject as a number (most subjects are ids); null when there is none. */
    public Long subjectId() {
        return subject == null ? null : Long.valueOf(subject);
    }
}
