package io.agrilink.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.agrilink.order.CustomerOrder.Payment;
import io.agrilink.order.CustomerOrder.Status;
import io.agrilink.platform.problem.ProblemException;

/** The order guards its own moves: each legal one returns its audit entry, an illegal one is a 409. */
class CustomerOrderTest {

    private static final Instant NOW = Instant.parse("2026-06-10T08:00:00Z");

    @Test
    void aPaidBankTransferIsConfirmedAndSaysWho() {
        CustomerOrder order = order(Status.PLACED, Payment.BANK_TRANSFER);
        order.paymentDueAt = NOW.plus(Duration.ofMinutes(30));

        OrderEvent paid = order.confirmPayment("staff-hoa", "VCB 123", NOW);

        assertEquals(Status.CONFIRMED, order.status);
        assertEquals(NOW, order.confirmedAt);
        assertEquals("PAID", paid.action);
        assertEquals(Status.PLACED, paid.fromStatus);
        assertEquals(Status.CONFIRMED, paid.toStatus);
        assertEquals("staff-hoa", paid.actor);
    }

    @Test
    void paymentIsRefusedForCashOnDeliveryAndAfterTheWindow() {
        assertConflict(() -> order(Status.PLACED, Payment.CASH_ON_DELIVERY).confirmPayment("staff-hoa", null, NOW));
        CustomerOrder late = order(Status.PLACED, Payment.BANK_TRANSFER);
        late.paymentDueAt = NOW.minusSeconds(1);
        assertConflict(() -> late.confirmPayment("staff-hoa", null, NOW));
        assertEquals(Status.PLACED, late.status);
    }

    @Test
    void noCancelOncePickedUpOrWhileAWithdrawalIsUnderWay() {
        for (Status status : new Status[] { Status.HANDED_OVER, Status.IN_TRANSIT, Status.DELIVERED, Status.CANCELLED,
                Status.CANCELLING }) {
            ProblemException refused = assertConflict(() -> order(status, Payment.CASH_ON_DELIVERY).requireCancellable());
            assertEquals(status.name(), refused.extensions().get("orderStatus"));
        }
        order(Status.READY_FOR_PICKUP, Payment.CASH_ON_DELIVERY).requireCancellable();
    }

    @Test
    void aCancelBeforePickupReleasesTheStockAndSaysSo() {
        CustomerOrder order = order(Status.CONFIRMED, Payment.CASH_ON_DELIVERY);
        OrderEvent cancel = order.cancel("buyer-an", "CANCELLED", "cancelled", NOW);
        assertEquals(Status.CANCELLED, order.status);
        assertTrue(cancel.detail.endsWith("; stock released"), cancel.detail);
        assertConflict(() -> order.cancel("buyer-an", "CANCELLED", "again", NOW));
    }

    @Test
    void aShipmentNeverMovesTheOrderBack() {
        CustomerOrder order = order(Status.READY_FOR_PICKUP, Payment.CASH_ON_DELIVERY);
        OrderEvent picked = order.followShipment("PICKED_UP", 7L, "logistics-service", "shipment 7", NOW);
        assertEquals(Status.HANDED_OVER, order.status);
        assertEquals("SHIPMENT_PICKED_UP", picked.action);
        assertEquals(7L, order.shipmentId);
        order.followShipment("DELIVERED", 7L, "logistics-service", "shipment 7", NOW);
        assertConflict(() -> order.followShipment("IN_TRANSIT", 7L, "logistics-service", "late", NOW));
        assertConflict(() -> order(Status.CONFIRMED, Payment.CASH_ON_DELIVERY)
                .followShipment("PICKED_UP", 7L, "logistics-service", "too early", NOW));
        assertConflict(() -> order.shipmentCancelled("logistics-service", "after delivery", NOW));
    }

    @Test
    void theCarrierWinningTheRaceSendsACancellingOrderBackToPickup() {
        CustomerOrder order = order(Status.READY_FOR_PICKUP, Payment.CASH_ON_DELIVERY);
        order.requestCancel("buyer-an", "cancelled", NOW);
        assertEquals(Status.CANCELLING, order.status);
        OrderEvent refused = order.cancelRefused("picked up first", NOW);
        assertEquals(Status.READY_FOR_PICKUP, order.status);
        assertEquals("CANCEL_REFUSED", refused.action);
    }

    private static CustomerOrder order(Status status, Payment payment) {
        CustomerOrder order = new CustomerOrder();
        order.id = 42L;
        order.status = status;
        order.payment = payment;
        return order;
    }

    private static ProblemException assertConflict(Runnable move) {
        ProblemException refused = assertThrows(ProblemException.class, move::run);
        assertEquals(409, refused.status());
        return refused;
    }
}
