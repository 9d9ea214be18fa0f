package io.agrilink.logistics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.agrilink.logistics.Carrier;
import io.agrilink.logistics.ChecklistItem;
import io.agrilink.logistics.ExportRequirement;
import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.Shipment.Status;
import io.agrilink.logistics.ShipmentAlert;
import io.agrilink.logistics.TemperatureReading;
import io.agrilink.logistics.repository.ShipmentRepository;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.vn.VietnameseText;

/** The carrier's steps from pickup to delivery, temperature readings and the export checklist. */
@ApplicationScoped
public class TrackingService {

    /** Clocks of handsets drift; a time further ahead than this is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    ShipmentRepository shipments;

    @Inject
    CarrierService carriers;

    @Inject
    ShipmentService shipmentService;

    @Inject
    StatusEventService events;

    @Transactional
    public ShipmentDetails report(long id, String subject, TrackingStep update) {
        Shipment shipment = heldForUpdate(id, subject);
        Status target = update.status();
        if (target == Status.OPEN || target == Status.ASSIGNED) {
            throw ProblemException.invalid("status",
                    target + " is set by tendering, not by tracking; report one of PICKED_UP, IN_TRANSIT, "
                            + "OUT_FOR_DELIVERY, DELIVERED, FAILED_ATTEMPT, RETURNED");
        }
        if (!shipment.status.next().contains(target)) {
            String detail = "Shipment " + id + " is " + shipment.status + "; it cannot go to " + target
                    + ". Allowed next: " + shipment.status.next();
            throw new ProblemException(409, "Conflict", detail,
                    List.of(new Problem.Violation("status", "cannot follow " + shipment.status)))
                    .with("currentStatus", shipment.status).with("allowedNext", shipment.status.next());
        }
        Instant now = Instant.now();
        Instant occurredAt = now;
        String note = nfc(update.note());
        switch (target) {
            case PICKED_UP -> {
                List<String> missing = missingPapers(shipment);
                if (!missing.isEmpty()) {
                    throw ProblemException.conflict("Shipment " + id + " cannot be picked up before its export "
                            + "checklist is complete; missing: " + String.join(", ", missing))
                            .with("missing", missing);
                }
                shipment.pickedUpAt = now;
            }
            case IN_TRANSIT -> {
                if (update.location() == null || update.location().isBlank()) {
                    throw ProblemException.invalid("location", "is required for IN_TRANSIT");
                }
            }
            case FAILED_ATTEMPT -> {
                if (update.reason() == null || update.reason().isBlank()) {
                    throw ProblemException.invalid("reason", "is required for FAILED_ATTEMPT");
                }
                note = nfc(update.reason());
            }
            case DELIVERED -> {
                occurredAt = deliver(shipment, update, now);
                note = "Received by " + shipment.receivedBy;
            }
            default -> {
            }
        }
        if (update.location() != null && !update.location().isBlank()) {
            shipment.lastLocation = nfc(update.location());
        }
        shipment.status = target;
        events.record(shipment, target, occurredAt, shipment.lastLocation, note, subject);
        return shipmentService.details(shipment);
    }

    /** Records a reading; outside the shipment's range it flags the shipment and raises an alert. */
    @Transactional
    public Recorded recordTemperature(long id, String subject, NewReading request) {
        Shipment shipment = heldForUpdate(id, subject);
        if (shipment.status.isFinal()) {
            throw ProblemException.conflict("Shipment " + id + " is " + shipment.status + "; readings are closed")
                    .with("currentStatus", shipment.status);
        }
        Instant now = Instant.now();
        TemperatureReading reading = new TemperatureReading();
        reading.shipmentId = id;
        reading.value = request.value();
        reading.unit = request.unit();
        reading.celsius = Math.round(request.unit().toCelsius(request.value()) * 100) / 100.0;
        reading.recordedAt = request.recordedAt() == null ? now : request.recordedAt();
        if (reading.recordedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("recordedAt", "is in the future");
        }
        reading.recordedBy = subject;
        ShipmentAlert alert = null;
        if (shipment.coldChain && (reading.celsius < shipment.minCelsius || reading.celsius > shipment.maxCelsius)) {
            reading.outOfRange = true;
            shipment.temperatureBreached = true;
            alert = raise(shipment, ShipmentAlert.Kind.TEMPERATURE_OUT_OF_RANGE,
                    String.format(Locale.ROOT, "%.2f °C (read %s %s) is outside %.1f–%.1f °C", reading.celsius,
                            format(request.value()), request.unit(), shipment.minCelsius, shipment.maxCelsius),
                    now);
        }
        reading.persist();
        return new Recorded(reading, alert);
    }

