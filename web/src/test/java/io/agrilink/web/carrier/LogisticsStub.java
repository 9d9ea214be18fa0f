package io.agrilink.web.carrier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * logistics-service as the carrier pages meet it, served by the test app under
 * {@code /stub/logistics}: the same paths, JSON and problem bodies, over real HTTP, with just
 * enough state for a load to be taken, picked up, read and delivered. The carrier
 * {@code carrier-kinhbac} (carrier 7) is the one signed in; carrier 8 is the rival who wins the race
 * for load {@value #RACED}. Load {@value #EXPORT} is an export whose papers are not ticked.
 */
@Path("/stub/logistics")
@Produces(MediaType.APPLICATION_JSON)
public class LogisticsStub {

    static final long OPEN = 1, RACED = 2, OUT_FOR_DELIVERY = 3, EXPORT = 4, BREACHED = 5;
    static final String CODE = "482913";
    static final long ME = 7, RIVAL = 8;

    static final Map<Long, Map<String, Object>> SHIPMENTS = new ConcurrentHashMap<>();
    static final Map<Long, List<Map<String, Object>>> READINGS = new ConcurrentHashMap<>();
    static final Map<Long, List<Map<String, Object>>> EVENTS = new ConcurrentHashMap<>();
    static final Map<Long, AtomicInteger> ACCEPTS = new ConcurrentHashMap<>();
    static final List<String> TOKENS = java.util.Collections.synchronizedList(new ArrayList<>());
    static volatile Map<String, Object> lastStep;

    static void reset() {
        SHIPMENTS.clear();
        READINGS.clear();
        EVENTS.clear();
        ACCEPTS.clear();
        TOKENS.clear();
        lastStep = null;
        SHIPMENTS.put(OPEN, shipment(OPEN, "AL-2026-0001", "OPEN", null, 195_000, false));
        SHIPMENTS.put(RACED, shipment(RACED, "AL-2026-0002", "OPEN", null, 0, false));
        SHIPMENTS.put(OUT_FOR_DELIVERY, shipment(OUT_FOR_DELIVERY, "AL-2026-0003", "OUT_FOR_DELIVERY", ME, 195_000, false));
        SHIPMENTS.put(EXPORT, shipment(EXPORT, "AL-2026-0004", "ASSIGNED", ME, 0, true));
        Map<String, Object> breached = shipment(BREACHED, "AL-2026-0005", "IN_TRANSIT", RIVAL, 0, false);
        breached.put("temperatureBreached", true);
        breached.put("deliverBy", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        breached.put("alerts", List.of(Map.of("kind", "TEMPERATURE_OUT_OF_RANGE", "detail",
                "9.00 °C (read 9 C) is outside 2.0–5.0 °C", "raisedAt", "2026-06-10T03:00:00Z")));
        SHIPMENTS.put(BREACHED, breached);
    }

    private static Map<String, Object> shipment(long id, String ref, String status, Long carrierId, long cod,
            boolean export) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("orderId", 100 + id);
        s.put("orderRef", ref);
        s.put("status", status);
        s.put("allowedNext", next(status));
        Map<String, Object> pickup = Map.of("producerName", "HTX Vải thiều Lục Ngạn", "province", "Bắc Ninh",
                "commune", "Xã Lục Ngạn", "phone", "0204 3882 468");
        s.put("pickup", pickup);
        s.put("pickups", List.of(pickup));
        s.put("destination", export
                ? Map.of("recipient", "Linh Nguyen", "country", "US", "street", "1200 Story Road, San Jose, CA")
                : Map.of("recipient", "Nguyễn Văn An", "phone", "0912 345 678", "country", "VN", "province", "Hà Nội",
                        "commune", "Phường Ba Đình", "street", "12 Phố Điện Biên Phủ"));
        s.put("parcels", List.of(Map.of("description", "Vải thiều Lục Ngạn – loại đặc biệt", "grams", 3_000)));
        s.put("totalGrams", 3_000);
        s.put("codAmount", cod);
        s.put("coldChain", Map.of("minCelsius", 2.0, "maxCelsius", 5.0));
        s.put("export", export);
        s.put("checklist", export ? new ArrayList<>(List.of(paper("PHYTOSANITARY_CERTIFICATE", false, null),
                paper("IRRADIATION_400GY", true, "IRR-2026-77"))) : List.of());
        s.put("deliverBy", "2027-06-12T10:00:00Z");
        s.put("carrierId", carrierId);
        s.put("temperatureBreached", false);
        s.put("alerts", List.of());
        return s;
    }

    private static Map<String, Object> paper(String requirement, boolean done, String ref) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("requirement", requirement);
        p.put("label", requirement);
        p.put("done", done);
        p.put("documentRef", ref);
        return p;
    }

    private static List<String> next(String status) {
        return switch (status) {
            case "OPEN" -> List.of("ASSIGNED");
            case "ASSIGNED" -> List.of("PICKED_UP");
            case "PICKED_UP" -> List.of("IN_TRANSIT");
            case "IN_TRANSIT" -> List.of("IN_TRANSIT", "OUT_FOR_DELIVERY");
            case "OUT_FOR_DELIVERY" -> List.of("DELIVERED", "FAILED_ATTEMPT");
            case "FAILED_ATTEMPT" -> List.of("OUT_FOR_DELIVERY", "RETURNED");
            default -> List.of();
        };
    }

    private static Response problem(int status, String detail, Map<String, Object> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status == 409 ? "Conflict" : "Refused");
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(members);
        return Response.status(status).type("application/problem+json").entity(json(body)).build();
    }

    /** Who calls, from the token the web app forwards ({@code token-of-<username>}, see TestLogin). */
    private static String caller(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer token-of-")) {
            return null;
        }
        TOKENS.add(authorization);
        return authorization.substring("Bearer token-of-".length());
    }

    private static Response unauthorized() {
        return problem(401, "No token", Map.of());
    }

    @GET
    @Path("/carriers/me")
    public Response me(@HeaderParam("Authorization") String authorization) {
        String who = caller(authorization);
        if (who == null) {
            return unauthorized();
        }
        if (!who.equals("carrier-kinhbac")) {
            return problem(403, "Your account " + who + " is not registered as a carrier; ask programme staff", Map.of());
        }
        return ok(Map.of("id", ME, "subject", who, "name", "Vận tải lạnh Kinh Bắc"));
    }

    @GET
    @Path("/shipments/open")
    public Response open(@HeaderParam("Authorization") String authorization, @QueryParam("size") int size) {
        Response refused = carrierOnly(authorization);
        return refused != null ? refused : page(SHIPMENTS.values().stream().filter(s -> "OPEN".equals(s.get("status"))).toList());
    }

    @GET
    @Path("/shipments/mine")
    public Response mine(@HeaderParam("Authorization") String authorization, @QueryParam("size") int size) {
        Response refused = carrierOnly(authorization);
        return refused != null ? refused : page(SHIPMENTS.values().stream().filter(s -> Long.valueOf(ME).equals(s.get("carrierId"))).toList());
    }

    @GET
    @Path("/shipments/at-risk")
    public Response atRisk(@HeaderParam("Authorization") String authorization, @QueryParam("withinHours") int hours) {
        if (!"staff-hoa".equals(caller(authorization))) {
            return problem(403, "staff only", Map.of());
        }
        lastStep = Map.of("withinHours", hours);
        return page(SHIPMENTS.values().stream()
                .filter(s -> Boolean.TRUE.equals(s.get("temperatureBreached")) || s.get("id").equals(OUT_FOR_DELIVERY))
                .toList());
    }

    @GET
    @Path("/shipments/{id}")
    public Response shipment(@HeaderParam("Authorization") String authorization, @PathParam("id") long id) {
        Map<String, Object> s = SHIPMENTS.get(id);
        if (caller(authorization) == null) {
            return unauthorized();
        }
        if (s == null) {
            return problem(404, "Shipment " + id + " not found", Map.of());
        }
        if (s.get("carrierId") != null && !Long.valueOf(ME).equals(s.get("carrierId"))) {
            return problem(403, "Shipment " + id + " is held by another carrier", Map.of());
        }
        return ok(s);
    }

    @GET
    @Path("/shipments/{id}/tracking")
    public Response tracking(@HeaderParam("Authorization") String authorization, @PathParam("id") long id) {
        return ok(Map.of("shipmentId", id, "events", EVENTS.getOrDefault(id, List.of()), "readings",
                READINGS.getOrDefault(id, List.of())));
    }

    @POST
    @Path("/shipments/{id}/accept")
    public synchronized Response accept(@HeaderParam("Authorization") String authorization, @PathParam("id") long id) {
        Response refused = carrierOnly(authorization);
        if (refused != null) {
            return refused;
        }
        ACCEPTS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        Map<String, Object> s = SHIPMENTS.get(id);
        if (s == null) {
            return problem(404, "Shipment " + id + " not found", Map.of());
        }
        if (id == RACED && "OPEN".equals(s.get("status"))) {
            // the rival's accept commits first
            move(s, "ASSIGNED");
            s.put("carrierId", RIVAL);
        }
        if (!"OPEN".equals(s.get("status"))) {
            return problem(409, "Shipment " + id + " is no longer open: another carrier has it", Map.of("shipmentId", id));
        }
        move(s, "ASSIGNED");
        s.put("carrierId", ME);
        return ok(s);
    }

    @POST
    @Path("/shipments/{id}/events")
    @SuppressWarnings("unchecked")
    public synchronized Response report(@HeaderParam("Authorization") String authorization, @PathParam("id") long id,
            String body) {
        Map<String, Object> step = read(body);
        Response refused = carrierOnly(authorization);
        if (refused != null) {
            return refused;
        }
        lastStep = step;
        Map<String, Object> s = SHIPMENTS.get(id);
        String status = (String) step.get("status");
        if (!((List<String>) s.get("allowedNext")).contains(status)) {
            return problem(409, "Shipment " + id + " is " + s.get("status") + "; it cannot go to " + status,
                    Map.of("currentStatus", s.get("status"), "allowedNext", s.get("allowedNext"),
                            "violations", List.of(Map.of("field", "status", "message", "cannot follow " + s.get("status")))));
        }
        if ("PICKED_UP".equals(status) && ((List<Map<String, Object>>) s.get("checklist")).stream()
                .anyMatch(p -> !Boolean.TRUE.equals(p.get("done")))) {
            return problem(409, "Shipment " + id + " cannot be picked up before its export checklist is complete",
                    Map.of("missing", List.of("PHYTOSANITARY_CERTIFICATE")));
        }
        if ("DELIVERED".equals(status)) {
            Map<String, Object> proof = (Map<String, Object>) step.get("proof");
            if (proof == null || !CODE.equals(proof.get("deliveryCode"))) {
                return problem(422, "proof.deliveryCode: does not match the code the buyer was given", Map.of("violations",
                        List.of(Map.of("field", "proof.deliveryCode", "message", "does not match the code the buyer was given"))));
            }
            s.put("proof", Map.of("recipientName", proof.get("recipientName"), "receivedAt", Instant.now().toString()));
            s.put("cashCollected", step.get("cashCollected"));
        }
        move(s, status);
        return ok(s);
    }

    @POST
    @Path("/shipments/{id}/temperatures")
    public Response temperature(@HeaderParam("Authorization") String authorization, @PathParam("id") long id,
            String body) {
        Map<String, Object> reading = read(body);
        Response refused = carrierOnly(authorization);
        if (refused != null) {
            return refused;
        }
        double celsius = ((Number) reading.get("value")).doubleValue();
        boolean out = celsius < 2 || celsius > 5;
        READINGS.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(Map.of("celsius", celsius, "unit", reading.get("unit"), "outOfRange", out, "recordedAt",
                        Instant.now().toString()));
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(json(Map.of("reading", Map.of("celsius", celsius)))).build();
    }

    @PUT
    @Path("/shipments/{id}/checklist/{requirement}")
    @SuppressWarnings("unchecked")
    public Response tick(@HeaderParam("Authorization") String authorization, @PathParam("id") long id,
            @PathParam("requirement") String requirement, String body) {
        Map<String, Object> tick = read(body);
        Response refused = carrierOnly(authorization);
        if (refused != null) {
            return refused;
        }
        for (Map<String, Object> paper : (List<Map<String, Object>>) SHIPMENTS.get(id).get("checklist")) {
            if (paper.get("requirement").equals(requirement)) {
                paper.put("done", true);
                paper.put("documentRef", tick.get("documentRef"));
            }
        }
        return ok(SHIPMENTS.get(id));
    }

    private static void move(Map<String, Object> s, String status) {
        s.put("status", status);
        s.put("allowedNext", next(status));
        EVENTS.computeIfAbsent((Long) s.get("id"), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(Map.of("status", status, "occurredAt", Instant.now().toString()));
    }

    private static Response carrierOnly(String authorization) {
        String who = caller(authorization);
        if (who == null) {
            return unauthorized();
        }
        return who.equals("carrier-kinhbac") ? null
                : problem(403, "Your account " + who + " is not registered as a carrier; ask programme staff", Map.of());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> read(String body) {
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Response ok(Object body) {
        return Response.ok(json(body)).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response page(List<Map<String, Object>> items) {
        return ok(Map.of("items", items, "page", 0, "size", 100, "total", items.size()));
    }
}
