package io.agrilink.logistics.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.agrilink.platform.web.Page;
import io.agrilink.logistics.Capability;
import io.agrilink.logistics.Carrier;
import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.ShipmentDecline;
import io.agrilink.logistics.ShipmentWithdrawal;
import io.agrilink.logistics.repository.ShipmentRepository;
import io.agrilink.platform.problem.ProblemException;

/**
 * Offering open shipments to carriers, giving each to exactly one, and taking one back before
 * pickup: cancelled by staff or withdrawn because its order was cancelled.
 */
@ApplicationScoped
public class TenderService {

    @Inject
    ShipmentRepository shipments;

    @Inject
    CarrierService carriers;

    @Inject
    ShipmentService shipmentService;

    @Inject
    StatusEventService events;

    /** What a withdrawal did: the shipment cancelled, or (null) none existed and none will be created. */
    public record Withdrawn(long orderId, Shipment shipment) {
    }

    /** Open shipments this carrier can serve; none once today's capacity is used up, or while it is suspended. */
    public Page<ShipmentDetails> openFor(String subject, int page, int size) {
        Carrier carrier = carriers.bySubject(subject);
        if (carrier.suspended() || carriers.capacityLeft(carrier) <= 0) {
            return Page.empty(page, size);
        }
        return Page.of(shipments.openFor(carrier), page, size, shipmentService::details);
    }

    @Transactional
    public ShipmentDetails accept(long id, String subject) {
        Carrier carrier = carriers.lockBySubject(subject);
        Shipment shipment = shipmentService.find(id);
        requireOpen(shipment);
        if (ShipmentDecline.count("shipmentId = ?1 and carrierId = ?2", id, carrier.id) > 0) {
            throw ProblemException.conflict("You declined shipment " + id + " before");
        }
        return take(shipment, carrier, subject);
    }

    /** Staff give a shipment to a carrier directly, even one that declined it. */
    @Transactional
    public ShipmentDetails assign(long id, long carrierId, String staff) {
        Carrier carrier = carriers.lock(carrierId);
        Shipment shipment = shipmentService.find(id);
        requireOpen(shipment);
        return take(shipment, carrier, staff);
    }

    @Transactional
    public void decline(long id, String subject, String reason) {
        Carrier carrier = carriers.bySubject(subject);
        Shipment shipment = shipmentService.find(id);
        requireOpen(shipment);
        if (ShipmentDecline.count("shipmentId = ?1 and carrierId = ?2", id, carrier.id) > 0) {
            return;
        }
        ShipmentDecline decline = new ShipmentDecline();
        decline.shipmentId = id;
        decline.carrierId = carrier.id;
        decline.reason = reason;
        decline.declinedAt = Instant.now();
        decline.persist();
    }

    /**
     * Staff cancel a shipment before pickup: it is no longer offered, the carrier who had accepted it
     * sees it CANCELLED, and order-service hears it through the outbox (its order is cancelled).
     * Once picked up it is refused: the goods are on their way and go on to delivery or RETURNED.
     * Cancelling a cancelled shipment again has no further effect.
     */
    @Transactional
    public ShipmentDetails cancel(long id, String staff, String reason) {
        Shipment shipment = shipments.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Shipment", id));
        cancel(shipment, staff, "cancelled by staff: " + reason);
        return shipmentService.details(shipment);
    }

    /**
     * order-service withdraws the shipment of a cancelled order: cancelled as by staff, refused in
     * the same way once picked up. When the handoff has not arrived yet, the withdrawal is recorded
     * and the late handoff is refused. Repeating it has no further effect.
     */
    @Transactional
    public Withdrawn withdraw(long orderId, String actor, String reason) {
        shipments.lockOrder(orderId);
        Shipment shipment = shipments.find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        String note = reason == null ? "order cancelled" : "order cancelled: " + reason;
        if (shipment != null) {
            cancel(shipment, actor, note);
            return new Withdrawn(orderId, shipment);
        }
        if (ShipmentWithdrawal.findById(orderId) == null) {
            ShipmentWithdrawal withdrawal = new ShipmentWithdrawal();
            withdrawal.orderId = orderId;
            withdrawal.reason = note;
            withdrawal.actor = actor;
            withdrawal.withdrawnAt = Instant.now();
            withdrawal.persist();
        }
        return new Withdrawn(orderId, null);
    }

