package io.agrilink.web.payment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** order-service's {@code GET /orders/{id}/payments}: what the order costs, how it is paid, its payments and refunds. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPayments(long orderId, String orderStatus, String method, long amount, Instant paymentDueAt,
        List<Payment> payments, List<Refund> refunds) {

    public OrderPayments {
        payments = payments == null ? List.of() : List.copyOf(payments);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    /** The order still waits for its money (order-service's word: PLACED with an online method). */
    public boolean awaitingPayment() {
        return "PLACED".equals(orderStatus) && !PaymentMethod.CASH_ON_DELIVERY.equals(method);
    }

    /** Paid on VNPay's or Stripe's page: the buyer is sent there with a button. */
    public boolean online() {
        return PaymentMethod.ON_PROVIDER_PAGE.contains(method);
    }

    /**
     * The attempt the buyer is on: the newest one for the order's amount (order-service gives one
     * PENDING at a time; a payment of another amount is the surplus of an overpaid transfer, on its
     * way back), else the newest.
     */
    public Payment latest() {
        Comparator<Payment> newest = Comparator.comparing(Payment::id);
        return payments.stream().filter(p -> p.amount() == amount).max(newest)
                .orElse(payments.stream().max(newest).orElse(null));
    }

    /** The same order with {@code current} in place of (or added to) its payments: what a start just answered. */
    public OrderPayments with(Payment current) {
        if (current == null) {
            return this;
        }
        List<Payment> merged = new java.util.ArrayList<>(payments.stream().filter(p -> p.id() != current.id()).toList());
        merged.add(current);
        return new OrderPayments(orderId, orderStatus, method, amount, paymentDueAt, merged, refunds);
    }

    public boolean refunded() {
        return refunds.stream().anyMatch(r -> "DONE".equals(r.status()));
    }

    public boolean refunding() {
        return refunds.stream().anyMatch(Refund::requested);
    }
}
