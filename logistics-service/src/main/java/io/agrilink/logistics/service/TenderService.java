package io.agrilink.logistics.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.platform.web.Page;
import io.agrilink.logistics.Capability;
import io.agrilink.logistics.Carrier;
import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.ShipmentDecline;
import io.agrilink.logistics.repository.ShipmentRepository;
import io.agrilink.platform.problem.ProblemException;

/** Offering open shipments to carriers, and giving each to exactly one. */
@ApplicationScoped
public class TenderService {

    @Inject
    ShipmentRepository shipments;

    @Inject
    CarrierService carriers;

    @Inject
    ShipmentService shipmentService;

    @Inject
    StatusEvents events;

    /** Open shipments this carrier can serve; none once today's capacity is used up. */
    public Page<ShipmentDetails> openFor(String subject, int page, int size) {
        Carrier carrier = carriers.bySubject(subject);
        if (carriers.capacityLeft(carrier) <= 0) {
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

    private ShipmentDetails take(Shipment shipment, Carrier carrier, String actor) {
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
        if (won == 0) {
            throw alreadyTaken(shipment.id);
        }
        shipments.getEntityManager().refresh(shipment);
        events.record(shipment, Shipment.Status.ASSIGNED, now, null, "Taken by " + carrier.name, actor);
        return shipmentService.details(shipment);
    }

    private static List<String> unmet(Carrier carrier, Shipment shipment) {
        List<String> unmet = new ArrayList<>();
        if (!carrier.provinces.contains(shipment.pickupProvince)) {
            unmet.add("does not pick up in " + shipment.pickupProvince);
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
        if (shipment.status != Shipment.Status.OPEN) {
            throw alreadyTaken(shipment.id);
        }
    }

    private static ProblemException alreadyTaken(long id) {
        return ProblemException.conflict("Shipment " + id + " is no longer open: another carrier has it")
                .with("shipmentId", id);
    }
}
