package io.agrilink.order.service;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.CustomerOrder.Status;
import io.agrilink.order.OrderEvent;
import io.agrilink.order.OrderLine;
import io.agrilink.order.client.LogisticsRestClient;
import io.agrilink.order.outbox.OutboxKinds;
import io.agrilink.order.payment.PaymentLedger;
import io.agrilink.platform.outbox.Outbox;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.time.AgriLinkTime;

/**
 * Every change of an order after placement, each in one transaction with the order row locked:
 * payment, packing, cancellation and shipment events, each leaving a line in the audit trail and,
 * where another service must act, a row in the outbox.
 */
@ApplicationScoped
public class OrderLifecycle {

    /** Who acts: the token subject, and whether it is staff (or a service) rather than buyer or farmer. */
    public record Actor(String subject, boolean staff) {
    }

    public record PackedLine(long lineId, long packedGrams) {
    }

    public record ShipmentEvent(String eventId, Long shipmentId, String status, Instant occurredAt, String location,
            String note) {
    }

    /** The order after a shipment event, and whether the event changed anything (false for a repeat). */
    public record EventOutcome(CustomerOrder order, boolean applied) {
    }

    @Inject
    AgriLinkTime time;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    PaymentLedger ledger;

    /**
     * Staff record the bank transfer (the fallback when no notification came, or a mismatch they
     * accept): the order is confirmed and its reservation confirmed in catalog-service.
     */
    @Transactional
    public CustomerOrder markPaid(long orderId, Actor staff, String reference) {
        CustomerOrder order = lock(orderId);
        Instant now = Instant.now();
        order.requireStatus("be marked paid", Status.PLACED);
        if (order.payment != CustomerOrder.Payment.BANK_TRANSFER) {
            throw ProblemException.conflict("Order " + orderId + " is paid by " + order.payment
                    + ": its provider says when it is paid, not staff").with("orderStatus", order.status.name());
        }
        if (order.paymentWindowClosed(now)) {
            throw ProblemException.conflict("The payment window of order " + orderId + " closed at "
                    + order.paymentDueAt + "; the order is being cancelled and its stock released");
        }
        order.confirmPayment(staff.subject(), ledger.recordedByStaff(order, staff.subject(), reference, now), now)
                .persist();
        outbox.add(OutboxKinds.CONFIRM_RESERVATION, order.id.toString(), order.orderRef);
        return order;
    }

    /**
     * The farmer who owns the lines records what was packed; once every line is packed the order
     * is READY_FOR_PICKUP and its shipment goes to logistics-service through the outbox.
     */
    @Transactional
    public CustomerOrder pack(long orderId, Actor actor, List<PackedLine> packed) {
        CustomerOrder order = lock(orderId);
        if (!actor.staff() && order.lines.stream().noneMatch(l -> l.ownedBy(actor.subject()))) {
            throw ProblemException.notFound("Order", orderId);
        }
        Map<Long, OrderLine> lines = new HashMap<>();
        order.lines.forEach(l -> lines.put(l.id, l));
        Instant now = Instant.now();
        for (int i = 0; i < packed.size(); i++) {
            OrderLine line = lines.get(packed.get(i).lineId());
            if (line == null) {
                throw ProblemException.invalid("lines[" + i + "].lineId",
                        "line " + packed.get(i).lineId() + " is not part of order " + orderId);
            }
            if (!actor.staff() && !line.ownedBy(actor.subject())) {
                throw ProblemException.forbidden("Line " + line.id + " is " + line.producerName
                        + "'s product: only its farmers pack it");
            }
            order.packLine(line, packed.get(i).packedGrams(), actor.subject(), now).persist();
        }
        order.readyIfPacked(actor.subject(), now).ifPresent(ready -> {
            ready.persist();
            outbox.add(OutboxKinds.CREATE_SHIPMENT, order.id.toString(), toJson(shipment(order)));
        });
        return order;
    }

