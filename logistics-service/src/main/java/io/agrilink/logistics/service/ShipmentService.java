package io.agrilink.logistics.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.platform.web.Page;
import io.agrilink.logistics.Carrier;
import io.agrilink.logistics.ChecklistItem;
import io.agrilink.logistics.ExportRequirement;
import io.agrilink.logistics.Parcel;
import io.agrilink.logistics.Pickup;
import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.ShipmentEvent;
import io.agrilink.logistics.ShipmentWithdrawal;
import io.agrilink.logistics.TemperatureReading;
import io.agrilink.logistics.config.LogisticsConfig;
import io.agrilink.logistics.repository.ShipmentRepository;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.vn.Provinces;
import io.agrilink.platform.vn.VietnameseText;
import io.quarkus.panache.common.Sort;

/** The handoff from order-service and what callers may read. */
@ApplicationScoped
public class ShipmentService {

    /** A handoff's outcome: {@code created} is false when the order had been handed over before. */
    public record Handoff(ShipmentDetails details, boolean created) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ShipmentRepository shipments;

    @Inject
    CarrierService carriers;

    @Inject
    LogisticsConfig config;

    @Inject
    AgriLinkTime time;

    /** Idempotent on the order id: a repeated or concurrent handoff returns the one shipment. */
    @Transactional
    public Handoff handOver(NewShipment request) {
        // a retry racing the first call finds its shipment; a withdrawal racing it finds one or the other
        shipments.lockOrder(request.orderId());
        var existing = shipments.findByOrderId(request.orderId());
        if (existing.isPresent()) {
            return new Handoff(details(existing.get()), false);
        }
        ShipmentWithdrawal withdrawn = ShipmentWithdrawal.findById(request.orderId());
        if (withdrawn != null) {
            throw ProblemException.conflict("Order " + request.orderId() + " was withdrawn at "
                    + withdrawn.withdrawnAt + " (" + withdrawn.reason + "): no shipment is created for it")
                    .with("orderId", request.orderId());
        }
        Shipment s = new Shipment();
        s.orderId = request.orderId();
        s.orderRef = request.orderRef();
        s.status = Shipment.Status.OPEN;
        s.pickup = pickup(request.pickup(), "pickup.province");

        var to = request.destination();
        s.recipient = nfc(to.recipient());
        s.recipientPhone = to.phone();
        s.country = to.country().toUpperCase(Locale.ROOT);
        if ("VN".equals(s.country)) {
            if (to.province() == null || to.province().isBlank()) {
                throw ProblemException.invalid("destination.province", "is required for a destination in Vietnam");
            }
            s.destinationProvince = Provinces.resolve(to.province())
                    .orElseThrow(() -> ProblemException.invalid("destination.province", "is not a Vietnamese province"))
                    .province();
        }
        s.destinationCommune = nfc(to.commune());
        s.street = nfc(to.street());
        s.postalCode = to.postalCode();

        for (int i = 0; i < request.parcels().size(); i++) {
            s.parcels.add(parcel(request.parcels().get(i), s, "parcels[" + i + "].pickup.province"));
        }
        s.codAmount = request.codAmount() == null ? 0 : request.codAmount();
        if (request.coldChain() != null) {
            if (request.coldChain().minCelsius() > request.coldChain().maxCelsius()) {
                throw ProblemException.invalid("coldChain.maxCelsius", "must not be below minCelsius");
            }
            s.coldChain = true;
            s.minCelsius = request.coldChain().minCelsius();
            s.maxCelsius = request.coldChain().maxCelsius();
        }
        List<ExportRequirement> papers = ExportRequirement.forCountry(s.country);
        s.export = !"VN".equals(s.country);
        Instant now = Instant.now();
        // Without a deadline from the order, the produce's own shelf life from its harvest sets one.
        Instant harvested = request.harvestDate() == null ? now
                : request.harvestDate().atStartOfDay(time.zone()).toInstant();
        s.deliverBy = request.deliverBy() != null ? request.deliverBy()
                : harvested.plus(s.coldChain ? config.coldShelfLife() : config.ambientShelfLife());
        s.deliveryCode = String.format("%06d", RANDOM.nextInt(1_000_000));
        shipments.persist(s);
        for (ExportRequirement requirement : papers) {
            ChecklistItem item = new ChecklistItem();
            item.shipmentId = s.id;
            item.requirement = requirement;
            item.persist();
        }
        shipments.flush();
        shipments.getEntityManager().refresh(s);
        return new Handoff(details(s), true);
    }

