package io.agrilink.catalog.outbox;

/** The kinds of message catalog-service writes to its outbox, each delivered by its own handler. */
public final class OutboxKinds {

    /**
     * order-service's replica of a livestream; subject the stream's id, ordering key
     * {@code livestream-<id>}, payload the JSON snapshot ({@code client.OrderRestClient.LivestreamSnapshot}).
     * {@link LivestreamChangedHandler} sends it.
     */
    public static final String LIVESTREAM_CHANGED = "LIVESTREAM_CHANGED";

    private OutboxKinds() {
    }
}