    /**
     * The buyer or staff cancel before the carrier picks the goods up; stock is released in
     * catalog-service. Before the shipment reached logistics-service the order is CANCELLED at once
     * and the handoff never happens. Once it did, the order is CANCELLING until logistics-service
     * withdraws the shipment (then CANCELLED) or refuses because the carrier picked it up meanwhile
     * (back to READY_FOR_PICKUP, the refusal in the history). After pickup the cancel is refused:
     * the goods are on their way, and the order follows the shipment to delivery or return.
     */
    @Transactional
    public CustomerOrder cancel(long orderId, Actor actor, String reason) {
        CustomerOrder order = lock(orderId);
        if (!actor.staff() && !order.buyer.equals(actor.subject())) {
            throw ProblemException.notFound("Order", orderId);
        }
        order.requireCancellable();
        cancelBeforePickup(order, actor.subject(), "CANCELLED", reason == null ? "cancelled" : "cancelled: " + reason,
                reason, Instant.now());
        return order;
    }

    // ------------------------------------------------------------------ the outbox's answers
    // Called by the handlers in io.agrilink.order.outbox, in the transaction that records a
    // delivery's outcome, after lockForOutbox took the order's lock.

    /**
     * Locks the order a message is about before the outbox locks the message's row: the order
     * first, as every change of an order (a cancel stopping its handoff) takes them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForOutbox(Long orderId) {
        if (orderId != null) {
            CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** logistics-service took the order's shipment: the order learns its shipment and delivery code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handedOver(Long orderId, Long shipmentId, String deliveryCode, int attempts, Instant now) {
        CustomerOrder order = orderId == null ? null : CustomerOrder.findById(orderId);
        if (order == null) {
            return;
        }
        if (shipmentId != null && order.shipmentId == null) {
            order.shipmentId = shipmentId;
        }
        if (deliveryCode != null) {
            // the buyer shows this code to the courier as proof of delivery
            order.deliveryCode = deliveryCode;
        }
        OrderEvent.of(order, now, "system", "SHIPMENT_CREATED", order.status, order.status,
                "handed to logistics-service" + (shipmentId == null ? "" : ": shipment " + shipmentId)
                        + (attempts > 1 ? " after " + attempts + " attempts" : ""))
                .persist();
    }

    /**
     * Another service refused a message about the order for good: the history says so
     * ({@code <kind>_FAILED}), for staff, who re-drive or discard it at {@code /outbox}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void outboxRefused(Long orderId, String kind, String error, Instant now) {
        CustomerOrder order = orderId == null ? null : CustomerOrder.findById(orderId);
        if (order != null) {
            OrderEvent.of(order, now, "system", kind + "_FAILED", order.status, order.status, "needs staff: " + error)
                    .persist();
        }
    }

    /**
     * logistics-service withdrew the shipment of a CANCELLING order: the order is CANCELLED and its
     * stock released.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shipmentWithdrawn(Long orderId, Instant now) {
        CustomerOrder order = orderId == null ? null : CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order != null && order.status == Status.CANCELLING) {
            cancel(order, "system", "cancelled: logistics-service withdrew the shipment", now);
        }
    }

    /**
     * logistics-service refused to withdraw the shipment: the carrier picked it up first. A
     * CANCELLING order goes back to READY_FOR_PICKUP (its PICKED_UP event follows); one that the
     * event already moved on keeps its status. Either way the history says so.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawalRefused(Long orderId, String error, Instant now) {
        CustomerOrder order = orderId == null ? null : CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return;
        }
        order.cancelRefused("not cancelled: the carrier picked the shipment up first (logistics-service: " + error
                + ")", now).persist();
    }

    /**
     * catalog-service refused the order's reservation confirmation for good (its hold expired and
     * the grams were sold meanwhile): an order before handover is cancelled by {@code system}
     * (action {@code STOCK_LOST}); one already handed over or later keeps its status, and the
     * entry tells staff.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stockLost(long orderId, String error, Instant now) {
        CustomerOrder order = CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return;
        }
        String detail = "the stock could not be secured (catalog-service: " + error + ")";
        if (order.status.beforeHandover() && order.status != Status.CANCELLING) {
            cancelBeforePickup(order, "system", "STOCK_LOST", "cancelled: " + detail, "stock lost", now);
        } else if (order.status != Status.CANCELLED) {
            OrderEvent.of(order, now, "system", "STOCK_LOST", order.status, order.status, "needs staff: " + detail)
                    .persist();
        }
    }

    /**
     * Cancels (at most {@code limit}) orders paid online whose payment window closed before {@code
     * now}, their pending payments EXPIRED; returns how many.
     */
    @Transactional
    public int cancelUnpaid(Instant now, int limit) {
        List<CustomerOrder> due = CustomerOrder.<CustomerOrder> find(
                "status = ?1 and payment <> ?2 and paymentDueAt < ?3 order by paymentDueAt", Status.PLACED,
                CustomerOrder.Payment.CASH_ON_DELIVERY, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
        Instant at = Instant.now();
        for (CustomerOrder order : due) {
            expire(order, at);
        }
        return due.size();
    }

    /** An unpaid order whose window closed (locked by the caller): CANCELLED, its stock released, its payments EXPIRED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(CustomerOrder order, Instant now) {
        cancel(order, "system", "unpaid: the payment did not arrive by " + order.paymentDueAt, now);
    }

    /**
     * Applies logistics-service's shipment status to the order (the contract: {@code
     * docs/contracts/order-service.yaml}). A repeated eventId has no effect; an event for an order
     * not yet handed to logistics, or a step back, is refused.
     */
    @Transactional
    public EventOutcome shipmentEvent(long orderId, ShipmentEvent event, String actor) {
        CustomerOrder order = CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw ProblemException.notFound("Order", orderId);
        }
        OrderEvent earlier = OrderEvent.find("eventId", event.eventId()).firstResult();
        if (earlier != null) {
            if (earlier.orderId != orderId) {
                throw ProblemException.conflict("Event " + event.eventId() + " was already applied to another order");
            }
            return new EventOutcome(order, false);
        }
        Instant now = Instant.now();
        OrderEvent audit = "CANCELLED".equals(event.status())
                ? cancelled(order, order.shipmentCancelled(actor, shipmentDetail(event), now))
                : order.followShipment(event.status(), event.shipmentId(), actor, shipmentDetail(event), now);
        audit.eventId = event.eventId();
        audit.persist();
        return new EventOutcome(order, true);
    }

