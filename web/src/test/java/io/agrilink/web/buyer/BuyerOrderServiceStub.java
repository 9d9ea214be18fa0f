package io.agrilink.web.buyer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.web.client.Page;

/**
 * order-service as the buyer pages' tests need it, at {@code /stub/order/buyer} (the buyer clients' test
 * URL): orders kept per buyer (the bearer token), the Idempotency-Key honoured as order-service does,
 * its problems for a sold-out lot ({@code gramsLeft}), a bad phone and a cancel after pickup, the
 * public counter, and a record of every placement it was sent.
 */
@ApplicationScoped
@Path("/stub/order/buyer")
@Produces(MediaType.APPLICATION_JSON)
public class BuyerOrderServiceStub {

    /** grams that the stub's lots never have: the answer is "sold out, 2.5 kg left". */
    public static final long MORE_THAN_LEFT = 999_500;
    public static final long GRAMS_LEFT = 2_500;

    public record Sent(String key, String authorization, JsonNode body) {
    }

    // the web app has no server-side JSON writer (quarkus-rest-jackson): the stub writes its answers itself
    @Inject
    ObjectMapper json;

    private final AtomicLong ids = new AtomicLong(5000);
    private final Map<Long, BuyerOrder> orders = new ConcurrentHashMap<>();
    private final Map<Long, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Long> keys = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlightAnswers = new AtomicInteger();
    private volatile CampaignCounter counter = CampaignCounter.none(1);

