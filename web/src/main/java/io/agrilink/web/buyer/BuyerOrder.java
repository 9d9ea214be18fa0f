package io.agrilink.web.buyer;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The web app's own copy of what a buyer's pages read of order-service's order. Amounts in đồng, weights in grams. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuyerOrder(long id, String orderRef, String status, String payment, long totalGrams, long totalAmount,
        Instant placedAt, Instant paymentDueAt, String deliveryCode, Delivery delivery, List<Line> lines,
        Livestream livestream) {

    @JsonCreator
    public BuyerOrder {
    }

    public BuyerOrder(long id, String orderRef, String status, String payment, long totalGrams, long totalAmount,
            Instant placedAt, Instant paymentDueAt, String deliveryCode, Delivery delivery, List<Line> lines) {
        this(id, orderRef, status, payment, totalGrams, totalAmount, placedAt, paymentDueAt, deliveryCode, delivery,
                lines, null);
    }

    /**
     * Whether order-service counted the order for the livestream whose code came with it, and if not, why
     * ({@code reason}, in its words); null when no code came with the order.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Livestream(String code, boolean attributed, String title, String reason) {

        /** The reason as one of the cases the page says in words: notLive, unknown, otherCampaign, or other. */
        public String why() {
            String said = reason == null ? "" : reason.toLowerCase(java.util.Locale.ROOT);
            if (said.contains("not live")) {
                return "notLive";
            }
            if (said.contains("no livestream")) {
                return "unknown";
            }
            if (said.contains("another campaign")) {
                return "otherCampaign";
            }
            return "other";
        }
    }

    /** The statuses order-service lets a buyer cancel from (its README); it still decides. */
    private static final Set<String> CANCELLABLE = Set.of("PLACED", "CONFIRMED", "READY_FOR_PICKUP");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(long id, long lotId, Long productId, String productName, String producerName, long grams,
            long unitPricePerKg, long amount, Long campaignId) {
    }

    public boolean cancellable() {
        return CANCELLABLE.contains(status);
    }

    public boolean bankTransfer() {
        return "BANK_TRANSFER".equals(payment);
    }

    /** Every method but cash on delivery is paid before the order is confirmed. */
    public boolean paysOnline() {
        return payment != null && !OrderForm.CASH_ON_DELIVERY.equals(payment);
    }

    /** Paid online and not paid yet: its payment page is where the buyer pays. */
    public boolean awaitingPayment() {
        return paysOnline() && "PLACED".equals(status);
    }

    /** What the list shows as the order's name: its first product, and how many others. */
    public String firstProduct() {
        return lines == null || lines.isEmpty() ? "" : lines.get(0).productName();
    }
}
