package io.agrilink.suite.sandbox;

import static io.agrilink.suite.sandbox.SandboxHttp.escape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * The part of Stripe's API that AgriLink uses, as stripe-java 31 calls it (form-encoded requests,
 * {@code Authorization: Bearer sk_test_…}, {@code Idempotency-Key}; JSON answers shaped as Stripe's
 * objects): {@code POST /stripe/v1/checkout/sessions}, {@code GET /stripe/v1/checkout/sessions/{id}},
 * {@code POST /stripe/v1/refunds}; and Stripe Checkout's page {@code /stripe/pay/{id}}, whose pay
 * button ({@code #stripe-pay}) sends the event {@code checkout.session.completed} to the merchant's
 * webhook, signed {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, "t.payload")>},
 * and sends the browser to {@code success_url}.
 */
public final class StripeSandbox {

    /** The API version stripe-java 31.0.0 pins; events say it as Stripe's do. */
    static final String API_VERSION = "2025-11-17.clover";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A Checkout Session; {@code paymentIntent} is set when it is paid. */
    private static final class Session {
        final String id;
        final long amountTotal;
        final String currency;
        final String successUrl;
        final String cancelUrl;
        final String clientReferenceId;
        final Map<String, String> metadata;
        final long expiresAt;
        final long created = Instant.now().getEpochSecond();
        final String description;
        volatile String status = "open";
        volatile String paymentStatus = "unpaid";
        volatile String paymentIntent;

        Session(String id, long amountTotal, String currency, String successUrl, String cancelUrl,
                String clientReferenceId, Map<String, String> metadata, long expiresAt, String description) {
            this.id = id;
            this.amountTotal = amountTotal;
            this.currency = currency;
            this.successUrl = successUrl;
            this.cancelUrl = cancelUrl;
            this.clientReferenceId = clientReferenceId;
            this.metadata = metadata;
            this.expiresAt = expiresAt;
            this.description = description;
        }
    }

    /** A refund Stripe made. */
    public record Refund(String id, String paymentIntent, long amount, String idempotencyKey) {
    }

    private final PaymentSandboxes.Settings settings;
    private final HttpClient http;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> byPaymentIntent = new ConcurrentHashMap<>();
    /** Stripe answers a repeated Idempotency-Key with the first answer; so does the sandbox. */
    private final Map<String, Object> idempotent = new ConcurrentHashMap<>();
    private final List<Refund> refunds = new CopyOnWriteArrayList<>();
    private final List<String> webhookAnswers = new CopyOnWriteArrayList<>();
    private final AtomicLong refundCalls = new AtomicLong();
    private final AtomicBoolean outage = new AtomicBoolean();

    StripeSandbox(PaymentSandboxes.Settings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** While on, Stripe's API and pages answer 503 (an outage). */
    public void outage(boolean on) {
        outage.set(on);
    }

    /** The refunds made on {@code paymentIntent}. */
    public List<Refund> refundsOf(String paymentIntent) {
        return refunds.stream().filter(r -> r.paymentIntent().equals(paymentIntent)).toList();
    }

    /** Every call of {@code POST /v1/refunds}, answered or refused. */
    public long refundCalls() {
        return refundCalls.get();
    }

    /** The webhook's answers to the events sent, oldest first ({@code "200"}, ...). */
    public List<String> webhookAnswers() {
        return List.copyOf(webhookAnswers);
    }

    /** The payment intent of a paid session, or null. */
    public String paymentIntentOf(String sessionId) {
        Session session = sessions.get(sessionId);
        return session == null ? null : session.paymentIntent;
    }

    void handle(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (outage.get()) {
            if (path.startsWith("/stripe/v1/")) {
                refundCalls.addAndGet(path.equals("/stripe/v1/refunds") ? 1 : 0);
                exchange.getResponseHeaders().set("Stripe-Should-Retry", "true");
                error(exchange, 503, "api_error", null, "Stripe sandbox outage (POST /sandbox/outage?provider=stripe&on=false ends it)");
            } else {
                SandboxHttp.html(exchange, 503, SandboxHttp.page("Stripe", "Tạm thời gián đoạn", "<p class=\"error\">Outage</p>"));
            }
            return;
        }
        if (path.startsWith("/stripe/v1/")) {
            if (!authorised(exchange)) {
                error(exchange, 401, "invalid_request_error", null, "Invalid API Key provided");
                return;
            }
            if (path.equals("/stripe/v1/checkout/sessions") && method.equals("POST")) {
                createSession(exchange);
            } else if (path.startsWith("/stripe/v1/checkout/sessions/") && method.equals("GET")) {
                Session session = sessions.get(path.substring("/stripe/v1/checkout/sessions/".length()));
                if (session == null) {
                    error(exchange, 404, "invalid_request_error", "resource_missing", "No such checkout.session");
                } else {
                    SandboxHttp.json(exchange, 200, json(session));
                }
            } else if (path.equals("/stripe/v1/refunds") && method.equals("POST")) {
                refund(exchange);
            } else {
                error(exchange, 404, "invalid_request_error", null, "Unrecognized request URL (" + method + " " + path
                        + ") in the Stripe sandbox");
            }
        } else if (path.startsWith("/stripe/pay/")) {
            Session session = sessions.get(path.substring("/stripe/pay/".length()));
            if (session == null) {
                SandboxHttp.html(exchange, 404, SandboxHttp.page("Stripe", "Không tìm thấy phiên thanh toán", ""));
            } else if (method.equals("POST")) {
                pay(exchange, session);
            } else {
                payPage(exchange, session);
            }
        } else {
            SandboxHttp.json(exchange, 404, Map.of("error", "no such Stripe sandbox URL"));
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Bearer " + settings.secrets().stripeApiKey();
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private void createSession(HttpExchange exchange) throws IOException {
        Map<String, String> form = SandboxHttp.form(exchange);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && idempotent.get("session:" + key) instanceof Session earlier) {
            SandboxHttp.json(exchange, 200, json(earlier));
            return;
        }
        if (!"payment".equals(form.get("mode"))) {
            error(exchange, 400, "invalid_request_error", "parameter_missing", "mode must be payment");
            return;
        }
        if (form.get("success_url") == null) {
            error(exchange, 400, "invalid_request_error", "parameter_missing", "Missing required param: success_url.");
            return;
        }
        long total = 0;
        String currency = null;
        String description = null;
        for (int i = 0; form.containsKey("line_items[" + i + "][quantity]"); i++) {
            String prefix = "line_items[" + i + "][price_data]";
            String lineCurrency = form.get(prefix + "[currency]");
            if (lineCurrency == null || (currency != null && !currency.equals(lineCurrency))) {
                error(exchange, 400, "invalid_request_error", "parameter_invalid", "every line needs price_data[currency], the same");
                return;
            }
            currency = lineCurrency;
            try {
                total += Long.parseLong(form.get(prefix + "[unit_amount]"))
                        * Long.parseLong(form.get("line_items[" + i + "][quantity]"));
            } catch (NumberFormatException e) {
                error(exchange, 400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: unit_amount");
                return;
            }
            if (description == null) {
                description = form.get(prefix + "[product_data][name]");
            }
        }
        if (currency == null || total <= 0) {
            error(exchange, 400, "invalid_request_error", "parameter_missing", "Missing required param: line_items.");
            return;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        long now = Instant.now().getEpochSecond();
        long expiresAt = form.containsKey("expires_at") ? Long.parseLong(form.get("expires_at")) : now + 86_400;
        if (expiresAt < now + 1_800 - 60 || expiresAt > now + 86_400 + 60) {
            error(exchange, 400, "invalid_request_error", "parameter_invalid_integer",
                    "expires_at must be between 30 minutes and 24 hours from now");
            return;
        }
        Session session = new Session("cs_test_" + random(24), total, currency, form.get("success_url"),
                form.get("cancel_url"), form.get("client_reference_id"), metadata, expiresAt, description);
        sessions.put(session.id, session);
        if (key != null) {
            idempotent.put("session:" + key, session);
        }
        SandboxHttp.json(exchange, 200, json(session));
    }

    private void refund(HttpExchange exchange) throws IOException {
        refundCalls.incrementAndGet();
        Map<String, String> form = SandboxHttp.form(exchange);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && idempotent.get("refund:" + key) instanceof Refund earlier) {
            SandboxHttp.json(exchange, 200, json(earlier));
            return;
        }
        String intent = form.get("payment_intent");
        Session session = intent == null ? null : byPaymentIntent.get(intent);
        if (session == null) {
            error(exchange, 404, "invalid_request_error", "resource_missing", "No such payment_intent: '" + intent + "'");
            return;
        }
        synchronized (this) {
            long refunded = refundsOf(intent).stream().mapToLong(Refund::amount).sum();
            long amount;
            try {
                amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : session.amountTotal - refunded;
            } catch (NumberFormatException e) {
                error(exchange, 400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: amount");
                return;
            }
            if (refunded >= session.amountTotal) {
                error(exchange, 400, "invalid_request_error", "charge_already_refunded",
                        "Charge for payment intent " + intent + " has already been refunded.");
                return;
            }
            if (amount <= 0 || refunded + amount > session.amountTotal) {
                error(exchange, 400, "invalid_request_error", "amount_too_large", "Refund amount is greater than unrefunded amount on charge");
                return;
            }
            Refund refund = new Refund("re_" + random(24), intent, amount, key);
            refunds.add(refund);
            if (key != null) {
                idempotent.put("refund:" + key, refund);
            }
            SandboxHttp.json(exchange, 200, json(refund));
        }
    }

    private void payPage(HttpExchange exchange, Session session) throws IOException {
        if (!"open".equals(session.status)) {
            SandboxHttp.html(exchange, 200, SandboxHttp.page("Stripe Checkout", "Phiên thanh toán đã kết thúc",
                    "<p class=\"result\" id=\"stripe-state\">" + escape(session.status) + "</p>"));
            return;
        }
        SandboxHttp.html(exchange, 200, SandboxHttp.page("Stripe Checkout", "Thanh toán bằng thẻ quốc tế", """
                <dl>
                  <dt>Nội dung</dt><dd>%s</dd>
                  <dt>Số tiền</dt><dd id="stripe-amount">%s</dd>
                  <dt>Thẻ</dt><dd>4242 4242 4242 4242 (thẻ thử nghiệm của Stripe)</dd>
                </dl>
                <form method="post" action="/stripe/pay/%s">
                  <button id="stripe-pay" type="submit">Thanh toán</button>
                </form>
                %s""".formatted(escape(session.description == null ? "" : session.description),
                escape(SandboxHttp.dong(session.amountTotal)) + " (" + escape(session.currency.toUpperCase(java.util.Locale.ROOT)) + ")",
                escape(session.id), session.cancelUrl == null ? ""
                        : "<p><a id=\"stripe-cancel\" href=\"" + escape(session.cancelUrl) + "\">Quay lại, không thanh toán</a></p>")));
    }

    private void pay(HttpExchange exchange, Session session) throws IOException, InterruptedException {
        synchronized (session) {
            if (!"open".equals(session.status)) {
                SandboxHttp.seeOther(exchange, successUrl(session));
                return;
            }
            session.status = "complete";
            session.paymentStatus = "paid";
            session.paymentIntent = "pi_" + random(24);
            byPaymentIntent.put(session.paymentIntent, session);
        }
        webhookAnswers.add(sendEvent("checkout.session.completed", json(session)));
        SandboxHttp.seeOther(exchange, successUrl(session));
    }

    private static String successUrl(Session session) {
        return session.successUrl.replace("{CHECKOUT_SESSION_ID}", session.id);
    }

    /** Sends a signed event to the merchant's webhook; the answer's status, or what went wrong reaching it. */
    private String sendEvent(String type, Map<String, Object> object) throws InterruptedException {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + random(24));
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        try {
            String payload = SandboxHttp.JSON.writeValueAsString(event);
            long timestamp = Instant.now().getEpochSecond();
            String signature = SandboxHttp.hmacHex("HmacSHA256", settings.secrets().stripeWebhookSecret(),
                    timestamp + "." + payload);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(settings.orderServiceUrl() + "/payments/stripe/webhook"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", "t=" + timestamp + ",v1=" + signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Integer.toString(response.statusCode());
        } catch (IOException e) {
            return "unreachable " + e.getMessage();
        }
    }

    private Map<String, Object> json(Session session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", session.id);
        json.put("object", "checkout.session");
        json.put("amount_subtotal", session.amountTotal);
        json.put("amount_total", session.amountTotal);
        json.put("cancel_url", session.cancelUrl);
        json.put("client_reference_id", session.clientReferenceId);
        json.put("created", session.created);
        json.put("currency", session.currency);
        json.put("expires_at", session.expiresAt);
        json.put("livemode", false);
        json.put("metadata", session.metadata);
        json.put("mode", "payment");
        json.put("payment_intent", session.paymentIntent);
        json.put("payment_method_types", List.of("card"));
        json.put("payment_status", session.paymentStatus);
        json.put("status", session.status);
        json.put("success_url", session.successUrl);
        json.put("url", "open".equals(session.status) ? settings.publicUrl() + "/stripe/pay/" + session.id : null);
        return json;
    }

    private static Map<String, Object> json(Refund refund) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", refund.id());
        json.put("object", "refund");
        json.put("amount", refund.amount());
        json.put("created", Instant.now().getEpochSecond());
        json.put("currency", "vnd");
        json.put("metadata", Map.of());
        json.put("payment_intent", refund.paymentIntent());
        json.put("reason", null);
        json.put("status", "succeeded");
        return json;
    }

    private static void error(HttpExchange exchange, int status, String type, String code, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        SandboxHttp.json(exchange, status, Map.of("error", error));
    }

    private static String random(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