    private void cancel(CustomerOrder order, String actor, String detail, Instant now) {
        cancel(order, actor, "CANCELLED", detail, now).persist();
    }

    /**
     * Cancels an order whose goods are still at the farm: at once, unless its shipment may already
     * be with logistics-service; then the order is CANCELLING and the outbox asks logistics-service
     * to withdraw the shipment (in this same transaction), and its answer settles the order.
     */
    private void cancelBeforePickup(CustomerOrder order, String actor, String action, String detail, String reason,
            Instant now) {
        if (order.status == Status.READY_FOR_PICKUP && !handoffWithdrawn(order)) {
            order.requestCancel(actor, detail, now).persist();
            outbox.add(OutboxKinds.WITHDRAW_SHIPMENT, order.id.toString(),
                    toJson(new LogisticsRestClient.Withdrawal(order.id, reason)));
        } else {
            cancel(order, actor, action, detail, now).persist();
        }
    }

    /** Cancels the order and releases the stock it still holds; returns the audit row, for the caller to persist. */
    private OrderEvent cancel(CustomerOrder order, String actor, String action, String detail, Instant now) {
        return cancelled(order, order.cancel(actor, action, detail, now));
    }

    /**
     * After the order's move to CANCELLED: the stock it held is given back in catalog-service, its
     * pending payments expire, and what was paid is refunded (once per payment).
     */
    private OrderEvent cancelled(CustomerOrder order, OrderEvent cancel) {
        if (cancel.toStatus == Status.CANCELLED && cancel.fromStatus.beforeHandover()) {
            outbox.stop(OutboxKinds.CONFIRM_RESERVATION, order.id.toString(), "order cancelled before confirmation");
            outbox.add(OutboxKinds.RELEASE_RESERVATION, order.id.toString(), order.orderRef);
        }
        if (cancel.toStatus == Status.CANCELLED && order.payment.online()) {
            cancel.persist(); // the cancel comes first in the history, then what it does to the money
            ledger.orderCancelled(order, cancel.actor, cancel.at);
        }
        return cancel;
    }

