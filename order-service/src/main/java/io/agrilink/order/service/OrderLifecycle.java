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
import io.agrilink.order.config.OrderConfig;
import io.agrilink.platform.problem.ProblemException;

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
    OrderConfig config;

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
     * The buyer cancels before handover, or staff at any time before delivery. Stock that has not
     * left the farm is released in catalog-service.
     */
    @Transactional
    public CustomerOrder cancel(long orderId, Actor actor, String reason) {
        CustomerOrder order = lock(orderId);
        if (!actor.staff() && !order.buyer.equals(actor.subject())) {
            throw ProblemException.notFound("Order", orderId);
        }
        Status from = order.status;
        if (from == Status.CANCELLED || from == Status.DELIVERED) {
            throw ProblemException.conflict("Order " + orderId + " is " + from + " and can no longer be cancelled");
        }
        if (!actor.staff() && !from.beforeHandover()) {
            throw ProblemException.conflict("Order " + orderId + " is " + from
                    + ": it was handed over to the carrier and can no longer be cancelled by the buyer");
        }
        cancel(order, actor.subject(), reason == null ? "cancelled" : "cancelled: " + reason, Instant.now());
        return order;
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
     * catalog-service refused the order's reservation confirmation for good (its hold expired and
     * the grams were sold meanwhile): an order before handover is cancelled by {@code system}
     * (action {@code STOCK_LOST}); one already handed over or later keeps its status, and the
     * entry tells staff. Runs in the caller's transaction, with the order locked.
     */
    void stockLost(CustomerOrder order, String error, Instant now) {
        String detail = "the stock could not be secured (catalog-service: " + error + ")";
        if (order.status.beforeHandover()) {
            cancel(order, "system", "STOCK_LOST", "cancelled: " + detail, now);
        } else if (order.status != Status.CANCELLED) {
            OrderEvent.of(order, now, "system", "STOCK_LOST", order.status, order.status, "needs staff: " + detail)
                    .persist();
        }
    }

    private void cancel(CustomerOrder order, String actor, String detail, Instant now) {
        cancel(order, actor, "CANCELLED", detail, now);
    }

    private void cancel(CustomerOrder order, String actor, String action, String detail, Instant now) {
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
        if (from == Status.READY_FOR_PICKUP) {
            long withdrawn = OutboxMessage.update(
                    "failedAt = ?1, lastError = 'order cancelled before delivery' "
                            + "where orderId = ?2 and kind = ?3 and deliveredAt is null and failedAt is null",
                    now, order.id, OutboxMessage.Kind.CREATE_SHIPMENT);
            if (withdrawn == 0) {
                note += "; shipment " + (order.shipmentId == null ? "" : order.shipmentId + " ")
                        + "was already created in logistics-service: cancel it there";
            }
        }
        OrderEvent.of(order, now, actor, action, from, Status.CANCELLED, note).persist();
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
        OrderLine first = order.lines.get(0);
        LogisticsRestClient.Pickup pickup = new LogisticsRestClient.Pickup(first.producerId, first.producerName,
                first.pickupProvince, first.pickupCommune, first.pickupPhone);
        LogisticsRestClient.Destination destination = new LogisticsRestClient.Destination(order.recipient,
                order.phone, order.country, "VN".equals(order.country) ? order.province : null, order.commune,
                order.street, order.postalCode);
        List<LogisticsRestClient.Parcel> parcels = order.lines.stream()
                .map(l -> new LogisticsRestClient.Parcel(parcelDescription(l), l.packedGrams))
                .toList();
        LogisticsRestClient.ColdChain coldChain = null;
        List<OrderLine> cold = order.lines.stream().filter(l -> l.coldChain).toList();
        if (!cold.isEmpty()) {
            int min = cold.stream().map(l -> l.minCelsius).filter(Objects::nonNull).max(Integer::compare).orElse(2);
            int max = cold.stream().map(l -> l.maxCelsius).filter(Objects::nonNull).min(Integer::compare).orElse(5);
            coldChain = new LogisticsRestClient.ColdChain(min, max);
        }
        Instant deliverBy = order.lines.stream().map(l -> l.bestBefore).filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(d -> d.atTime(LocalTime.MIDNIGHT).atZone(config.zone()).toInstant()).orElse(null);
        long cod = order.payment == CustomerOrder.Payment.CASH_ON_DELIVERY ? order.totalAmount : 0;
        return new LogisticsRestClient.NewShipment(order.id, order.orderRef, pickup, destination, parcels, cod,
                coldChain, deliverBy);
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
            throw new IllegalStateException("Shipment cannot be written as JSON", e);
        }
    }
}