    public void reset() {
        orders.clear();
        owners.clear();
        keys.clear();
        sent.clear();
        inFlightAnswers.set(0);
        counter = CampaignCounter.none(1);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public long ordersOf(String buyer) {
        return owners.values().stream().filter(("Bearer token-of-" + buyer)::equals).count();
    }

    public void counter(CampaignCounter counter) {
        this.counter = counter;
    }

    /** The next {@code times} placements answer 409 "this key is still being processed". */
    public void stillInFlight(int times) {
        inFlightAnswers.set(times);
    }

    /** An order of {@code buyer} in {@code status}, with a delivery code once handed over. */
    public long add(String buyer, String status, String payment) {
        long id = ids.incrementAndGet();
        orders.put(id, order(id, status, payment, 3_000, "Nguyễn Văn An", "0912 345 678", "Hà Nội",
                status.equals("HANDED_OVER") || status.equals("IN_TRANSIT") ? "482913" : null));
        owners.put(id, "Bearer token-of-" + buyer);
        return id;
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@HeaderParam("Idempotency-Key") String key, @HeaderParam("Authorization") String authorization,
            String body) throws Exception {
        JsonNode order = json.readTree(body);
        sent.add(new Sent(key, authorization, order));
        if (authorization == null) {
            return problem(401, "{\"title\":\"Unauthorized\",\"status\":401}");
        }
        if (inFlightAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return problem(409, """
                    {"type":"about:blank","title":"Conflict","status":409,
                     "detail":"A request with this Idempotency-Key is still being processed; retry when it has finished"}""");
        }
        Long earlier = keys.get(authorization + key);
        if (earlier != null) {
            return Response.status(201).header("Idempotent-Replayed", "true").entity(json(orders.get(earlier))).type(MediaType.APPLICATION_JSON).build();
        }
        JsonNode line = order.path("lines").path(0);
        long grams = line.path("grams").asLong();
        if (grams == MORE_THAN_LEFT) {
            return problem(409, """
                    {"type":"about:blank","title":"Sold out","status":409,"detail":"Lot %d has only %d g left, less than you asked for",
                     "lotId":%d,"gramsLeft":%d}""".formatted(line.path("lotId").asLong(), GRAMS_LEFT,
                    line.path("lotId").asLong(), GRAMS_LEFT));
        }
        if (!order.path("delivery").path("phone").asText("").matches("[0-9 +]{9,}")) {
            return problem(400, """
                    {"type":"about:blank","title":"Invalid request","status":400,"detail":"delivery.phone: is not a Vietnamese phone number",
                     "violations":[{"field":"delivery.phone","message":"is not a Vietnamese phone number"}]}""");
        }
        long id = ids.incrementAndGet();
        JsonNode delivery = order.path("delivery");
        String payment = order.path("payment").asText();
        BuyerOrder placed = order(id, payment.equals("BANK_TRANSFER") ? "PLACED" : "CONFIRMED", payment, grams,
                delivery.path("recipient").asText(), delivery.path("phone").asText(), delivery.path("province").asText(),
                null);
        orders.put(id, placed);
        owners.put(id, authorization);
        keys.put(authorization + key, id);
        return Response.status(201).entity(json(placed)).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/orders")
    public String mine(@HeaderParam("Authorization") String authorization) {
        List<BuyerOrder> mine = new ArrayList<>(orders.values().stream()
                .filter(o -> owners.get(o.id()).equals(authorization)).toList());
        mine.sort(Comparator.comparing(BuyerOrder::id).reversed());
        return json(new Page<>(mine, 0, 20, mine.size()));
    }

    @GET
    @Path("/orders/{id}")
    public Response order(@PathParam("id") long id, @HeaderParam("Authorization") String authorization) {
        return visible(id, authorization) ? Response.ok(json(orders.get(id))).build() : notFound(id);
    }

    @GET
    @Path("/orders/{id}/history")
    public Response history(@PathParam("id") long id, @HeaderParam("Authorization") String authorization) {
        if (!visible(id, authorization)) {
            return notFound(id);
        }
        BuyerOrder order = orders.get(id);
        List<OrderHistoryEntry> steps = new ArrayList<>();
        steps.add(new OrderHistoryEntry(Instant.parse("2026-06-10T01:05:00Z"), "buyer", "PLACED", null, "CONFIRMED",
                "cash on delivery"));
        if (!order.status().equals("CONFIRMED")) {
            steps.add(new OrderHistoryEntry(Instant.parse("2026-06-10T03:30:00Z"), "farmer-lan", order.status(),
                    "CONFIRMED", order.status(), "<b>packed</b> by the farm"));
        }
        return Response.ok(json(steps)).build();
    }

    @POST
    @Path("/orders/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") long id, @HeaderParam("Authorization") String authorization, String body) {
        if (!visible(id, authorization)) {
            return notFound(id);
        }
        BuyerOrder order = orders.get(id);
        if (!order.cancellable()) {
            return problem(409, """
                    {"type":"about:blank","title":"Conflict","status":409,"detail":"Order %d is %s: the carrier picked it up",
                     "orderStatus":"%s"}""".formatted(id, order.status(), order.status()));
        }
        BuyerOrder cancelled = new BuyerOrder(order.id(), order.orderRef(), "CANCELLED", order.payment(),
                order.totalGrams(), order.totalAmount(), order.placedAt(), order.paymentDueAt(), null, order.delivery(),
                order.lines());
        orders.put(id, cancelled);
        return Response.ok(json(cancelled)).build();
    }

    @GET
    @Path("/campaigns/{id}/counter")
    public String counter(@PathParam("id") long id) {
        return json(counter);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean visible(long id, String authorization) {
        return orders.containsKey(id) && owners.get(id).equals(authorization);
    }

    private static BuyerOrder order(long id, String status, String payment, long grams, String recipient, String phone,
            String province, String deliveryCode) {
        long amount = 55_000 * grams / 1000;
        return new BuyerOrder(id, "ORD-" + id, status, payment, grams, amount, Instant.parse("2026-06-10T01:05:00Z"),
                payment.equals("BANK_TRANSFER") ? Instant.parse("2026-06-10T01:35:00Z") : null, deliveryCode,
                new BuyerOrder.Delivery(recipient, phone, "VN", province, "Phường Ba Đình", "12 Phố Điện Biên Phủ", null),
                List.of(new BuyerOrder.Line(id * 3, 10, 1L, "Vải thiều Lục Ngạn", "HTX Phượng Sơn", grams, 55_000, amount,
                        1L)));
    }

    private static Response problem(int status, String body) {
        return Response.status(status).type("application/problem+json").entity(body).build();
    }

    private static Response notFound(long id) {
        return problem(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"Order " + id + " not found\"}");
    }
}