    /** A parcel, with its own pickup when it is collected at another producer than the shipment's. */
    private static Parcel parcel(NewShipment.Line line, Shipment shipment, String provinceField) {
        Parcel parcel = new Parcel(nfc(line.description()), line.grams());
        if (line.pickup() == null) {
            return parcel;
        }
        Pickup at = pickup(line.pickup(), provinceField);
        Pickup main = shipment.pickup;
        boolean elsewhere = !Objects.equals(at.producerId(), main.producerId())
                || !at.province().equals(main.province()) || !Objects.equals(at.commune(), main.commune());
        if (elsewhere) {
            parcel.pickup = at;
        }
        return parcel;
    }

    /** A requested pickup with its province resolved to the official name and its text normalised. */
    private static Pickup pickup(NewShipment.Place at, String provinceField) {
        String province = Provinces.resolve(at.province())
                .orElseThrow(() -> ProblemException.invalid(provinceField, "is not a Vietnamese province")).province();
        return new Pickup(at.producerId(), nfc(at.producerName()), province, nfc(at.commune()), at.phone());
    }

    public ShipmentDetails details(Shipment shipment) {
        return new ShipmentDetails(shipment, shipments.checklist(shipment.id), shipments.alerts(shipment.id));
    }

    public Shipment find(long id) {
        return shipments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Shipment", id));
    }

    /** Staff and services see every shipment; a carrier sees open ones and those it holds. */
    public ShipmentDetails readable(long id, Caller caller) {
        Shipment shipment = find(id);
        if (caller.isStaff() || caller.isService()) {
            return details(shipment);
        }
        Carrier carrier = carriers.bySubject(caller.subject());
        if (shipment.status != Shipment.Status.OPEN && !shipment.isHeldBy(carrier)) {
            throw ProblemException.forbidden("Shipment " + id + " is held by another carrier");
        }
        return details(shipment);
    }

    public ShipmentDetails byOrder(long orderId) {
        return details(shipments.findByOrderId(orderId)
                .orElseThrow(() -> ProblemException.notFound("Shipment for order", orderId)));
    }

    public Page<ShipmentDetails> search(Shipment.Status status, Long carrierId, String province, int page, int size) {
        return Page.of(shipments.search(status, carrierId, province(province)), page, size, this::details);
    }

    public Page<ShipmentDetails> heldBy(String subject, Shipment.Status status, int page, int size) {
        Carrier carrier = carriers.bySubject(subject);
        return Page.of(shipments.search(status, carrier.id, null), page, size, this::details);
    }

    public Page<ShipmentDetails> atRisk(int withinHours, Long carrierId, String province, int page, int size) {
        Instant dueBefore = Instant.now().plusSeconds(withinHours * 3600L);
        return Page.of(shipments.atRisk(dueBefore, carrierId, province(province)), page, size, this::details);
    }

    /** The history, for staff, services and the carrier holding the shipment. */
    public Tracking tracking(long id, Caller caller) {
        Shipment shipment = find(id);
        if (!caller.isStaff() && !caller.isService()) {
            Carrier carrier = carriers.bySubject(caller.subject());
            if (!shipment.isHeldBy(carrier)) {
                throw ProblemException.forbidden("Only the carrier holding shipment " + id + " sees its tracking");
            }
        }
        return new Tracking(shipment,
                ShipmentEvent.list("shipmentId", Sort.by("occurredAt").and("id"), id),
                TemperatureReading.list("shipmentId", Sort.by("recordedAt").and("id"), id));
    }

    public record Tracking(Shipment shipment, List<ShipmentEvent> events, List<TemperatureReading> readings) {
    }

    private static String province(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Provinces.resolve(name)
                .orElseThrow(() -> ProblemException.invalid("province", "is not a Vietnamese province")).province();
    }

    private static String nfc(String text) {
        return text == null ? null : VietnameseText.nfc(text.strip());
    }
}
