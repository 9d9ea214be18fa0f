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
import io.agrilink.web.payment.OrderPayments;
import io.agrilink.web.payment.Payment;
import io.agrilink.web.payment.PaymentMethod;
import io.agrilink.web.payment.Refund;

/**
 * order-service as the buyer pages' tests need it, at {@code /stub/order/buyer} (the buyer clients' test
 * URL): orders kept per buyer (the bearer token), the Idempotency-Key honoured as order-service does,
 * its problems for a sold-out lot ({@code gramsLeft}), a bad phone, a way to pay not available and a
 * cancel after pickup, the public counter, the ways to pay and each order's payments and refunds (what
 * a provider's notification would make of them, at the test's word), and a record of what it was sent.
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
    private final Map<Long, List<Payment>> payments = new ConcurrentHashMap<>();
    private final Map<Long, List<Refund>> refunds = new ConcurrentHashMap<>();
    private final List<String> paymentCalls = new CopyOnWriteArrayList<>();
    private volatile List<PaymentMethod> methods = ALL_METHODS;
    private volatile boolean methodsDown;
    private volatile boolean providerDown;
    private volatile boolean paymentsDown;
    private volatile boolean tokenExpired;
    private volatile String redirectOverride;

    /** What a suite with every provider configured but Stripe answers. */
    public static final List<PaymentMethod> ALL_METHODS = List.of(new PaymentMethod("CASH_ON_DELIVERY", true, true),
            new PaymentMethod("BANK_TRANSFER", true, false), new PaymentMethod("VNPAY", true, false),
            new PaymentMethod("STRIPE", false, false));
    public static final String BANK_BIN = "970436";
    public static final String ACCOUNT = "0071000888888";

    public void reset() {
        orders.clear();
        owners.clear();
        keys.clear();
        sent.clear();
        inFlightAnswers.set(0);
        counter = CampaignCounter.none(1);
        payments.clear();
        refunds.clear();
        paymentCalls.clear();
        methods = ALL_METHODS;
        methodsDown = false;
        providerDown = false;
        paymentsDown = false;
        tokenExpired = false;
        redirectOverride = null;
    }

    public void methods(List<PaymentMethod> methods) {
        this.methods = methods;
    }

    /** {@code GET /payments/methods} answers 503. */
    public void methodsDown(boolean down) {
        methodsDown = down;
    }

    /** Starting a payment answers 503, as order-service does when the provider does not answer. */
    public void providerDown(boolean down) {
        providerDown = down;
    }

    /** Reading an order's payments answers 503 (order-service's database away). */
    public void paymentsDown(boolean down) {
        paymentsDown = down;
    }

    /** Starting a payment answers 401, as order-service does to a token that expired. */
    public void tokenExpired(boolean expired) {
        tokenExpired = expired;
    }

    /** The redirectUrl the next payments started get (to see what the web app does with a strange one). */
    public void redirectUrl(String url) {
        redirectOverride = url;
    }

    /** Each call to the payments of an order: {@code POST 5001 ip} or {@code GET 5001}. */
    public List<String> paymentCalls() {
        return List.copyOf(paymentCalls);
    }

    public List<Payment> paymentsOf(long orderId) {
        return List.copyOf(payments.getOrDefault(orderId, List.of()));
    }

    /** The provider's notification arrived: the payment PAID with what came in, the order CONFIRMED. */
    public void paid(long orderId, long received) {
        Payment p = latest(orderId);
        payments.get(orderId).replaceAll(x -> x.id() != p.id() ? x : with(x, "PAID", received, false,
                Instant.parse("2026-06-10T01:12:00Z")));
        status(orderId, "CONFIRMED");
    }

    /** A transfer of the wrong amount: the payment stays PENDING, marked for staff. */
    public void mismatch(long orderId, long received) {
        Payment p = latest(orderId);
        payments.get(orderId).replaceAll(x -> x.id() != p.id() ? x : with(x, "PENDING", received, true, null));
    }

    /** Unpaid in time: the payment EXPIRED, the order CANCELLED. */
    public void expired(long orderId) {
        Payment p = latest(orderId);
        payments.get(orderId).replaceAll(x -> x.id() != p.id() ? x : with(x, "EXPIRED", null, false, null));
        status(orderId, "CANCELLED");
    }

    /** A refund of the order's payment, in {@code status}. */
    public void refund(long orderId, String status) {
        Payment p = latest(orderId);
        refunds.computeIfAbsent(orderId, k -> new CopyOnWriteArrayList<>()).add(new Refund(ids.incrementAndGet(), p.id(),
                orderId, p.method(), status, p.amount(), "cancelled by staff", status.equals("DONE") ? "FT26161REFUND" : null,
                Instant.parse("2026-06-10T02:00:00Z"), "staff-hoa",
                status.equals("DONE") ? Instant.parse("2026-06-10T02:30:00Z") : null, status.equals("DONE") ? "system" : null,
                status.equals("FAILED") ? "VNPay 94: duplicate request" : null));
    }

    private Payment latest(long orderId) {
        return payments.get(orderId).get(payments.get(orderId).size() - 1);
    }

    private static Payment with(Payment p, String status, Long received, boolean mismatch, Instant paidAt) {
        return new Payment(p.id(), p.orderId(), p.method(), status, p.amount(), received, mismatch, p.reference(),
                paidAt == null ? p.providerRef() : "FT26161PAID", p.createdAt(), p.expiresAt(), paidAt, p.redirectUrl(),
                p.vietQr(), mismatch ? "received " + received + " of " + p.amount() : null);
    }

    private void status(long orderId, String status) {
        BuyerOrder o = orders.get(orderId);
        orders.put(orderId, new BuyerOrder(o.id(), o.orderRef(), status, o.payment(), o.totalGrams(), o.totalAmount(),
                o.placedAt(), o.paymentDueAt(), o.deliveryCode(), o.delivery(), o.lines()));
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
        String live = order.path("live").isTextual() ? order.path("live").asText() : null;
        if (live != null && !live.matches("[A-Za-z0-9]{4,12}")) {
            return problem(400, """
                    {"type":"about:blank","title":"Invalid request","status":400,"detail":"live: is not a livestream code",
                     "violations":[{"field":"live","message":"is not a livestream code"}]}""");
        }
        long id = ids.incrementAndGet();
        JsonNode delivery = order.path("delivery");
        String payment = order.path("payment").asText();
        if (methods.stream().noneMatch(m -> m.method().equals(payment) && m.available())) {
            return problem(422, """
                    {"type":"about:blank","title":"Unprocessable","status":422,"detail":"payment: %s is not available",
                     "violations":[{"field":"payment","message":"is not available"}]}""".formatted(payment));
        }
        BuyerOrder placed = order(id, payment.equals("CASH_ON_DELIVERY") ? "CONFIRMED" : "PLACED", payment, grams,
                delivery.path("recipient").asText(), delivery.path("phone").asText(), delivery.path("province").asText(),
                null);
        if (live != null) {
            placed = attributed(placed, live.toUpperCase(java.util.Locale.ROOT));
        }
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
    @Path("/payments/methods")
    public Response methods() {
        return methodsDown ? problem(503, "{\"title\":\"Service Unavailable\",\"status\":503}")
                : Response.ok(json(methods)).build();
    }

    /** Start the order's payment, or answer the one pending: as order-service's {@code POST /orders/{id}/payments}. */
    @POST
    @Path("/orders/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startPayment(@PathParam("id") long id, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Forwarded-For") String buyerIp, String body) {
        paymentCalls.add("POST " + id + " " + buyerIp);
        if (tokenExpired) {
            return problem(401, "{\"title\":\"Unauthorized\",\"status\":401}");
        }
        if (!visible(id, authorization)) {
            return notFound(id);
        }
        BuyerOrder order = orders.get(id);
        if (!order.status().equals("PLACED")) {
            return problem(409, """
                    {"type":"about:blank","title":"Conflict","status":409,"detail":"Order %d is not awaiting payment",
                     "orderStatus":"%s"}""".formatted(id, order.status()));
        }
        if (providerDown) {
            return problem(503, "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"VNPAY did not answer\"}");
        }
        List<Payment> mine = payments.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        Payment pending = mine.stream().filter(Payment::pending).findFirst().orElse(null);
        if (pending == null) {
            long paymentId = ids.incrementAndGet();
            String reference = "AGL" + id;
            Payment.VietQr qr = order.payment().equals("BANK_TRANSFER")
                    ? new Payment.VietQr(vietQr(order.totalAmount(), reference), BANK_BIN, ACCOUNT, "HTX NONG SAN LUC NGAN",
                            order.totalAmount(), reference)
                    : null;
            String redirect = order.payment().equals("VNPAY")
                    ? "http://localhost:8086/vnpay/paymentv2/vpcpay.html?vnp_TxnRef=" + reference + "-" + paymentId
                    : order.payment().equals("STRIPE") ? "https://checkout.stripe.com/c/pay/cs_test_" + paymentId : null;
            pending = new Payment(paymentId, id, order.payment(), "PENDING", order.totalAmount(), null, false, reference,
                    null, Instant.parse("2026-06-10T01:05:01Z"), order.paymentDueAt(), null,
                    redirectOverride != null && redirect != null ? redirectOverride : redirect, qr, null);
            mine.add(pending);
        }
        return Response.ok(json(pending)).build();
    }

    @GET
    @Path("/orders/{id}/payments")
    public Response payments(@PathParam("id") long id, @HeaderParam("Authorization") String authorization) {
        paymentCalls.add("GET " + id);
        if (paymentsDown) {
            return problem(503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        }
        if (!visible(id, authorization)) {
            return notFound(id);
        }
        BuyerOrder order = orders.get(id);
        return Response.ok(json(new OrderPayments(id, order.status(), order.payment(), order.totalAmount(),
                order.paymentDueAt(), payments.getOrDefault(id, List.of()), refunds.getOrDefault(id, List.of())))).build();
    }

    /** A payload shaped as NAPAS's (the web app only shows it and draws it; order-service builds the real one). */
    static String vietQr(long amount, String reference) {
        String account = tlv("00", "A000000727") + tlv("01", tlv("00", BANK_BIN) + tlv("01", ACCOUNT)) + tlv("02", "QRIBFTTA");
        return tlv("00", "01") + tlv("01", "12") + tlv("38", account) + tlv("53", "704") + tlv("54", String.valueOf(amount))
                + tlv("58", "VN") + tlv("62", tlv("08", reference)) + "6304ABCD";
    }

    private static String tlv(String tag, String value) {
        return tag + String.format("%02d", value.length()) + value;
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
                payment.equals("CASH_ON_DELIVERY") ? null : Instant.parse("2026-06-10T01:35:00Z"), deliveryCode,
                new BuyerOrder.Delivery(recipient, phone, "VN", province, "Phường Ba Đình", "12 Phố Điện Biên Phủ", null),
                List.of(new BuyerOrder.Line(id * 3, 10, 1L, "Vải thiều Lục Ngạn", "HTX Phượng Sơn", grams, 55_000, amount,
                        1L)));
    }

    /** As order-service decides it: LN6CH2 is live and sells campaign 1, ENDED7 has ended, any other code is unknown. */
    private static BuyerOrder attributed(BuyerOrder o, String code) {
        BuyerOrder.Livestream said = switch (code) {
            case "LN6CH2" -> new BuyerOrder.Livestream(code, true, "Vải thiều Lục Ngạn – trực tiếp từ vườn", null);
            case "ENDED7" -> new BuyerOrder.Livestream(code, false, "Nhãn lồng Hưng Yên", "livestream ENDED7 is not live (ended)");
            default -> new BuyerOrder.Livestream(code, false, null, "no livestream has code " + code);
        };
        return new BuyerOrder(o.id(), o.orderRef(), o.status(), o.payment(), o.totalGrams(), o.totalAmount(), o.placedAt(),
                o.paymentDueAt(), o.deliveryCode(), o.delivery(), o.lines(), said);
    }

    private static Response problem(int status, String body) {
        return Response.status(status).type("application/problem+json").entity(body).build();
    }

    private static Response notFound(long id) {
        return problem(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"Order " + id + " not found\"}");
    }
}
