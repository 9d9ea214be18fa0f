package io.agrilink.order.outbox;

/**
 * The kinds of message order-service writes to its outbox, one {@code *Handler} each. The subject
 * of every message is the order's id (none for the release of a reservation whose order was never
 * saved).
 */
public final class OutboxKinds {

    /** {@code POST /shipments} to logistics-service: the order is packed and ready for pickup. */
    public static final String CREATE_SHIPMENT = "CREATE_SHIPMENT";

    /** {@code POST /shipments/withdrawals} to logistics-service: the order is cancelled, its shipment must not be carried. */
    public static final String WITHDRAW_SHIPMENT = "WITHDRAW_SHIPMENT";

    /** {@code POST /stock/confirmations} to catalog-service (payload: the order reference). */
    public static final String CONFIRM_RESERVATION = "CONFIRM_RESERVATION";

    /** {@code DELETE /stock/reservations/{orderRef}} to catalog-service (payload: the order reference). */
    public static final String RELEASE_RESERVATION = "RELEASE_RESERVATION";

    /** A refund to the provider a payment came through (VNPay, Stripe); payload: {@code PaymentProvider.RefundOrder}. */
    public static final String REFUND_PAYMENT = "REFUND_PAYMENT";

    private OutboxKinds() {
    }
}
