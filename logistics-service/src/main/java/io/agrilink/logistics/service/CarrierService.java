package io.agrilink.logistics.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.platform.web.Page;
import io.agrilink.logistics.Capability;
import io.agrilink.logistics.Carrier;
import io.agrilink.logistics.CarrierEvent;
import io.agrilink.logistics.repository.CarrierRepository;
import io.agrilink.logistics.repository.CarrierRepository.Deliveries;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.vn.Provinces;
import io.agrilink.platform.vn.VietnameseText;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CarrierService {

    @Inject
    CarrierRepository carriers;

    @Inject
    AgriLinkTime time;

    @Transactional
    public Carrier register(NewCarrier request) {
        if (carriers.findBySubject(request.subject()).isPresent()) {
            throw ProblemException.conflict("A carrier with subject " + request.subject() + " is already registered")
                    .with("field", "subject");
        }
        Carrier carrier = new Carrier();
        carrier.subject = request.subject();
        carrier.name = VietnameseText.nfc(request.name().strip());
        carrier.provinces = new TreeSet<>(resolveProvinces(request));
        carrier.capabilities = request.capabilities() == null || request.capabilities().isEmpty()
                ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(request.capabilities());
        carrier.dailyCapacity = request.dailyCapacity();
        carriers.persist(carrier);
        carriers.flush();
        carriers.getEntityManager().refresh(carrier);
        return carrier;
    }

    public Carrier get(long id) {
        return carriers.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Carrier", id));
    }

    /** The carrier whose account is {@code subject}; 403 when that account was never registered. */
    public Carrier bySubject(String subject) {
        return carriers.findBySubject(subject).orElseThrow(() -> ProblemException
                .forbidden("Your account " + subject + " is not registered as a carrier; ask programme staff"));
    }

    /** The same, with its row locked until the transaction ends: its daily capacity is counted safely. */
    Carrier lockBySubject(String subject) {
        Carrier carrier = bySubject(subject);
        carriers.getEntityManager().lock(carrier, LockModeType.PESSIMISTIC_WRITE);
        return carrier;
    }

    Carrier lock(long id) {
        return carriers.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Carrier", id));
    }

    /** A carrier after a suspension or reinstatement, and the shipments it still holds. */
    public record Suspension(Carrier carrier, List<Long> heldShipments) {
    }

    /**
     * Staff suspend a carrier: from now on it is offered and given no new shipments. What it already
     * holds stays with it and goes on to delivery (taking loads from a carrier mid-way would strand
     * orders in flight), so staff get those shipments listed. Suspending a suspended carrier is 409.
     */
    @Transactional
    public Suspension suspend(long id, String staff, String reason) {
        Carrier carrier = lock(id);
        if (carrier.suspended()) {
            throw ProblemException.conflict(carrier.name + " is already suspended since " + carrier.suspendedAt)
                    .with("suspendedAt", carrier.suspendedAt);
        }
        Instant now = Instant.now();
        carrier.suspendedAt = now;
        carrier.suspensionReason = VietnameseText.nfc(reason.strip());
        audit(carrier, CarrierEvent.Action.SUSPENDED, carrier.suspensionReason, staff, now);
        return new Suspension(carrier, carriers.heldShipments(carrier.id));
    }

    /** Staff lift a suspension: the carrier is offered shipments again. 409 when it is not suspended. */
    @Transactional
    public Suspension reinstate(long id, String staff, String reason) {
        Carrier carrier = lock(id);
        if (!carrier.suspended()) {
            throw ProblemException.conflict(carrier.name + " is not suspended");
        }
        carrier.suspendedAt = null;
        carrier.suspensionReason = null;
        audit(carrier, CarrierEvent.Action.REINSTATED, VietnameseText.nfc(reason.strip()), staff, Instant.now());
        return new Suspension(carrier, carriers.heldShipments(carrier.id));
    }

    /** The carrier's audit trail, oldest first. */
    public List<CarrierEvent> history(long id) {
        get(id);
        return CarrierEvent.list("carrierId", Sort.by("at").and("id"), id);
    }

    private static void audit(Carrier carrier, CarrierEvent.Action action, String reason, String staff, Instant at) {
        CarrierEvent event = new CarrierEvent();
        event.carrierId = carrier.id;
        event.action = action;
        event.reason = reason;
        event.actor = staff;
        event.at = at;
        event.persist();
    }

    public Page<Carrier> list(int page, int size) {
        return Page.of(carriers.findAll(Sort.by("name").and("id")), page, size, c -> c);
    }

    /** Shipments the carrier may still take on today, in Vietnam time. */
    public long capacityLeft(Carrier carrier) {
        Instant startOfDay = LocalDate.now(time.zone()).atStartOfDay(time.zone()).toInstant();
        return carrier.dailyCapacity - carriers.countTakenSince(carrier.id, startOfDay);
    }

    public CarrierPerformance performance(Carrier carrier) {
        return view(carrier, carriers.deliveries(List.of(carrier.id)).getOrDefault(carrier.id, Deliveries.NONE));
    }

    public Page<CarrierPerformance> performances(int page, int size) {
        Page<Carrier> carriersPage = list(page, size);
        Map<Long, Deliveries> deliveries = carriers.deliveries(carriersPage.items().stream().map(c -> c.id).toList());
        List<CarrierPerformance> items = carriersPage.items().stream()
                .map(c -> view(c, deliveries.getOrDefault(c.id, Deliveries.NONE))).toList();
        return new Page<>(items, page, size, carriersPage.total());
    }

    private static CarrierPerformance view(Carrier carrier, Deliveries d) {
        Double rate = d.delivered() == 0 ? null : Math.round(10_000.0 * d.onTime() / d.delivered()) / 10_000.0;
        return new CarrierPerformance(carrier.id, carrier.name, d.delivered(), d.onTime(), rate);
    }

    private static List<String> resolveProvinces(NewCarrier request) {
        if (request.nationwide()) {
            return Provinces.all();
        }
        if (request.provinces() == null || request.provinces().isEmpty()) {
            throw ProblemException.invalid("provinces", "name at least one province, or set nationwide");
        }
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < request.provinces().size(); i++) {
            String name = request.provinces().get(i);
            String field = "provinces[" + i + "]";
            resolved.add(Provinces.resolve(name)
                    .orElseThrow(() -> ProblemException.invalid(field, "'" + name + "' is not a Vietnamese province"))
                    .province());
        }
        return resolved;
    }
}
