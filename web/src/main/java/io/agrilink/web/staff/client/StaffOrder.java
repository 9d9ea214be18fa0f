package io.agrilink.web.staff.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An order as order-service shows it to staff; amounts in whole đồng, weights in grams. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaffOrder(long id, String orderRef, String buyer, String status, String payment, long totalGrams,
        long totalAmount, Instant placedAt, Instant paymentDueAt, Instant confirmedAt, Long shipmentId,
        String deliveryCode, Delivery delivery, List<Line> lines) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(long id, long lotId, Long productId, String productName, String producerName, long grams,
            Long packedGrams, long unitPricePerKg, long amount, Long campaignId) {
    }

    /** A bank transfer staff can mark as arrived. */
    public boolean awaitingPayment() {
        return "PLACED".equals(status) && "BANK_TRANSFER".equals(payment);
    }

    public boolean cashOnDelivery() {
        return "CASH_ON_DELIVERY".equals(payment);
    }

    /** Staff may cancel until the carrier has the goods (order-service says 409 otherwise). */
    public boolean cancellable() {
        return List.of("PLACED", "CONFIRMED", "READY_FOR_PICKUP").contains(status);
    }

    /** One entry of its audit trail. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(Instant at, String actor, String action, String fromStatus, String toStatus,
            String detail) {

        /** The carrier picked the goods up before the cancellation reached logistics-service. */
        public boolean cancelRefused() {
            return "CANCEL_REFUSED".equals(action);
        }
    }
}
