package io.agrilink.web.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrderPaymentsTest {

    @Test
    void theSurplusOfAnOverpaidTransferIsNotTheBuyersPayment() {
        Payment accepted = paid(7, 350_000);
        Payment surplus = paid(8, 10_000);

        OrderPayments order = new OrderPayments(10, "CONFIRMED", "BANK_TRANSFER", 350_000, null,
                List.of(accepted, surplus), List.of());

        assertEquals(7, order.latest().id(), "the page speaks of the order's own payment, not the surplus going back");
    }

    @Test
    void theNewestAttemptIsTheCurrentOneAndNoneIsNone() {
        OrderPayments order = new OrderPayments(10, "PLACED", "VNPAY", 165_000, null,
                List.of(paid(3, 165_000), paid(5, 165_000)), List.of());

        assertEquals(5, order.latest().id());
        assertNull(new OrderPayments(10, "PLACED", "VNPAY", 165_000, null, List.of(), List.of()).latest());
    }

    private static Payment paid(long id, long amount) {
        return new Payment(id, 10, "BANK_TRANSFER", "PAID", amount, amount, false, "AGL10", null,
                Instant.parse("2026-06-10T02:00:00Z"), null, Instant.parse("2026-06-10T02:05:00Z"), null, null, null);
    }
}