    private void cancel(Shipment shipment, String actor, String note) {
        if (shipment.status == Shipment.Status.CANCELLED) {
            return;
        }
        if (!shipment.status.beforePickup()) {
            throw ProblemException.conflict("Shipment " + shipment.id + " is " + shipment.status
                    + ": it was picked up and can no longer be cancelled; it goes on to delivery or RETURNED")
                    .with("shipmentId", shipment.id).with("currentStatus", shipment.status);
        }
        Instant now = Instant.now();
        shipment.status = Shipment.Status.CANCELLED;
        shipment.cancelledAt = now;
        events.record(shipment, Shipment.Status.CANCELLED, now, null, note, actor);
    }

    private ShipmentDetails take(Shipment shipment, Carrier carrier, String actor) {
        if (carrier.suspended()) {
            throw ProblemException.conflict(carrier.name + " is suspended since " + carrier.suspendedAt + " ("
                    + carrier.suspensionReason + ") and takes no new shipments").with("carrierId", carrier.id);
        }
        List<String> unmet = unmet(carrier, shipment);
        if (!unmet.isEmpty()) {
            throw ProblemException.conflict(carrier.name + " cannot serve shipment " + shipment.id + ": "
                    + String.join("; ", unmet)).with("unmet", unmet);
        }
        if (carriers.capacityLeft(carrier) <= 0) {
            throw ProblemException.conflict("Daily capacity of " + carrier.dailyCapacity + " shipments is used up")
                    .with("dailyCapacity", carrier.dailyCapacity);
        }
        Instant now = Instant.now();
        // The conditional update is the arbiter: of carriers racing for the shipment, one changes the row.
        int won = shipments.update("status = ?1, carrierId = ?2, assignedAt = ?3 where id = ?4 and status = ?5",
                Shipment.Status.ASSIGNED, carrier.id, now, shipment.id, Shipment.Status.OPEN);
        shipments.getEntityManager().refresh(shipment);
        if (won == 0) {
            requireOpen(shipment);
            throw alreadyTaken(shipment.id);
        }
        events.record(shipment, Shipment.Status.ASSIGNED, now, null, "Taken by " + carrier.name, actor);
        return shipmentService.details(shipment);
    }

    private static List<String> unmet(Carrier carrier, Shipment shipment) {
        List<String> unmet = new ArrayList<>();
        for (String province : shipment.pickupProvinces()) {
            if (!carrier.provinces.contains(province)) {
                unmet.add("does not pick up in " + province);
            }
        }
        if (shipment.coldChain && !carrier.can(Capability.COLD_CHAIN)) {
            unmet.add("needs COLD_CHAIN");
        }
        if (shipment.export && !carrier.can(Capability.EXPORT)) {
            unmet.add("needs EXPORT");
        }
        if (shipment.codAmount > 0 && !carrier.can(Capability.COD_COLLECTION)) {
            unmet.add("needs COD_COLLECTION");
        }
        return unmet;
    }

    private static void requireOpen(Shipment shipment) {
        if (shipment.status == Shipment.Status.CANCELLED) {
            throw ProblemException.conflict("Shipment " + shipment.id + " was cancelled at " + shipment.cancelledAt)
                    .with("shipmentId", shipment.id).with("currentStatus", shipment.status);
        }
        if (shipment.status != Shipment.Status.OPEN) {
            throw alreadyTaken(shipment.id);
        }
    }

    private static ProblemException alreadyTaken(long id) {
        return ProblemException.conflict("Shipment " + id + " is no longer open: another carrier has it")
                .with("shipmentId", id);
    }
}
