package io.agrilink.logistics.outbox;

/** The kinds of message logistics-service writes to its outbox, one {@code *Handler} each. */
public final class OutboxKinds {

    /** A shipment's status change, for order-service; delivered in order per shipment. */
    public static final String SHIPMENT_STATUS = "SHIPMENT_STATUS";

    private OutboxKinds() {
    }
}
