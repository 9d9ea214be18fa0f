package io.agrilink.order.doubles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.platform.security.Roles;

/**
 * Test-only stand-in for logistics-service's {@code POST /shipments}, checked against its contract
 * ({@code docs/contracts/logistics-service.yaml}) by {@code ProviderContractsTest}: idempotent on
 * orderId (201 the first time, 200 with the same shipment after), records every request, and can
 * be switched to 503 to simulate an outage, or to refuse one order's handoffs. {@code POST /shipments/withdrawals} withdraws as
 * logistics-service does: 409 once a test marked the shipment picked up, and a handoff after the
 * withdrawal of its order is refused (409).
 */
@ApplicationScoped
@Path("/test-double/logistics/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LogisticsDouble {

    private static final AtomicLong SHIPMENT_IDS = new AtomicLong(7000);

    private final Map<Long, Long> shipments = new ConcurrentHashMap<>();
    private final Map<Long, JsonNode> payloads = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> created = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> answeredOk = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> refusedWhileDown = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> withdrawals = new ConcurrentHashMap<>();
    private final Set<Long> withdrawn = ConcurrentHashMap.newKeySet();
    private final Set<Long> pickedUp = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> refusing = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> refused = new ConcurrentHashMap<>();
    private volatile boolean down;

    @POST
    @RolesAllowed(Roles.SERVICE)
    public synchronized Response create(JsonNode shipment) {
        if (shipment == null || !shipment.hasNonNull("orderId") || !shipment.hasNonNull("orderRef")
                || !shipment.path("pickup").isObject() || !shipment.path("destination").hasNonNull("country")
                || !shipment.path("parcels").isArray() || shipment.path("parcels").isEmpty()
                || !shipment.hasNonNull("codAmount")) {
            return Response.status(400).entity(Map.of("status", 400, "detail", "shipment does not follow the contract"))
                    .build();
        }
        long orderId = shipment.get("orderId").asLong();
        if (down) {
            refusedWhileDown.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet();
            return Response.status(503).build();
        }
        Integer refusal = refusing.get(orderId);
        if (refusal != null) {
            refused.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet();
            return Response.status(refusal).entity(Map.of("status", refusal, "detail",
                    "the handoff of order " + orderId + " is refused (a test's setting)")).build();
        }
        if (withdrawn.contains(orderId)) {
            return Response.status(409).entity(Map.of("status", 409, "detail", "order " + orderId + " was withdrawn"))
                    .build();
        }
        answeredOk.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet();
        Long existing = shipments.get(orderId);
        if (existing != null) {
            return Response.ok(view(existing, orderId)).build();
        }
        long id = SHIPMENT_IDS.incrementAndGet();
        shipments.put(orderId, id);
        payloads.put(orderId, shipment);
        created.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet();
        return Response.status(201).entity(view(id, orderId)).build();
    }

    @POST
    @Path("/withdrawals")
    @RolesAllowed(Roles.SERVICE)
    public synchronized Response withdraw(JsonNode withdrawal) {
        if (withdrawal == null || !withdrawal.hasNonNull("orderId")) {
            return Response.status(400).entity(Map.of("status", 400, "detail", "orderId is required")).build();
        }
        long orderId = withdrawal.get("orderId").asLong();
        if (down) {
            return Response.status(503).build();
        }
        withdrawals.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet();
        if (pickedUp.contains(orderId)) {
            return Response.status(409).entity(Map.of("status", 409, "detail", "shipment of order " + orderId
                    + " is PICKED_UP: it was picked up and can no longer be cancelled", "currentStatus", "PICKED_UP"))
                    .build();
        }
        withdrawn.add(orderId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderId", orderId);
        view.put("shipmentId", shipments.get(orderId));
        view.put("status", "CANCELLED");
        return Response.ok(view).build();
    }

    private static Map<String, Object> view(long id, long orderId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("orderId", orderId);
        view.put("status", "CREATED");
        view.put("deliveryCode", String.format("%06d", 424242 + id));
        return view;
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Answers the handoffs of this order with {@code status} until {@link #acceptHandoffs}. */
    public void refuseHandoffs(long orderId, int status) {
        refusing.put(orderId, status);
    }

    public void acceptHandoffs(long orderId) {
        refusing.remove(orderId);
    }

    /** Handoffs of the order refused by {@link #refuseHandoffs}. */
    public int refused(long orderId) {
        AtomicInteger n = refused.get(orderId);
        return n == null ? 0 : n.get();
    }

    /** The carrier has the goods: a withdrawal of this order is refused from now on. */
    public void pickedUp(long orderId) {
        pickedUp.add(orderId);
    }

    /** Withdrawal requests received for the order (answered or refused). */
    public int withdrawals(long orderId) {
        AtomicInteger n = withdrawals.get(orderId);
        return n == null ? 0 : n.get();
    }

    public boolean withdrawn(long orderId) {
        return withdrawn.contains(orderId);
    }

    /** Shipments created for the order (more than one would be a duplicate handoff). */
    public int created(long orderId) {
        AtomicInteger n = created.get(orderId);
        return n == null ? 0 : n.get();
    }

    /** Requests for the order answered 200/201 (more than one means the outbox sent again after success). */
    public int answeredOk(long orderId) {
        AtomicInteger n = answeredOk.get(orderId);
        return n == null ? 0 : n.get();
    }

    public int refusedWhileDown(long orderId) {
        AtomicInteger n = refusedWhileDown.get(orderId);
        return n == null ? 0 : n.get();
    }

    public Long shipmentOf(long orderId) {
        return shipments.get(orderId);
    }

    public JsonNode payload(long orderId) {
        return payloads.get(orderId);
    }
}
