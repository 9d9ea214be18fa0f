package io.agrilink.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.platform.security.Roles;

/**
 * Test-only stand-in for order-service's {@code PUT /livestreams/{id}} (its replica of a stream),
 * deployed in the test app: records every snapshot it took, in arrival order, keeps the newest
 * version as order-service does (an older or equal one is answered 204 and ignored), and can be
 * switched to answer 503, as in an outage.
 */
@Path("/test-double/order/livestreams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderDouble {

    public static final AtomicBoolean DOWN = new AtomicBoolean();
    /** Stream id → the snapshots answered 204, in arrival order. */
    public static final Map<Long, List<JsonNode>> RECEIVED = new ConcurrentHashMap<>();
    /** Stream id → the newest version kept. */
    public static final Map<Long, Long> KEPT = new ConcurrentHashMap<>();
    /** Stream id → how many calls were answered 503. */
    public static final Map<Long, Integer> REFUSED = new ConcurrentHashMap<>();

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SERVICE)
    public Response livestream(@PathParam("id") long id, JsonNode snapshot) {
        if (DOWN.get()) {
            REFUSED.merge(id, 1, Integer::sum);
            return Response.status(503).build();
        }
        if (snapshot == null || snapshot.path("id").asLong() != id || !snapshot.hasNonNull("code")
                || !snapshot.path("hosts").isArray() || !snapshot.hasNonNull("version")) {
            return Response.status(400).entity(Map.of("status", 400, "detail", "snapshot does not follow the contract"))
                    .build();
        }
        RECEIVED.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(snapshot);
        KEPT.merge(id, snapshot.get("version").asLong(), Math::max);
        return Response.noContent().build();
    }

    static List<JsonNode> received(long id) {
        return RECEIVED.getOrDefault(id, List.of());
    }
}
