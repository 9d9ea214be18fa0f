package io.agrilink.web.farmer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * order-service's packing endpoints for the farmer pages' tests, at {@code /stub/order/packing}
 * ({@link FarmerPagesTest.PackingStubProfile} points the order client there): today's list in
 * memory, each post recorded with the token it came with, and order-service's rules that matter
 * to the page: only the farmer's own token, only a CONFIRMED order (409 otherwise).
 */
@Path("/stub/order/packing")
@Produces(MediaType.APPLICATION_JSON)
public class PackingStub {

    public record Posted(long orderId, String authorization, String body) {
    }

    static final Map<Long, Map<String, Object>> LINES = new ConcurrentHashMap<>();
    static final List<Posted> POSTED = new CopyOnWriteArrayList<>();
    static volatile boolean down;
    private static final ObjectMapper JSON = new ObjectMapper();

    static void reset() {
        LINES.clear();
        POSTED.clear();
        down = false;
    }

    static void line(long orderId, long lineId, String status, String product, long grams, Long packedGrams,
            String province) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("orderId", orderId);
        line.put("orderRef", "AL-" + orderId);
        line.put("orderStatus", status);
        line.put("lineId", lineId);
        line.put("lotId", 7);
        line.put("productName", product);
        line.put("producerName", "HTX Vải thiều Lục Ngạn");
        line.put("grams", grams);
        line.put("packedGrams", packedGrams);
        line.put("country", "VN");
        line.put("province", province);
        LINES.put(lineId, line);
    }

    @GET
    @Path("packing-list")
    public Response packingList(@HeaderParam("Authorization") String authorization, @QueryParam("page") int page,
            @QueryParam("size") int size) throws java.io.IOException {
        if (down) {
            return Response.status(503).build();
        }
        if (!"Bearer token-of-farmer-lan".equals(authorization)) {
            return Response.status(401).type("application/problem+json").entity("{\"status\":401}").build();
        }
        List<Map<String, Object>> items = LINES.values().stream()
                .sorted(java.util.Comparator.comparing(l -> (Long) l.get("lineId"))).toList();
        long total = items.stream().mapToLong(l -> (Long) l.get("grams")).sum();
        return Response.ok(JSON.writeValueAsString(Map.of("date", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
                "farmer", "farmer-lan", "totalGrams", total,
                "items", items.stream().skip((long) page * size).limit(size).toList(), "page", page, "size", size,
                "total", items.size()))).build();
    }

    @POST
    @Path("orders/{id}/packing")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pack(@PathParam("id") long orderId, @HeaderParam("Authorization") String authorization,
            String body) throws java.io.IOException {
        POSTED.add(new Posted(orderId, authorization, body));
        JsonNode packed = JSON.readTree(body).path("lines").path(0);
        Map<String, Object> line = LINES.get(packed.path("lineId").asLong());
        if (line == null || (Long) line.get("orderId") != orderId) {
            return Response.status(400).type("application/problem+json").entity("""
                    {"status":400,"violations":[{"field":"lines[0].lineId","message":"is not part of the order"}]}""")
                    .build();
        }
        if (!"CONFIRMED".equals(line.get("orderStatus"))) {
            return Response.status(409).type("application/problem+json")
                    .entity("{\"status\":409,\"detail\":\"Order " + orderId + " is READY_FOR_PICKUP\"}").build();
        }
        line.put("packedGrams", packed.path("packedGrams").asLong());
        return Response.ok("{\"id\":" + orderId + "}").build();
    }
}