    public record Recorded(TemperatureReading reading, ShipmentAlert alert) {
    }

    /** Ticks an export paper or treatment, by staff or the carrier holding the shipment. */
    @Transactional
    public ShipmentDetails tick(long id, String requirementName, String documentRef, Caller caller) {
        ExportRequirement requirement;
        try {
            requirement = ExportRequirement.valueOf(requirementName);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("requirement", "must be one of " + List.of(ExportRequirement.values()));
        }
        Shipment shipment = shipments.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Shipment", id));
        if (!caller.isStaff()) {
            Carrier carrier = carriers.bySubject(caller.subject());
            if (!shipment.isHeldBy(carrier)) {
                throw ProblemException.forbidden("Only staff or the carrier holding shipment " + id
                        + " may tick its checklist");
            }
        }
        if (shipment.status != Status.OPEN && shipment.status != Status.ASSIGNED) {
            throw ProblemException.conflict("Shipment " + id + " was already picked up; its checklist is closed")
                    .with("currentStatus", shipment.status);
        }
        ChecklistItem item = ChecklistItem.<ChecklistItem> find("shipmentId = ?1 and requirement = ?2", id, requirement)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Requirement " + requirement + " of shipment", id));
        item.done = true;
        item.documentRef = nfc(documentRef);
        item.tickedBy = caller.subject();
        item.tickedAt = Instant.now();
        return shipmentService.details(shipment);
    }

    private Instant deliver(Shipment shipment, TrackingStep update, Instant now) {
        var proof = update.proof();
        if (proof == null) {
            throw ProblemException.invalid("proof", "is required for DELIVERED: recipientName and deliveryCode");
        }
        if (!shipment.deliveryCode.equals(proof.deliveryCode().strip())) {
            throw new ProblemException(422, "Unprocessable request",
                    "proof.deliveryCode: does not match the code the buyer was given",
                    List.of(new Problem.Violation("proof.deliveryCode", "does not match the code the buyer was given")));
        }
        Instant receivedAt = proof.receivedAt() == null ? now : proof.receivedAt();
        if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("proof.receivedAt", "is in the future");
        }
        if (shipment.codAmount > 0 && update.cashCollected() == null) {
            throw ProblemException.invalid("cashCollected",
                    "is required: this shipment collects " + shipment.codAmount + " đồng on delivery");
        }
        long collected = update.cashCollected() == null ? 0 : update.cashCollected();
        shipment.cashCollected = update.cashCollected();
        if (collected != shipment.codAmount) {
            shipment.codMismatch = true;
            raise(shipment, ShipmentAlert.Kind.COD_MISMATCH, "Collected " + collected + " đồng; expected "
                    + shipment.codAmount, now);
        }
        shipment.receivedBy = nfc(proof.recipientName());
        shipment.proofPhotoRef = proof.photoRef();
        shipment.deliveredAt = receivedAt;
        return receivedAt;
    }

    private Shipment heldForUpdate(long id, String subject) {
        Carrier carrier = carriers.bySubject(subject);
        Shipment shipment = shipments.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Shipment", id));
        if (!shipment.isHeldBy(carrier)) {
            throw ProblemException.forbidden("Shipment " + id + " is not held by you");
        }
        return shipment;
    }

    private static List<String> missingPapers(Shipment shipment) {
        return ChecklistItem.<ChecklistItem> list("shipmentId = ?1 and done = false order by id", shipment.id)
                .stream().map(item -> item.requirement.name()).toList();
    }

    private static ShipmentAlert raise(Shipment shipment, ShipmentAlert.Kind kind, String detail, Instant now) {
        ShipmentAlert alert = new ShipmentAlert();
        alert.shipmentId = shipment.id;
        alert.kind = kind;
        alert.detail = detail;
        alert.raisedAt = now;
        alert.persist();
        return alert;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String nfc(String text) {
        return text == null ? null : VietnameseText.nfc(text.strip());
    }
}
