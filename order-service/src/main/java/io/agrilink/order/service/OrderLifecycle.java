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
import io.agrilink.order.OutboxMessage;
import io.agrilink.order.client.LogisticsRestClient;
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

    /** Staff record the bank transfer: the order is confirmed and its reservation confirmed in catalog-service. */
    @Transactional
    public CustomerOrder markPaid(long orderId, Actor staff, String reference) {
        CustomerOrder order = lock(orderId);
        if (order.payment != CustomerOrder.Payment.BANK_TRANSFER) {
            throw ProblemException.conflict("Order " + orderId + " is paid cash on delivery, not by bank transfer");
        }
        requireStatus(order, "be marked paid", Status.PLACED);
        Instant now = Instant.now();
        if (order.paymentDueAt != null && now.isAfter(order.paymentDueAt)) {
            throw ProblemException.conflict("The payment window of order " + orderId + " closed at "
                    + order.paymentDueAt + "; the order is being cancelled and its stock released");
        }
        order.status = Status.CONFIRMED;
        order.confirmedAt = now;
        OrderEvent.of(order, now, staff.subject(), "PAID", Status.PLACED, Status.CONFIRMED,
                reference == null ? "bank transfer received" : "bank transfer received: " + reference).persist();
        OutboxMessage.of(OutboxMessage.Kind.CONFIRM_RESERVATION, order.id, order.orderRef, now).persist();
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
        requireStatus(order, "be packed", Status.CONFIRMED);
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
            line.packedGrams = packed.get(i).packedGrams();
            OrderEvent.of(order, now, actor.subject(), "LINE_PACKED", order.status, order.status,
                    "line " + line.id + " (lot " + line.lotId + "): " + line.grams + " g ordered, "
                            + line.packedGrams + " g packed")
                    .persist();
        }
        if (order.lines.stream().allMatch(l -> l.packedGrams != null)) {
            order.status = Status.READY_FOR_PICKUP;
            order.readyAt = now;
            OrderEvent.of(order, now, actor.subject(), "READY_FOR_PICKUP", Status.CONFIRMED, Status.READY_FOR_PICKUP,
                    "packed: " + order.lines.stream().mapToLong(l -> l.packedGrams).sum() + " g").persist();
            OutboxMessage.of(OutboxMessage.Kind.CREATE_SHIPMENT, order.id, toJson(shipment(order)), now).persist();
        }
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
        Status from = order.status;
        if (from == Status.CANCELLED || from == Status.DELIVERED) {
            throw ProblemException.conflict("Order " + orderId + " is " + from + " and can no longer be cancelled")
                    .with("orderStatus", from.name());
        }
        if (from == Status.CANCELLING) {
            throw ProblemException.conflict("Order " + orderId + " is already being cancelled: logistics-service "
                    + "is withdrawing its shipment").with("orderStatus", from.name());
        }
        if (!from.beforeHandover()) {
            throw ProblemException.conflict("Order " + orderId + " is " + from
                    + ": the carrier picked it up, so it can no longer be cancelled; it goes on to delivery or is "
                    + "returned").with("orderStatus", from.name());
        }
        cancelBeforePickup(order, actor.subject(), "CANCELLED", reason == null ? "cancelled" : "cancelled: " + reason,
                reason, Instant.now());
        return order;
    }

    /**
     * logistics-service withdrew the shipment of a CANCELLING order: the order is CANCELLED and its
     * stock released. Runs in the outbox relay's transaction.
     */
    void shipmentWithdrawn(long orderId, Instant now) {
        CustomerOrder order = CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order != null && order.status == Status.CANCELLING) {
            cancel(order, "system", "cancelled: logistics-service withdrew the shipment", now);
        }
    }

    /**
     * logistics-service refused to withdraw the shipment: the carrier picked it up first. A
     * CANCELLING order goes back to READY_FOR_PICKUP (its PICKED_UP event follows); one that the
     * event already moved on keeps its status. Either way the history says so.
     */
    void withdrawalRefused(long orderId, String error, Instant now) {
        CustomerOrder order = CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return;
        }
        Status from = order.status;
        if (from == Status.CANCELLING) {
            order.status = Status.READY_FOR_PICKUP;
        }
        OrderEvent.of(order, now, "system", "CANCEL_REFUSED", from, order.status,
                "not cancelled: the carrier picked the shipment up first (logistics-service: " + error + ")").persist();
    }

    /** Cancels (at most {@code limit}) bank-transfer orders whose payment window closed before {@code now}; returns how many. */
    @Transactional
    public int cancelUnpaid(Instant now, int limit) {
        List<CustomerOrder> due = CustomerOrder.<CustomerOrder> find(
                "status = ?1 and payment = ?2 and paymentDueAt < ?3 order by paymentDueAt", Status.PLACED,
                CustomerOrder.Payment.BANK_TRANSFER, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
        Instant at = Instant.now();
        for (CustomerOrder order : due) {
            cancel(order, "system", "unpaid: the bank transfer did not arrive by " + order.paymentDueAt, at);
        }
        return due.size();
    }

    /**
     * Applies logistics-service's shipment status to the order (contract in COMMON.md). A repeated
     * eventId has no effect; an event for an order not yet handed to logistics, or a step back, is refused.
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
        Status from = order.status;
        if ("CANCELLED".equals(event.status())) {
            return shipmentCancelled(order, event, actor);
        }
        if (from.ordinal() < Status.READY_FOR_PICKUP.ordinal() || from == Status.CANCELLED) {
            throw ProblemException.conflict("Order " + orderId + " is " + from
                    + ": it has not been handed to logistics, so shipment events cannot apply to it");
        }
        Status to = switch (event.status()) {
            case "PICKED_UP" -> Status.HANDED_OVER;
            case "IN_TRANSIT", "OUT_FOR_DELIVERY" -> Status.IN_TRANSIT;
            case "DELIVERED" -> Status.DELIVERED;
            default -> from; // ASSIGNED, FAILED_ATTEMPT, RETURNED: recorded, staff decide
        };
        if (to.ordinal() < from.ordinal()) {
            throw ProblemException.conflict("Order " + orderId + " is already " + from + "; shipment status "
                    + event.status() + " would move it back to " + to);
        }
        if (from == Status.DELIVERED && !List.of("DELIVERED", "RETURNED").contains(event.status())) {
            throw ProblemException.conflict("Order " + orderId + " is already DELIVERED; shipment status "
                    + event.status() + " comes too late");
        }
        order.status = to;
        if (event.shipmentId() != null && order.shipmentId == null) {
            order.shipmentId = event.shipmentId();
        }
        OrderEvent audit = OrderEvent.of(order, Instant.now(), actor,
                "SHIPMENT_" + event.status(), from, to, shipmentDetail(event));
        audit.eventId = event.eventId();
        audit.persist();
        return new EventOutcome(order, true);
    }

    /**
     * logistics-service cancelled the shipment (staff there, or the withdrawal this service asked
     * for): an order still waiting for pickup is cancelled and its stock released; an order already
     * cancelled only records it. logistics-service never cancels after pickup, so a later order is 409.
     */
    private EventOutcome shipmentCancelled(CustomerOrder order, ShipmentEvent event, String actor) {
        Status from = order.status;
        OrderEvent audit;
        if (from.awaitingPickup()) {
            audit = cancel(order, actor, "SHIPMENT_CANCELLED", "cancelled: " + shipmentDetail(event), Instant.now());
        } else if (from == Status.CANCELLED) {
            audit = OrderEvent.of(order, Instant.now(), actor, "SHIPMENT_CANCELLED", from, from, shipmentDetail(event));
        } else {
            throw ProblemException.conflict("Order " + order.id + " is " + from
                    + ": a shipment cancellation cannot apply to it").with("orderStatus", from.name());
        }
        audit.eventId = event.eventId();
        audit.persist();
        return new EventOutcome(order, true);
    }

    /**
     * catalog-service refused the order's reservation confirmation for good (its hold expired and
     * the grams were sold meanwhile): an order before handover is cancelled by {@code system}
     * (action {@code STOCK_LOST}); one already handed over or later keeps its status, and the
     * entry tells staff. Runs in the caller's transaction, with the order locked.
     */
    void stockLost(CustomerOrder order, String error, Instant now) {
        String detail = "the stock could not be secured (catalog-service: " + error + ")";
        if (order.status.beforeHandover() && order.status != Status.CANCELLING) {
            cancelBeforePickup(order, "system", "STOCK_LOST", "cancelled: " + detail, "stock lost", now);
        } else if (order.status != Status.CANCELLED) {
            OrderEvent.of(order, now, "system", "STOCK_LOST", order.status, order.status, "needs staff: " + detail)
                    .persist();
        }
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
        Status from = order.status;
        if (from == Status.READY_FOR_PICKUP && !handoffWithdrawn(order, now)) {
            order.status = Status.CANCELLING;
            OrderEvent.of(order, now, actor, "CANCEL_REQUESTED", from, Status.CANCELLING,
                    detail + "; waiting for logistics-service to withdraw the shipment").persist();
            OutboxMessage.of(OutboxMessage.Kind.WITHDRAW_SHIPMENT, order.id,
                    toJson(new LogisticsRestClient.Withdrawal(order.id, reason)), now).persist();
        } else {
            cancel(order, actor, action, detail, now).persist();
        }
    }

    /** Cancels the order and releases stock not yet handed over; returns the audit row, for the caller to persist. */
    private OrderEvent cancel(CustomerOrder order, String actor, String action, String detail, Instant now) {
        Status from = order.status;
        order.status = Status.CANCELLED;
        String note = detail;
        if (from.beforeHandover()) {
            OutboxMessage.update("failedAt = ?1, lastError = 'order cancelled before confirmation' "
                    + "where orderId = ?2 and kind = ?3 and deliveredAt is null and failedAt is null",
                    now, order.id, OutboxMessage.Kind.CONFIRM_RESERVATION);
            OutboxMessage.of(OutboxMessage.Kind.RELEASE_RESERVATION, order.id, order.orderRef, now).persist();
            note += "; stock released";
        }
        return OrderEvent.of(order, now, actor, action, from, Status.CANCELLED, note);
    }

    /**
     * Stops the order's handoff to logistics-service. Returns true when it had never been attempted
     * (the relay had not claimed it: a claim moves {@code next_attempt_at} a lease ahead, and this
     * update waits for a claim in progress), so logistics-service never heard of the order. Otherwise
     * the handoff is stopped from being retried but may have arrived: logistics-service must be asked
     * to withdraw it.
     */
    private static boolean handoffWithdrawn(CustomerOrder order, Instant now) {
        long neverSent = OutboxMessage.update("failedAt = ?1, lastError = 'withdrawn: order cancelled' "
                + "where orderId = ?2 and kind = ?3 and deliveredAt is null and failedAt is null "
                + "and attempts = 0 and nextAttemptAt <= ?1", now, order.id, OutboxMessage.Kind.CREATE_SHIPMENT);
        if (neverSent > 0) {
            return true;
        }
        OutboxMessage.update("failedAt = ?1, lastError = 'withdrawn: order cancelled' "
                + "where orderId = ?2 and kind = ?3 and deliveredAt is null and failedAt is null",
                now, order.id, OutboxMessage.Kind.CREATE_SHIPMENT);
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

    private static void requireStatus(CustomerOrder order, String action, Status expected) {
        if (order.status != expected) {
            throw ProblemException.conflict("Order " + order.id + " is " + order.status + " and cannot " + action
                    + " (only a " + expected + " order can)").with("orderStatus", order.status.name());
        }
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
