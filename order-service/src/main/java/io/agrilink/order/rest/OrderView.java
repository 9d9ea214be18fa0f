package io.agrilink.order.rest;

import java.time.Instant;
import java.util.List;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.OrderLine;

/** An order as its buyer, its farmers and staff see it. Amounts in whole đồng, weights in grams. */
public record OrderView(
        long id,
        String orderRef,
        String buyer,
        CustomerOrder.Status status,
        CustomerOrder.Payment payment,
        long totalGrams,
        long totalAmount,
        Instant placedAt,
        Instant paymentDueAt,
        Instant confirmedAt,
        Instant readyAt,
        Long shipmentId,
        String deliveryCode,
        Delivery delivery,
        List<Line> lines,
        Livestream livestream) {

    /**
     * The livestream code the order was placed with ({@code null} when none was given): whether it
     * counts for the stream, the stream's title if so, and why not otherwise.
     */
    public record Livestream(String code, boolean attributed, String title, String reason) {

        static Livestream of(CustomerOrder order) {
            if (order.livestreamCode == null) {
                return null;
            }
            boolean attributed = order.livestreamId != null;
            return new Livestream(order.livestreamCode, attributed,
                    attributed ? order.livestreamTitle : null, order.livestreamNote);
        }
    }

    public record Delivery(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {
    }

    public record Line(long id, long lotId, Long productId, String productName, Long producerId,
            String producerName, List<String> farmers, long grams, Long packedGrams, long unitPricePerKg,
            long amount, Long campaignId) {
    }

    public static OrderView of(CustomerOrder order) {
        return new OrderView(order.id, order.orderRef, order.buyer, order.status, order.payment, order.totalGrams,
                order.totalAmount, order.placedAt, order.paymentDueAt, order.confirmedAt, order.readyAt,
                order.shipmentId, order.deliveryCode,
                new Delivery(order.recipient, order.phone, order.country, order.province, order.commune,
                        order.street, order.postalCode),
                order.lines.stream().map(OrderView::line).toList(), Livestream.of(order));
    }

    /** The same view without the delivery code, which only the buyer and staff may know. */
    public OrderView withoutDeliveryCode() {
        return new OrderView(id, orderRef, buyer, status, payment, totalGrams, totalAmount, placedAt, paymentDueAt,
                confirmedAt, readyAt, shipmentId, null, delivery, lines, livestream);
    }

    private static Line line(OrderLine line) {
        return new Line(line.id, line.lotId, line.productId, line.productName, line.producerId, line.producerName,
                line.farmerList(), line.grams, line.packedGrams, line.unitPricePerKg, line.amount, line.campaignId);
    }
}
