package io.agrilink.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import org.hibernate.annotations.Formula;

import io.agrilink.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A buyer's order: what was bought at which price, where it goes, how it is paid, and how far it
 * got. Its status moves only through the methods below (as eShop's {@code Order.SetPaidStatus}):
 * each one guards its own move, refusing an illegal one with a 409 problem, and returns the audit
 * entry for the caller to persist.
 */
@Entity
public class CustomerOrder extends PanacheEntity {

    /**
     * The lifecycle, in the order an order moves through it; CANCELLED ends it early. CANCELLING: a
     * cancel asked for once the shipment was with logistics-service, waiting for it to withdraw the
     * shipment (then CANCELLED) or to refuse because the carrier picked it up (back to READY_FOR_PICKUP).
     */
    public enum Status {
        PLACED, CONFIRMED, READY_FOR_PICKUP, CANCELLING, HANDED_OVER, IN_TRANSIT, DELIVERED, CANCELLED;

        /** Whether the goods are still with the farmer, so the stock reservation can still be released. */
        public boolean beforeHandover() {
            return this == PLACED || this == CONFIRMED || this == READY_FOR_PICKUP || this == CANCELLING;
        }

        /** Whether logistics-service may hold a shipment of the order that is not picked up yet. */
        public boolean awaitingPickup() {
            return this == READY_FOR_PICKUP || this == CANCELLING;
        }
    }

    /** How the buyer pays: in cash to the courier (Vietnam only), or online before the goods leave. */
    public enum Payment {
        CASH_ON_DELIVERY, BANK_TRANSFER, VNPAY, STRIPE;

        /** Paid before shipping: the order waits PLACED, its stock held, until the money arrives. */
        public boolean online() {
            return this != CASH_ON_DELIVERY;
        }
    }

    /** The reference the stock reservation in catalog-service is held under. */
    public String orderRef;

    public String buyer;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Payment payment;

    public String recipient;

    /** E.164. */
    public String phone;

    /** ISO 3166 alpha-2; {@code VN} for a Vietnamese address. */
    public String country;

    /** One of the 34 provinces in force since 1 July 2025 (Vietnam only). */
    public String province;

    public String commune;

    public String street;

    public String postalCode;

    public long totalGrams;

    /** Whole đồng: the sum of the lines' amounts. */
    public long totalAmount;

    public Instant placedAt;

    /** Online payments only: unpaid by then, the order is cancelled and its stock released. */
    public Instant paymentDueAt;

    public Instant confirmedAt;

    public Instant readyAt;

    /** logistics-service's shipment, once handed over. */
    public Long shipmentId;

    /** The code logistics-service gave the shipment; the buyer tells it to the courier on delivery. */
    public String deliveryCode;

    @OneToMany(mappedBy = "order")
    @OrderBy("id")
    public List<OrderLine> lines = new ArrayList<>();

    /*
     * The livestream attribution, decided once at placement (PlacementStore writes it with the
     * order) and immutable: never written by Hibernate, and a trigger refuses any update of it.
     */

    /** The stream the order counts for, or null: no code given, or a code that did not count. */
    @Column(insertable = false, updatable = false)
    public Long livestreamId;

    /** The code the buyer gave, upper-cased; null when none was given. */
    @Column(insertable = false, updatable = false)
    public String livestreamCode;

    /** Why the code given did not count ("livestream LN6CH2 is not live (ended)"); null otherwise. */
    @Column(insertable = false, updatable = false)
    public String livestreamNote;

    /**
     * The title of the stream of {@link #livestreamId}, for the order's view: read with the order
     * (a subselect, not a join, so the order's row lock stays on the order alone).
     */
    @Formula("(select l.title from livestream l where l.id = livestream_id)")
    public String livestreamTitle;

    /**
     * The money arrived (a provider said so, or staff recorded a bank transfer): PLACED → CONFIRMED,
     * while the payment window is open.
     */
    public OrderEvent confirmPayment(String actor, String detail, Instant now) {
        if (!payment.online()) {
            throw ProblemException.conflict("Order " + id + " is paid cash on delivery, not online");
        }
        requireStatus("be marked paid", Status.PLACED);
        if (paymentWindowClosed(now)) {
            throw ProblemException.conflict("The payment window of order " + id + " closed at " + paymentDueAt
                    + "; the order is being cancelled and its stock released");
        }
        confirmedAt = now;
        return move(Status.CONFIRMED, now, actor, "PAID", detail);
    }

    /** Whether the order is still waiting for its online payment, within its window. */
    public boolean awaitingPayment(Instant now) {
        return payment.online() && status == Status.PLACED && !paymentWindowClosed(now);
    }

    public boolean paymentWindowClosed(Instant now) {
        return paymentDueAt != null && now.isAfter(paymentDueAt);
    }

    /** Records what was packed of one of its lines; only a CONFIRMED order is packed. */
    public OrderEvent packLine(OrderLine line, long grams, String actor, Instant now) {
        requireStatus("be packed", Status.CONFIRMED);
        line.packedGrams = grams;
        return OrderEvent.of(this, now, actor, "LINE_PACKED", status, status, "line " + line.id + " (lot "
                + line.lotId + "): " + line.grams + " g ordered, " + line.packedGrams + " g packed");
    }

    /** CONFIRMED → READY_FOR_PICKUP once every line is packed; empty while a line is still to pack. */
    public Optional<OrderEvent> readyIfPacked(String actor, Instant now) {
        if (lines.stream().anyMatch(l -> l.packedGrams == null)) {
            return Optional.empty();
        }
        requireStatus("be ready for pickup", Status.CONFIRMED);
        readyAt = now;
        return Optional.of(move(Status.READY_FOR_PICKUP, now, actor, "READY_FOR_PICKUP",
                "packed: " + lines.stream().mapToLong(l -> l.packedGrams).sum() + " g"));
    }

    /**
     * Refuses a cancel that cannot happen: once cancelled or delivered, while a cancel waits for
     * logistics-service, and once the carrier picked the goods up (for staff too: they are on their way).
     */
    public void requireCancellable() {
        if (status == Status.CANCELLED || status == Status.DELIVERED) {
            throw ProblemException.conflict("Order " + id + " is " + status + " and can no longer be cancelled")
                    .with("orderStatus", status.name());
        }
        if (status == Status.CANCELLING) {
            throw ProblemException.conflict("Order " + id + " is already being cancelled: logistics-service "
                    + "is withdrawing its shipment").with("orderStatus", status.name());
        }
        if (!status.beforeHandover()) {
            throw ProblemException.conflict("Order " + id + " is " + status
                    + ": the carrier picked it up, so it can no longer be cancelled; it goes on to delivery or is "
                    + "returned").with("orderStatus", status.name());
        }
    }

    /** READY_FOR_PICKUP → CANCELLING: its shipment may be with logistics-service, which must withdraw it first. */
    public OrderEvent requestCancel(String actor, String detail, Instant now) {
        requireStatus("wait for its shipment's withdrawal", Status.READY_FOR_PICKUP);
        return move(Status.CANCELLING, now, actor, "CANCEL_REQUESTED",
                detail + "; waiting for logistics-service to withdraw the shipment");
    }

    /**
     * → CANCELLED, recorded as {@code action}. Whether its stock is to be released is
     * {@link #holdsStock()} before the move (the entry says so).
     */
    public OrderEvent cancel(String actor, String action, String detail, Instant now) {
        if (status == Status.CANCELLED) {
            throw ProblemException.conflict("Order " + id + " is already CANCELLED").with("orderStatus", status.name());
        }
        boolean release = holdsStock();
        return move(Status.CANCELLED, now, actor, action, release ? detail + "; stock released" : detail);
    }

    /** Whether its stock is still held for it in catalog-service: the goods are still at the farm. */
    public boolean holdsStock() {
        return status.beforeHandover();
    }

    /**
     * logistics-service refused to withdraw the shipment because the carrier picked it up first: a
     * CANCELLING order goes back to READY_FOR_PICKUP (its PICKED_UP event follows); one the event
     * already moved on keeps its status.
     */
    public OrderEvent cancelRefused(String detail, Instant now) {
        return move(status == Status.CANCELLING ? Status.READY_FOR_PICKUP : status, now, "system", "CANCEL_REFUSED",
                detail);
    }

    /**
     * Follows logistics-service's shipment status (other than CANCELLED): PICKED_UP → HANDED_OVER,
     * IN_TRANSIT/OUT_FOR_DELIVERY → IN_TRANSIT, DELIVERED → DELIVERED; ASSIGNED, FAILED_ATTEMPT and
     * RETURNED are recorded only. Refused for an order not handed to logistics, or a step back.
     */
    public OrderEvent followShipment(String shipmentStatus, Long shipment, String actor, String detail, Instant now) {
        if (status.ordinal() < Status.READY_FOR_PICKUP.ordinal() || status == Status.CANCELLED) {
            throw ProblemException.conflict("Order " + id + " is " + status
                    + ": it has not been handed to logistics, so shipment events cannot apply to it");
        }
        Status to = switch (shipmentStatus) {
            case "PICKED_UP" -> Status.HANDED_OVER;
            case "IN_TRANSIT", "OUT_FOR_DELIVERY" -> Status.IN_TRANSIT;
            case "DELIVERED" -> Status.DELIVERED;
            default -> status; // ASSIGNED, FAILED_ATTEMPT, RETURNED: recorded, staff decide
        };
        if (to.ordinal() < status.ordinal()) {
            throw ProblemException.conflict("Order " + id + " is already " + status + "; shipment status "
                    + shipmentStatus + " would move it back to " + to);
        }
        if (status == Status.DELIVERED && !List.of("DELIVERED", "RETURNED").contains(shipmentStatus)) {
            throw ProblemException.conflict("Order " + id + " is already DELIVERED; shipment status "
                    + shipmentStatus + " comes too late");
        }
        if (shipment != null && shipmentId == null) {
            shipmentId = shipment;
        }
        return move(to, now, actor, "SHIPMENT_" + shipmentStatus, detail);
    }

    /**
     * logistics-service cancelled the shipment: an order waiting for pickup is cancelled; one
     * already cancelled only records it; after pickup it cannot apply (logistics never cancels then).
     */
    public OrderEvent shipmentCancelled(String actor, String detail, Instant now) {
        if (status.awaitingPickup()) {
            return cancel(actor, "SHIPMENT_CANCELLED", "cancelled: " + detail, now);
        }
        if (status == Status.CANCELLED) {
            return move(status, now, actor, "SHIPMENT_CANCELLED", detail);
        }
        throw ProblemException.conflict("Order " + id + " is " + status
                + ": a shipment cancellation cannot apply to it").with("orderStatus", status.name());
    }

    /** Refuses, with a 409 naming the status, anything but an order in {@code expected}. */
    public void requireStatus(String action, Status expected) {
        if (status != expected) {
            throw ProblemException.conflict("Order " + id + " is " + status + " and cannot " + action
                    + " (only a " + expected + " order can)").with("orderStatus", status.name());
        }
    }

    private OrderEvent move(Status to, Instant now, String actor, String action, String detail) {
        Status from = status;
        status = to;
        return OrderEvent.of(this, now, actor, action, from, to, detail);
    }
}
