package io.agrilink.logistics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agrilink.logistics.client.ShipmentStatusEvent;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemMappers;

/**
 * Test-only stand-in for order-service's {@code POST /orders/{orderId}/shipment-events}, deployed
 * in the test application: it takes the service token, records what it applied (dropping repeats of
 * an event id, as the real one does), and can be switched to 503 to play an outage, or made to
 * hold its answers to play an order-service that hangs.
 */
@Path("/test-double/order/orders/{orderId}/shipment-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderServiceDouble {

    /** One event as received, with the order it was posted for. */
    public record Received(long orderId, ShipmentStatusEvent event) {
    }

    /** How long a held answer waits at most: longer than the client's timeout. */
    private static final long HOLD_AT_MOST_SECONDS = 20;

    private static volatile boolean down;
    private static volatile boolean holding;
    private static final Object RELEASE = new Object();
    private static final AtomicInteger HELD = new AtomicInteger();
    private static final List<Received> APPLIED = new CopyOnWriteArrayList<>();
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final Map<String, AtomicInteger> RECEIPTS = new ConcurrentHashMap<>();
    private static final AtomicInteger REFUSED_WHILE_DOWN = new AtomicInteger();
    private static final Set<Long> UNKNOWN_ORDERS = ConcurrentHashMap.newKeySet();
    private static final Map<Long, String> CALLERS = new ConcurrentHashMap<>();

    @POST
    @RolesAllowed("service")
    public Response receive(@PathParam("orderId") long orderId, ShipmentStatusEvent event,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        CALLERS.put(event.shipmentId(), security.getUserPrincipal().getName());
        if (holding) {
            holdTheAnswer();
        }
        if (down) {
            REFUSED_WHILE_DOWN.incrementAndGet();
            return Response.status(503).build();
        }
        if (UNKNOWN_ORDERS.contains(orderId)) {
            return Response.status(404).type(Problem.MEDIA_TYPE).entity(ProblemMappers.problemOf(404, "Not found",
                    "Order " + orderId + " does not exist", "/orders/" + orderId + "/shipment-events", null)).build();
        }
        RECEIPTS.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
        if (SEEN.add(event.eventId())) {
            APPLIED.add(new Received(orderId, event));
        }
        return Response.ok().build();
    }

    public static void down(boolean isDown) {
        down = isDown;
    }

    /** While on, every call waits (until {@link #release()}, at most 20 s) before it is answered. */
    public static void hold() {
        holding = true;
    }

    /** Answers the held calls and stops holding new ones. */
    public static void release() {
        synchronized (RELEASE) {
            holding = false;
            RELEASE.notifyAll();
        }
    }

    /** Calls waiting for their answer right now. */
    public static int held() {
        return HELD.get();
    }

    private static void holdTheAnswer() {
        HELD.incrementAndGet();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD_AT_MOST_SECONDS);
            synchronized (RELEASE) {
                for (long left = until - System.nanoTime(); holding && left > 0; left = until - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(RELEASE, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            HELD.decrementAndGet();
        }
    }

    /** From now on, events for this order are answered 404 (unknown order), as order-service would. */
    public static void forget(long orderId) {
        UNKNOWN_ORDERS.add(orderId);
    }

    /** Events for this order are applied again (order-service restored it). */
    public static void remember(long orderId) {
        UNKNOWN_ORDERS.remove(orderId);
    }

    /** The token subject of the last call that carried an event of this shipment. */
    public static String callerOf(long shipmentId) {
        return CALLERS.get(shipmentId);
    }

    public static int refusedWhileDown() {
        return REFUSED_WHILE_DOWN.get();
    }

    /** Events applied for one shipment, in arrival order. */
    public static List<Received> appliedFor(long shipmentId) {
        return APPLIED.stream().filter(r -> r.event().shipmentId() == shipmentId).toList();
    }

    /** How many times an event id was posted successfully (1 when delivered exactly once). */
    public static int receipts(String eventId) {
        AtomicInteger count = RECEIPTS.get(eventId);
        return count == null ? 0 : count.get();
    }
}
