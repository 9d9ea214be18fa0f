package io.agrilink.suite.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.agrilink.suite.PaymentSecrets;

/**
 * The sandboxes speak their providers' protocols: checked here against a stand-in for
 * order-service that records what it receives, with the signatures computed independently
 * in the test as each provider's documentation describes them.
 */
class PaymentSandboxesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One request the stand-in for order-service received. */
    record Received(String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    @TempDir
    static Path data;
    private static PaymentSecrets secrets;
    private static PaymentSandboxes sandboxes;
    private static HttpServer orderService;
    private static final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        orderService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        orderService.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            String answer = switch (exchange.getRequestURI().getPath()) {
                case "/payments/bank-notifications" -> "{\"success\":true,\"outcome\":\"CONFIRMED\"}";
                case "/payments/vnpay/ipn" -> "{\"RspCode\":\"00\",\"Message\":\"Confirm Success\"}";
                default -> "{}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        orderService.start();
        secrets = PaymentSecrets.in(data.resolve("payments"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        sandboxes = new PaymentSandboxes(new PaymentSandboxes.Settings(port,
                "http://localhost:" + orderService.getAddress().getPort(), secrets, "970436", "0071000888888",
                "HTX NONG SAN LUC NGAN"));
        sandboxes.start();
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        orderService.stop(0);
    }

    @Test
    void readsThePublishedVietQrExampleAndRefusesAWrongCrc() {
        // README of the npm package vietnam-qr-pay 1.1.0 (https://libraries.io/npm/vietnam-qr-pay/1.1.0):
        // ACB (BIN 970416), account 257678859, 10,000 đ, purpose "Chuyen tien", CRC 53E6
        String example = "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA"
                + "53037045405100005802VN62150811Chuyen tien630453E6";
        assertEquals(new EmvQr("970416", "257678859", 10_000L, "704", "VN", "Chuyen tien"), EmvQr.parse(example));
        // CRC-16/CCITT-FALSE's check value (reveng.sourceforge.io/crc-catalogue, CRC-16/IBM-3740)
        assertEquals("29B1", EmvQr.crc("123456789"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> EmvQr.parse(example.replace("10000", "90000")));
        assertTrue(wrong.getMessage().startsWith("CRC sai"), wrong.getMessage());
    }

    @Test
    void theBankTransfersWhatTheCodeSaysAndPostsTheNotificationSignedOverItsRawBody() throws Exception {
        int before = received.size();
        JsonNode answer = post("/bank/api/transfers", Map.of("payload", merchantCode(250_000, "AGL1234")));
        assertEquals("CONFIRMED", answer.path("outcome").asText());
        assertEquals(200, answer.path("status").asInt());

        Received notification = received.get(before);
        assertEquals("/payments/bank-notifications", notification.path());
        assertEquals("sha256=" + hmac("HmacSHA256", secrets.bankNotificationSecret(), notification.body()),
                notification.header("X-Signature"));
        JsonNode body = JSON.readTree(notification.body());
        assertEquals(250_000, body.path("transferAmount").asLong());
        assertEquals("in", body.path("transferType").asText());
        assertEquals("0071000888888", body.path("accountNumber").asText());
        assertTrue(body.path("content").asText().startsWith("AGL1234 "), body.toString());
        assertTrue(body.path("id").asLong() > 0);

        // an edited amount (the page lets the buyer underpay) and a new transaction id
        JsonNode underpaid = post("/bank/api/transfers", Map.of("payload", merchantCode(250_000, "AGL1234"), "amount", 200_000));
        JsonNode second = JSON.readTree(received.get(before + 1).body());
        assertEquals(200_000, second.path("transferAmount").asLong());
        assertNotEquals(body.path("id").asLong(), second.path("id").asLong());
        assertEquals("CONFIRMED", underpaid.path("outcome").asText(), "the merchant's answer, relayed");
    }

    @Test
    void theBankRefusesACodeForAnotherAccountAndNotifiesNothing() throws Exception {
        int before = received.size();
        String elsewhere = code("970416", "257678859", 10_000, "AGL1");
        HttpResponse<String> refused = postRaw("/bank/api/transfers", Map.of("payload", elsewhere));
        assertEquals(400, refused.statusCode());
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(sandboxes.url() + "/bank/?payload="
                + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("SANDBOX"), "every page says it is a sandbox");
        assertEquals(before, received.size(), "no notification");
    }

    @Test
    void vnpayTakesAPayUrlSignedAsItsJavaSampleSignsItAndRefusesAForgedOne() throws Exception {
        String payUrl = vnpayPayUrl("AGL77-1", 150_000);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(payUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"vnpay-pay\"") && page.body().contains("150.000 ₫"), page.body());

        String forged = payUrl.replace("vnp_Amount=15000000", "vnp_Amount=1500000");
        assertEquals(400, HTTP.send(HttpRequest.newBuilder(URI.create(forged)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void vnpayPaysCallsTheIpnSignedAndSendsTheBuyerBackThenRefundsOnceThroughItsSignedApi() throws Exception {
        String payUrl = vnpayPayUrl("AGL78-2", 90_000);
        int before = received.size();
        HttpResponse<String> paid = HTTP.send(HttpRequest.newBuilder(URI.create(sandboxes.url() + "/vnpay/paymentv2/pay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(URI.create(payUrl).getRawQuery(),
                        StandardCharsets.UTF_8) + "&action=pay")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, paid.statusCode(), paid.body());
        String back = paid.headers().firstValue("Location").orElseThrow();
        assertTrue(back.startsWith("http://localhost:8085/my/orders/78/payment?"), back);

        Received ipn = received.get(before);
        assertEquals("/payments/vnpay/ipn", ipn.path());
        Map<String, String> fields = SandboxHttp.decode(ipn.rawQuery());
        assertEquals(vnpaySignature(fields), fields.get("vnp_SecureHash"), "the IPN is signed as VNPay signs it");
        assertEquals("00", fields.get("vnp_ResponseCode"));
        assertEquals("00", fields.get("vnp_TransactionStatus"));
        assertEquals("9000000", fields.get("vnp_Amount"));
        assertEquals("AGL78-2", fields.get("vnp_TxnRef"));
        assertEquals(SandboxHttp.decode(URI.create(back).getRawQuery()), fields, "the return carries the same fields");
        assertEquals("00 Confirm Success", sandboxes.vnpay().ipnAnswers().get(sandboxes.vnpay().ipnAnswers().size() - 1));

        Map<String, String> refund = vnpayRefund("r-78-1", "AGL78-2", 9_000_000, fields.get("vnp_TransactionNo"),
                fields.get("vnp_PayDate"));
        JsonNode done = post("/vnpay/merchant_webapi/api/transaction", refund);
        assertEquals("00", done.path("vnp_ResponseCode").asText(), done.toString());
        List<String> signed = List.of("vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
                "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
                "vnp_TransactionStatus", "vnp_OrderInfo");
        assertEquals(hmac("HmacSHA512", secrets.vnpayHashSecret(), String.join("|",
                signed.stream().map(name -> done.path(name).asText()).toList()).getBytes(StandardCharsets.UTF_8)),
                done.path("vnp_SecureHash").asText(), "the answer is signed");
        assertEquals("94", post("/vnpay/merchant_webapi/api/transaction", refund).path("vnp_ResponseCode").asText(),
                "the same request id again");
        assertEquals("03", post("/vnpay/merchant_webapi/api/transaction", vnpayRefund("r-78-2", "AGL78-2", 100,
                fields.get("vnp_TransactionNo"), fields.get("vnp_PayDate"))).path("vnp_ResponseCode").asText(),
                "nothing left to refund");
        Map<String, String> forged = new LinkedHashMap<>(vnpayRefund("r-78-3", "AGL78-2", 100,
                fields.get("vnp_TransactionNo"), fields.get("vnp_PayDate")));
        forged.put("vnp_Amount", "200");
        assertEquals("97", post("/vnpay/merchant_webapi/api/transaction", forged).path("vnp_ResponseCode").asText());
        assertEquals(1, sandboxes.vnpay().refundsOf("AGL78-2").size());

        sandboxes.vnpay().outage(true);
        try {
            assertEquals(503, postRaw("/vnpay/merchant_webapi/api/transaction", refund).statusCode());
        } finally {
            sandboxes.vnpay().outage(false);
        }
    }

    @Test
    void stripeCreatesACheckoutSessionForTheKeyOnlyAndItsPaymentSendsASignedEvent() throws Exception {
        Map<String, String> session = new LinkedHashMap<>();
        session.put("mode", "payment");
        session.put("success_url", "http://localhost:8085/my/orders/91/payment");
        session.put("cancel_url", "http://localhost:8085/my/orders/91/payment");
        session.put("client_reference_id", "5");
        session.put("metadata[orderId]", "91");
        session.put("metadata[paymentId]", "5");
        session.put("line_items[0][quantity]", "1");
        session.put("line_items[0][price_data][currency]", "vnd");
        session.put("line_items[0][price_data][unit_amount]", "520000");
        session.put("line_items[0][price_data][product_data][name]", "AgriLink order AGL91-5");
        assertEquals(401, stripe("/stripe/v1/checkout/sessions", session, "sk_test_wrong", "checkout-5").statusCode());
        HttpResponse<String> created = stripe("/stripe/v1/checkout/sessions", session, secrets.stripeApiKey(), "checkout-5");
        assertEquals(200, created.statusCode(), created.body());
        JsonNode checkout = JSON.readTree(created.body());
        assertEquals("checkout.session", checkout.path("object").asText());
        assertEquals(520_000, checkout.path("amount_total").asLong());
        assertEquals("open", checkout.path("status").asText());
        assertEquals(checkout.path("id").asText(), JSON.readTree(stripe("/stripe/v1/checkout/sessions", session,
                secrets.stripeApiKey(), "checkout-5").body()).path("id").asText(), "the same Idempotency-Key, the same session");

        int before = received.size();
        HttpResponse<String> paid = HTTP.send(HttpRequest.newBuilder(URI.create(checkout.path("url").asText()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, paid.statusCode());
        assertEquals("http://localhost:8085/my/orders/91/payment", paid.headers().firstValue("Location").orElseThrow());
        Received webhook = received.get(before);
        assertEquals("/payments/stripe/webhook", webhook.path());
        Map<String, String> signature = new LinkedHashMap<>();
        for (String part : webhook.header("Stripe-Signature").split(",")) {
            signature.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        }
        assertEquals(hmac("HmacSHA256", secrets.stripeWebhookSecret(), (signature.get("t") + "."
                + new String(webhook.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)), signature.get("v1"));
        JsonNode event = JSON.readTree(webhook.body());
        assertEquals("checkout.session.completed", event.path("type").asText());
        JsonNode object = event.path("data").path("object");
        assertEquals("paid", object.path("payment_status").asText());
        assertEquals("5", object.path("metadata").path("paymentId").asText());
        String intent = object.path("payment_intent").asText();
        assertTrue(intent.startsWith("pi_"), intent);

        Map<String, String> refund = Map.of("payment_intent", intent, "amount", "520000");
        JsonNode first = JSON.readTree(stripe("/stripe/v1/refunds", refund, secrets.stripeApiKey(), "refund-1").body());
        assertEquals("succeeded", first.path("status").asText());
        assertEquals(first.path("id").asText(), JSON.readTree(stripe("/stripe/v1/refunds", refund, secrets.stripeApiKey(),
                "refund-1").body()).path("id").asText(), "a retry with the same key is the same refund");
        HttpResponse<String> again = stripe("/stripe/v1/refunds", refund, secrets.stripeApiKey(), "refund-2");
        assertEquals(400, again.statusCode());
        assertEquals("charge_already_refunded", JSON.readTree(again.body()).path("error").path("code").asText());
        assertEquals(1, sandboxes.stripe().refundsOf(intent).size());
    }

    /** A VietQR code to the merchant's account, written out field by field. */
    private static String merchantCode(long amount, String reference) {
        return code("970436", "0071000888888", amount, reference);
    }

    private static String code(String bin, String account, long amount, String reference) {
        String beneficiary = tlv("00", bin) + tlv("01", account);
        String napas = tlv("00", "A000000727") + tlv("01", beneficiary) + tlv("02", "QRIBFTTA");
        String body = tlv("00", "01") + tlv("01", "12") + tlv("38", napas) + tlv("53", "704")
                + tlv("54", Long.toString(amount)) + tlv("58", "VN") + tlv("62", tlv("08", reference)) + "6304";
        return body + EmvQr.crc(body);
    }

    private static String tlv(String tag, String value) {
        return tag + String.format("%02d", value.length()) + value;
    }

    /** A pay URL as VNPay's Java sample builds one: fields sorted, values URL-encoded (US-ASCII), HMAC-SHA512. */
    private static String vnpayPayUrl(String txnRef, long dong) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("vnp_Version", "2.1.0");
        fields.put("vnp_Command", "pay");
        fields.put("vnp_TmnCode", secrets.vnpayTmnCode());
        fields.put("vnp_Amount", Long.toString(dong * 100));
        fields.put("vnp_CurrCode", "VND");
        fields.put("vnp_TxnRef", txnRef);
        fields.put("vnp_OrderInfo", "Thanh toan don hang " + txnRef);
        fields.put("vnp_OrderType", "other");
        fields.put("vnp_Locale", "vn");
        fields.put("vnp_ReturnUrl", "http://localhost:8085/my/orders/" + txnRef.substring(3, txnRef.indexOf('-')) + "/payment");
        fields.put("vnp_IpAddr", "127.0.0.1");
        fields.put("vnp_CreateDate", "20260610091500");
        fields.put("vnp_ExpireDate", "20991231235959");
        StringBuilder query = new StringBuilder();
        fields.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.US_ASCII)));
        return sandboxes.url() + "/vnpay/paymentv2/vpcpay.html?" + query + "&vnp_SecureHash="
                + hmac("HmacSHA512", secrets.vnpayHashSecret(), query.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static String vnpaySignature(Map<String, String> fields) {
        StringBuilder data = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!name.equals("vnp_SecureHash") && !name.equals("vnp_SecureHashType") && !value.isEmpty()) {
                data.append(data.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.US_ASCII));
            }
        });
        return hmac("HmacSHA512", secrets.vnpayHashSecret(), data.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** A refund request signed over VNPay's documented field order joined by "|". */
    private static Map<String, String> vnpayRefund(String requestId, String txnRef, long amount, String transactionNo,
            String transactionDate) {
        Map<String, String> refund = new LinkedHashMap<>();
        refund.put("vnp_RequestId", requestId);
        refund.put("vnp_Version", "2.1.0");
        refund.put("vnp_Command", "refund");
        refund.put("vnp_TmnCode", secrets.vnpayTmnCode());
        refund.put("vnp_TransactionType", "02");
        refund.put("vnp_TxnRef", txnRef);
        refund.put("vnp_Amount", Long.toString(amount));
        refund.put("vnp_TransactionNo", transactionNo);
        refund.put("vnp_TransactionDate", transactionDate);
        refund.put("vnp_CreateBy", "staff-hoa");
        refund.put("vnp_CreateDate", "20260610101500");
        refund.put("vnp_IpAddr", "127.0.0.1");
        refund.put("vnp_OrderInfo", "Hoan tien don hang");
        refund.put("vnp_SecureHash", hmac("HmacSHA512", secrets.vnpayHashSecret(),
                String.join("|", refund.values()).getBytes(StandardCharsets.UTF_8)));
        return refund;
    }

    private static HttpResponse<String> stripe(String path, Map<String, String> form, String key, String idempotencyKey)
            throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandboxes.url() + path))
                .header("Authorization", "Bearer " + key).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(String path, Object body) throws Exception {
        HttpResponse<String> response = postRaw(path, body);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> postRaw(String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandboxes.url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String hmac(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
