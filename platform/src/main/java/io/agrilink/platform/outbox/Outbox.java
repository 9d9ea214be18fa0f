package io.agrilink.platform.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Writes messages to the service's outbox in the caller's transaction: the message exists if and
 * only if the change that caused it commits. The {@link OutboxRelay} delivers them.
 */
@ApplicationScoped
@IfBuildProperty(name = "agrilink.outbox.enabled", stringValue = "true")
public class Outbox {

    @Inject
    OutboxStore store;

    @Inject
    OutboxRelay relay;

    /** Adds a message of {@code kind} about {@code subject} (may be null); returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long add(String kind, String subject, String payload) {
        return store.insert(kind, subject, null, payload, null);
    }

    /**
     * Adds a message delivered only after every earlier message of the same {@code orderingKey}
     * has been delivered or given up (a shipment's status events, in the order they happened).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long addInOrder(String kind, String subject, String orderingKey, String payload) {
        return store.insert(kind, subject, orderingKey, payload, null);
    }

    /**
     * Adds a message that the relay's rounds leave alone until {@code notBefore}: the caller
     * hands it to {@link #deliverSoon} after its transaction commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage addForSoon(String kind, String subject, String payload, Instant notBefore) {
        long id = store.insert(kind, subject, null, payload, notBefore);
        return new OutboxMessage(id, kind, subject, payload, 0, Instant.now());
    }

    /**
     * Delivers these just-committed messages now rather than at the relay's next round, grouped
     * with others that come meanwhile. They must have been written with {@code next_attempt_at}
     * a lease ahead (see {@link #addForSoon}): if this attempt fails, or the instance stops
     * first, the relay delivers them like any other message once that time has come.
     */
    public void deliverSoon(List<OutboxMessage> messages) {
        relay.deliverSoon(messages);
    }

    /**
     * Gives up the pending messages of {@code kind} about {@code subject} (the change they
     * announce was undone); returns how many. Waits for a round that is claiming them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int stop(String kind, String subject, String reason) {
        return store.stop(kind, subject, reason, false);
    }

    /**
     * Like {@link #stop}, but only messages that no relay has claimed yet: so the receiver has
     * certainly never seen them. Returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int stopUnsent(String kind, String subject, String reason) {
        return store.stop(kind, subject, reason, true);
    }
}
