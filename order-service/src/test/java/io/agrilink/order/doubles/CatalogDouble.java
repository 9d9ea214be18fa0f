package io.agrilink.order.doubles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.web.RequestIds;
import io.opentelemetry.api.trace.Span;

/**
 * Test-only stand-in for catalog-service's stock reservation API, checked against its contract
 * ({@code docs/contracts/catalog-service.yaml}) by {@code ProviderContractsTest}. It really keeps
 * stock per lot under one lock, all lines or none, so oversell tests prove order-service's own
 * behaviour; it records every call and can be switched to 503 or paused.
 */
@ApplicationScoped
@Path("/test-double/catalog/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogDouble {

    public static final class Lot {
        public final long id;
        public final long pricePerKg;
        public final Long campaignId;
        public final List<String> farmers;
        public final String productName;
        public final long producerId;
        public final String producerName;
        long grams;
        long lowest;
        volatile String province = "Bắc Ninh";
        volatile Integer minCelsius = 2;
        volatile Integer maxCelsius = 5;

        Lot(long id, long grams, long pricePerKg, Long campaignId, List<String> farmers, String productName,
                long producerId, String producerName) {
            this.id = id;
            this.grams = grams;
            this.lowest = grams;
            this.pricePerKg = pricePerKg;
            this.campaignId = campaignId;
            this.farmers = farmers;
            this.productName = productName;
            this.producerId = producerId;
            this.producerName = producerName;
        }
    }

    public static final class Held {
        public final String orderRef;
        public final String buyer;
        public final Map<Long, Long> lines;
        public volatile String status;
        public final Instant expiresAt;

        Held(String orderRef, String buyer, Map<Long, Long> lines, Instant expiresAt) {
            this.orderRef = orderRef;
            this.buyer = buyer;
            this.lines = lines;
            this.status = "HELD";
            this.expiresAt = expiresAt;
        }
    }

    private static final AtomicLong LOT_IDS = new AtomicLong(1000);

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, Lot> lots = new ConcurrentHashMap<>();
    private final Map<String, Held> reservations = new ConcurrentHashMap<>();
    private final List<String> releases = new CopyOnWriteArrayList<>();
    private final List<Caller> callers = new CopyOnWriteArrayList<>();
    private final List<String> confirmations = new CopyOnWriteArrayList<>();
    private final AtomicInteger batchCalls = new AtomicInteger();
    private final AtomicInteger confirmationCalls = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean confirmationsDown;
    private final Set<String> stockGone = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch pause;
    private volatile CountDownLatch arrived;

    // ------------------------------------------------------------ the contract

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Path("/reservations")
    public Response reserve(JsonNode request) {
        if (down) {
            return Response.status(503).build();
        }
        Map<String, Object> result = reserveOne(request);
        int status = (int) result.get("status");
        return Response.status(status).entity(status < 300 ? result.get("reservation") : result.get("problem")).build();
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Path("/reservation-batches")
    public Response reserveBatch(JsonNode batch, @HeaderParam(RequestIds.HEADER) String requestId)
            throws InterruptedException {
        if (down) {
            return Response.status(503).build();
        }
        batchCalls.incrementAndGet();
        callers.add(new Caller(requestId, Span.current().getSpanContext().getTraceId()));
        if (arrived != null) {
            arrived.countDown();
        }
        CountDownLatch gate = pause;
        if (gate != null) {
            gate.await(10, TimeUnit.SECONDS);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode request : batch.get("reservations")) {
            results.add(reserveOne(request));
        }
        return Response.ok(Map.of("results", results)).build();
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Path("/reservations/{orderRef}/confirm")
    public Response confirm(@PathParam("orderRef") String orderRef) {
        if (down || confirmationsDown) {
            return Response.status(503).build();
        }
        lock.lock();
        try {
            expire();
            Held held = reservations.get(orderRef);
            if (held == null) {
                return Response.status(404).entity(problem(404, "no reservation " + orderRef)).build();
            }
            if (stockGone.contains(orderRef) && !held.status.equals("CONFIRMED")) {
                return Response.status(409).entity(gone(held)).build();
            }
            if (!held.status.equals("HELD") && !held.status.equals("CONFIRMED")) {
                return Response.status(409).entity(problem(409, "reservation is " + held.status)).build();
            }
            held.status = "CONFIRMED";
            confirmations.add(orderRef);
            return Response.ok(view(held)).build();
        } finally {
            lock.unlock();
        }
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Path("/confirmations")
    public Response confirmAll(JsonNode request) {
        if (down || confirmationsDown) {
            return Response.status(503).build();
        }
        confirmationCalls.incrementAndGet();
        List<Map<String, Object>> results = new ArrayList<>();
        lock.lock();
        try {
            expire();
            for (JsonNode ref : request.get("orderRefs")) {
                String orderRef = ref.asText();
                Held held = reservations.get(orderRef);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("orderRef", orderRef);
                if (held == null) {
                    result.put("status", 404);
                    result.put("reservationStatus", null);
                    result.put("problem", problem(404, "no reservation " + orderRef));
                } else if (stockGone.contains(orderRef) && !held.status.equals("CONFIRMED")) {
                    result.put("status", 409);
                    result.put("reservationStatus", held.status);
                    result.put("problem", gone(held));
                } else if (!held.status.equals("HELD") && !held.status.equals("CONFIRMED")) {
                    result.put("status", 409);
                    result.put("reservationStatus", held.status);
                    result.put("problem", problem(409, "reservation is " + held.status));
                } else {
                    held.status = "CONFIRMED";
                    confirmations.add(orderRef);
                    result.put("status", 200);
                    result.put("reservationStatus", "CONFIRMED");
                    result.put("problem", null);
                }
                results.add(result);
            }
        } finally {
            lock.unlock();
        }
        return Response.ok(Map.of("results", results)).build();
    }

    @DELETE
    @RolesAllowed(Roles.SERVICE)
    @Path("/reservations/{orderRef}")
    public Response release(@PathParam("orderRef") String orderRef) {
        if (down) {
            return Response.status(503).build();
        }
        lock.lock();
        try {
            releases.add(orderRef);
            Held held = reservations.get(orderRef);
            if (held != null && (held.status.equals("HELD") || held.status.equals("CONFIRMED"))) {
                held.status = "RELEASED";
                held.lines.forEach((lotId, grams) -> lots.get(lotId).grams += grams);
            }
            return Response.noContent().build();
        } finally {
            lock.unlock();
        }
    }

    private Map<String, Object> reserveOne(JsonNode request) {
        String orderRef = request.get("orderRef").asText();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("orderRef", orderRef);
        lock.lock();
        try {
            expire();
            Held existing = reservations.get(orderRef);
            if (existing != null) {
                result.put("status", 200);
                result.put("reservation", view(existing));
                result.put("problem", null);
                return result;
            }
            Map<Long, Long> lines = new LinkedHashMap<>();
            for (JsonNode line : request.get("lines")) {
                long lotId = line.get("lotId").asLong();
                long grams = line.get("grams").asLong();
                Lot lot = lots.get(lotId);
                if (lot == null) {
                    return refused(result, 404, problem(404, "Lot " + lotId + " does not exist"));
                }
                if (lot.grams < grams) {
                    Map<String, Object> problem = problem(409, "Lot " + lotId + " has " + lot.grams + " g left");
                    problem.put("lotId", lotId);
                    problem.put("gramsLeft", lot.grams);
                    return refused(result, 409, problem);
                }
                lines.put(lotId, grams);
            }
            lines.forEach((lotId, grams) -> {
                Lot lot = lots.get(lotId);
                lot.grams -= grams;
                lot.lowest = Math.min(lot.lowest, lot.grams);
            });
            Held held = new Held(orderRef, request.get("buyer").asText(), lines,
                    Instant.now().plusSeconds(request.get("ttlSeconds").asLong()));
            reservations.put(orderRef, held);
            result.put("status", 201);
            result.put("reservation", view(held));
            result.put("problem", null);
            return result;
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, Object> refused(Map<String, Object> result, int status, Map<String, Object> problem) {
        result.put("status", status);
        result.put("reservation", null);
        result.put("problem", problem);
        return result;
    }

    private void expire() {
        Instant now = Instant.now();
        for (Held held : reservations.values()) {
            if (held.status.equals("HELD") && held.expiresAt.isBefore(now)) {
                held.status = "EXPIRED";
                held.lines.forEach((lotId, grams) -> lots.get(lotId).grams += grams);
            }
        }
    }

    private Map<String, Object> view(Held held) {
        List<Map<String, Object>> lines = new ArrayList<>();
        held.lines.forEach((lotId, grams) -> {
            Lot lot = lots.get(lotId);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lotId", lotId);
            line.put("grams", grams);
            line.put("productId", lot.producerId * 10);
            line.put("productName", lot.productName);
            line.put("producerId", lot.producerId);
            line.put("producerName", lot.producerName);
            line.put("farmers", lot.farmers);
            line.put("province", lot.province);
            line.put("commune", "Xã Lục Ngạn");
            line.put("phone", "+84912345678");
            line.put("growingAreaCode", "VN-BN-LN-001");
            line.put("unitPricePerKg", lot.pricePerKg);
            line.put("campaignId", lot.campaignId);
            line.put("harvestDate", LocalDate.now().toString());
            line.put("bestBefore", LocalDate.now().plusDays(7).toString());
            line.put("coldChain", true);
            line.put("minCelsius", lot.minCelsius);
            line.put("maxCelsius", lot.maxCelsius);
            lines.add(line);
        });
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderRef", held.orderRef);
        view.put("status", held.status);
        view.put("expiresAt", held.expiresAt.toString());
        view.put("lines", lines);
        return view;
    }

    /**
     * What catalog-service answers for a reservation whose hold expired and whose grams were sold
     * meanwhile: the hold becomes EXPIRED (its grams were given back and taken by others).
     */
    private Map<String, Object> gone(Held held) {
        if (held.status.equals("HELD")) {
            held.status = "EXPIRED";
        }
        long lotId = held.lines.keySet().iterator().next();
        Map<String, Object> problem = problem(409, "Reservation " + held.orderRef + " expired and lot " + lotId
                + " has only 0 g left: it can no longer be confirmed");
        problem.put("lotId", lotId);
        problem.put("gramsLeft", 0);
        return problem;
    }

    private static Map<String, Object> problem(int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://agrilink.io/problems/x");
        problem.put("title", status == 409 ? "Conflict" : "Not found");
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    // ------------------------------------------------------------ what tests set up and read

    /** A lot with this much stock, sold at this price (the campaign price when a campaign is given). */
    public long addLot(long grams, long pricePerKg, Long campaignId, String... farmers) {
        long id = LOT_IDS.incrementAndGet();
        lots.put(id, new Lot(id, grams, pricePerKg, campaignId, List.of(farmers), "Vải thiều Lục Ngạn loại 1",
                id + 500, "HTX Vải thiều Lục Ngạn"));
        return id;
    }

    /** The lot's product keeps between these temperatures (2–5 °C unless set). */
    public void keptAt(long lotId, Integer minCelsius, Integer maxCelsius) {
        lots.get(lotId).minCelsius = minCelsius;
        lots.get(lotId).maxCelsius = maxCelsius;
    }

    /** The lot's producer is in this province (Bắc Ninh unless set). */
    public void producedIn(long lotId, String province) {
        lots.get(lotId).province = province;
    }

    public long gramsLeft(long lotId) {
        lock.lock();
        try {
            expire();
            return lots.get(lotId).grams;
        } finally {
            lock.unlock();
        }
    }

    /** The lowest stock the lot ever had: negative would be an oversell. */
    public long lowestGrams(long lotId) {
        return lots.get(lotId).lowest;
    }

    public List<Held> reservationsOf(String buyer) {
        return reservations.values().stream().filter(h -> h.buyer.equals(buyer)).toList();
    }

    public Held reservation(String orderRef) {
        return reservations.get(orderRef);
    }

    public List<String> releases() {
        return releases;
    }

    public List<String> confirmations() {
        return confirmations;
    }

    /** The request id and trace id each reservation batch arrived with. */
    public record Caller(String requestId, String traceId) {
    }

    public List<Caller> batchCallers() {
        return callers;
    }

    public int batchCalls() {
        return batchCalls.get();
    }

    /** Calls of the group confirmation endpoint (each confirms many reservations). */
    public int confirmationCalls() {
        return confirmationCalls.get();
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Confirmations (single and grouped) answer 503 while reservations still work. */
    public void confirmationsDown(boolean down) {
        this.confirmationsDown = down;
    }

    /**
     * Confirmations of this reservation answer 409 from now on, as catalog-service does when the
     * hold expired (catalogue down past its time-to-live) and the grams were sold meanwhile.
     */
    public void stockGone(String orderRef) {
        stockGone.add(orderRef);
    }

    /** Holds reservation batches until {@link #resume()}; {@link #awaitArrival()} waits for the first. */
    public void pause() {
        arrived = new CountDownLatch(1);
        pause = new CountDownLatch(1);
    }

    public boolean awaitArrival() throws InterruptedException {
        return arrived.await(10, TimeUnit.SECONDS);
    }

    public void resume() {
        CountDownLatch gate = pause;
        pause = null;
        arrived = null;
        if (gate != null) {
            gate.countDown();
        }
    }
}
