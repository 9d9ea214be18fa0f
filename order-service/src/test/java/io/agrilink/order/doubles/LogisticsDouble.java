package io.agrilink.order.doubles;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * Test-only stand-in for logistics-service's {@code POST /shipments} (contract in COMMON.md):
 * idempotent on orderId (201 the first time, 200 with the same shipment after), records every
 * request, and can be switched to 503 to simulate an outage.
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
