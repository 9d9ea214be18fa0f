package io.agrilink.platform.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers the messages of one kind: where they go and how. A service declares one
 * {@code @ApplicationScoped} bean per kind it writes.
 *
 * <p>{@link #deliver} and {@link #deliverAll} run outside any transaction and hold no database
 * connection (a slow receiver never holds a pooled connection or a row lock); receivers must be
 * idempotent, since a delivery whose outcome was not recorded (a crash, a lease that ran out) is
 * delivered again. {@link #delivered} and {@link #refused} run in the transaction that records
 * the outcome, so what the answer changes in the service commits with it.
 */
public interface OutboxHandler {

    /** The kind this handler delivers ({@code outbox_message.kind}). */
    String kind();

    /** Delivers one message. A thrown exception counts as {@link Delivery#failed(Throwable)}. */
    Delivery deliver(OutboxMessage message) throws Exception;

    /** Most messages of this kind that {@link #deliverAll} takes at once; 1: one call per message. */
    default int groupSize() {
        return 1;
    }

    /** Delivers a group (up to {@link #groupSize()}); one outcome per message, in their order. */
    default List<Delivery> deliverAll(List<OutboxMessage> group) {
        List<Delivery> outcomes = new ArrayList<>(group.size());
        for (OutboxMessage message : group) {
            Delivery outcome;
            try {
                outcome = deliver(message);
            } catch (Exception e) {
                outcome = Delivery.failed(e);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * Whether a delivered message stays in the table (marked delivered, until the retention
     * ends) and is reported to {@link #delivered}. False: it is deleted at once, in one statement
     * for a whole round and without a transaction, and {@link #delivered} is not called.
     */
    default boolean keepDelivered() {
        return true;
    }

    /**
     * Takes, at the start of the recording transaction and before the message row, the locks
     * that the service's own writers take before they change this kind's messages (an order
     * before its handoff), so recording and a concurrent change never deadlock.
     */
    default void lockSubject(OutboxMessage message) {
    }

    /** The receiver took the message (kept kinds only); runs in the recording transaction. */
    default void delivered(OutboxMessage message, Object answer) {
    }

    /** The receiver refused the message for good; runs in the recording transaction. */
    default void refused(OutboxMessage message, Delivery.Refused refusal) {
    }
}