    /**
     * Stops the order's handoff to logistics-service. Returns true when no relay had claimed it yet
     * (the platform counts an attempt when it claims, and this update waits for a claim in
     * progress), so logistics-service never heard of the order. Otherwise the handoff is stopped
     * from being retried but may have arrived: logistics-service must be asked to withdraw it.
     */
    private boolean handoffWithdrawn(CustomerOrder order) {
        String subject = order.id.toString();
        if (outbox.stopUnsent(OutboxKinds.CREATE_SHIPMENT, subject, "withdrawn: order cancelled") > 0) {
            return true;
        }
        outbox.stop(OutboxKinds.CREATE_SHIPMENT, subject, "withdrawn: order cancelled");
        return false;
    }

    private static CustomerOrder lock(long orderId) {
        CustomerOrder order = CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw ProblemException.notFound("Order", orderId);
        }
        order.lines.size(); // loaded now: the caller reads them after the transaction
        return order;
    }

    private static String shipmentDetail(ShipmentEvent event) {
        StringBuilder detail = new StringBuilder("shipment");
        if (event.shipmentId() != null) {
            detail.append(' ').append(event.shipmentId());
        }
        detail.append(": ").append(event.status());
        if (event.location() != null) {
            detail.append(" at ").append(event.location());
        }
        if (event.occurredAt() != null) {
            detail.append(", ").append(event.occurredAt());
        }
        if (event.note() != null) {
            detail.append(" (").append(event.note()).append(')');
        }
        return detail.toString();
    }

    /** The shipment as agreed with logistics-service, from the order as packed. */
    LogisticsRestClient.NewShipment shipment(CustomerOrder order) {
        LogisticsRestClient.Pickup pickup = pickup(order.lines.get(0));
        LogisticsRestClient.Destination destination = new LogisticsRestClient.Destination(order.recipient,
                order.phone, order.country, "VN".equals(order.country) ? order.province : null, order.commune,
                order.street, order.postalCode);
        // every line is collected at its own producer: one shipment, a pickup per parcel
        List<LogisticsRestClient.Parcel> parcels = order.lines.stream()
                .map(l -> new LogisticsRestClient.Parcel(parcelDescription(l), l.packedGrams, pickup(l)))
                .toList();
        LogisticsRestClient.ColdChain coldChain = null;
        List<ColdChains.Band> cold = order.lines.stream().filter(l -> l.coldChain)
                .map(l -> new ColdChains.Band(0, l.lotId, l.minCelsius, l.maxCelsius)).toList();
        if (!cold.isEmpty()) {
            ColdChains.Range range = ColdChains.shared(cold);
            coldChain = new LogisticsRestClient.ColdChain(range.minCelsius(), range.maxCelsius());
        }
        Instant deliverBy = order.lines.stream().map(l -> l.bestBefore).filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(d -> d.atTime(LocalTime.MIDNIGHT).atZone(time.zone()).toInstant()).orElse(null);
        long cod = order.payment == CustomerOrder.Payment.CASH_ON_DELIVERY ? order.totalAmount : 0;
        return new LogisticsRestClient.NewShipment(order.id, order.orderRef, pickup, destination, parcels, cod,
                coldChain, deliverBy);
    }

    private static LogisticsRestClient.Pickup pickup(OrderLine line) {
        return new LogisticsRestClient.Pickup(line.producerId, line.producerName, line.pickupProvince,
                line.pickupCommune, line.pickupPhone);
    }

    /** logistics-service takes at most 200 characters. */
    private static String parcelDescription(OrderLine line) {
        String lot = "lot " + line.lotId;
        if (line.productName == null) {
            return lot;
        }
        String name = line.productName.length() > 180 ? line.productName.substring(0, 180) : line.productName;
        return name + ", " + lot;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox payload cannot be written as JSON", e);
        }
    }
}
