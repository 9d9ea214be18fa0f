package io.agrilink.order.doubles;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Test-only stand-in for the two Stripe API calls order-service makes through stripe-java, as Stripe documents them:
 * {@code POST /v1/checkout/sessions} and {@code POST /v1/refunds}, form-encoded, {@code Authorization: Bearer <key>},
 * idempotent on {@code Idempotency-Key} (a repeat gets the first answer and creates nothing). It records each
 * session's fields, counts the refunds it made per payment intent and the calls per key, can answer 503, and
 * builds the signed webhook events Stripe would send ({@link #completed}, {@link #signature}).
 */
@ApplicationScoped
@Path("/test-double/stripe/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class StripeDouble {

    /** The same values as {@code %test.agrilink.payment.stripe.*}. */
    public static final String API_KEY = "sk_test_agrilink";
    public static final String WEBHOOK_SECRET = "whsec_agrilink_test";

    private static final AtomicLong IDS = new AtomicLong(1000);

    /** One Checkout Session as created: the form stripe-java sent. */
    public record CreatedSession(String id, Map<String, String> form, String idempotencyKey) {
    }

    private final Map<String, CreatedSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Object> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> callsPerKey = new ConcurrentHashMap<>();
    private final Map<String, List<String>> refundsPerIntent = new ConcurrentHashMap<>();
    private volatile boolean down;

    @POST
    @PermitAll
    @Path("/checkout/sessions")
    public Response createSession(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String auth,
            @HeaderParam("Idempotency-Key") String key) {
        Response refused = refused(auth, key);
        if (refused != null) {
            return refused;
        }
        Object answer = answers.computeIfAbsent("checkout/" + key, k -> {
            String id = "cs_test_" + IDS.incrementAndGet();
            Map<String, String> fields = flat(form);
            sessions.put(id, new CreatedSession(id, fields, key));
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("id", id);
            session.put("object", "checkout.session");
            session.put("mode", fields.get("mode"));
            session.put("status", "open");
            session.put("payment_status", "unpaid");
            session.put("currency", fields.get("line_items[0][price_data][currency]"));
            session.put("amount_total", Long.valueOf(fields.get("line_items[0][price_data][unit_amount]")));
            session.put("client_reference_id", fields.get("client_reference_id"));
            session.put("metadata", Map.of("orderId", fields.get("metadata[orderId]"), "paymentId",
                    fields.get("metadata[paymentId]")));
            session.put("expires_at", Long.valueOf(fields.get("expires_at")));
            session.put("success_url", fields.get("success_url"));
            session.put("cancel_url", fields.get("cancel_url"));
            session.put("url", "http://localhost:18082/test-double/stripe/pay/" + id);
            return session;
        });
        return Response.ok(answer).build();
    }

    @POST
    @PermitAll
    @Path("/refunds")
    public Response createRefund(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String auth,
            @HeaderParam("Idempotency-Key") String key) {
        Response refused = refused(auth, key);
        if (refused != null) {
            return refused;
        }
        String intent = form.getFirst("payment_intent");
        if (intent == null || !intent.startsWith("pi_")) {
            return Response.status(400).entity(Map.of("error", Map.of("type", "invalid_request_error",
                    "message", "No such payment_intent: '" + intent + "'", "param", "payment_intent"))).build();
        }
        Object answer = answers.computeIfAbsent("refund/" + key, k -> {
            String id = "re_test_" + IDS.incrementAndGet();
            refundsPerIntent.computeIfAbsent(intent, i -> new CopyOnWriteArrayList<>()).add(id);
            return Map.of("id", id, "object", "refund", "amount", Long.valueOf(form.getFirst("amount")), "currency",
                    "vnd", "payment_intent", intent, "status", "succeeded");
        });
        return Response.ok(answer).build();
    }

    private Response refused(String auth, String key) {
        if (key != null) {
            callsPerKey.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }
        if (!("Bearer " + API_KEY).equals(auth)) {
            return Response.status(401).entity(Map.of("error", Map.of("type", "invalid_request_error",
                    "message", "Invalid API Key provided"))).build();
        }
        if (down) {
            return Response.status(503).entity(Map.of("error", Map.of("type", "api_error", "message",
                    "Stripe is down (test double)"))).build();
        }
        return null;
    }

    private static Map<String, String> flat(MultivaluedMap<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> fields.put(name, values.getFirst()));
        return fields;
    }

    // ------------------------------------------------------------ for tests

    public CreatedSession session(String id) {
        return sessions.get(id);
    }

    /** Refunds made of this payment intent (a repeat with the same key is not a second refund). */
    public int refundsMade(String paymentIntent) {
        return refundsPerIntent.getOrDefault(paymentIntent, List.of()).size();
    }

    /** Calls made with this idempotency key, including those answered 503. */
    public long calls(String idempotencyKey) {
        AtomicLong calls = callsPerKey.get(idempotencyKey);
        return calls == null ? 0 : calls.get();
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** The {@code checkout.session.completed} event Stripe sends once the buyer paid the session. */
    public String completed(String eventId, String sessionId, String paymentIntent, long amountTotal) {
        return event(eventId, "checkout.session.completed", sessionId, paymentIntent, amountTotal, "paid");
    }

    public String event(String eventId, String type, String sessionId, String paymentIntent, long amountTotal,
            String paymentStatus) {
        CreatedSession created = sessions.get(sessionId);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", sessionId);
        session.put("object", "checkout.session");
        session.put("amount_total", amountTotal);
        session.put("currency", "vnd");
        session.put("client_reference_id", created.form().get("client_reference_id"));
        session.put("metadata", Map.of("orderId", created.form().get("metadata[orderId]"), "paymentId",
                created.form().get("metadata[paymentId]")));
        session.put("payment_intent", paymentIntent);
        session.put("payment_status", paymentStatus);
        session.put("status", "checkout.session.expired".equals(type) ? "expired" : "complete");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", "2025-01-27.acacia");
        event.put("created", Instant.now().getEpochSecond());
        event.put("type", type);
        event.put("data", Map.of("object", session));
        try {
            return new ObjectMapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Stripe-Signature} as Stripe computes it: {@code t=<time>,v1=<hex HMAC-SHA256(secret, "t.payload")>}. */
    public static String signature(String payload, String secret, Instant signedAt) {
        long t = signedAt.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
