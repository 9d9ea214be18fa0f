package io.agrilink.order;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * The bank-notification service as the tests play it: SePay-shaped bodies, signed as it signs them
 * (its own HMAC here, not the service's), posted to {@code /payments/bank-notifications}.
 */
final class BankNotifications {

    /** The secret of the test profile ({@code %test.agrilink.payment.bank.notification-secret}). */
    static final String SECRET = "test-only-bank-notification-secret-0123456789";
    static final String PATH = "/payments/bank-notifications";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong TRANSACTIONS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 1L << 40));

    private BankNotifications() {
    }

    /** A bank transaction id not used before in this run. */
    static long transactionId() {
        return TRANSACTIONS.incrementAndGet();
    }

    /** An incoming transfer of {@code amount} đồng whose content is {@code content}, as its JSON fields. */
    static Map<String, Object> transfer(long transactionId, String content, long amount) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", transactionId);
        fields.put("gateway", "Vietcombank");
        fields.put("transactionDate", "2026-06-10 09:15:00");
        fields.put("accountNumber", "0071000888888");
        fields.put("code", null);
        fields.put("content", content);
        fields.put("transferType", "in");
        fields.put("transferAmount", amount);
        fields.put("accumulated", 19_077_000);
        fields.put("subAccount", null);
        fields.put("referenceCode", "FT26161" + transactionId);
        fields.put("description", "MBVCB.1234567.5678.NGUYEN VAN AN chuyen tien." + content);
        return fields;
    }

    static byte[] json(Object fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code X-Signature} for these bytes under {@code secret}. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the fields signed with the right secret. */
    static Response send(Map<String, Object> fields) {
        return send(json(fields));
    }

    /** Posts these exact bytes signed with the right secret. */
    static Response send(byte[] body) {
        return send(body, signature(SECRET, body));
    }

    /** Posts these exact bytes with this {@code X-Signature} (none when null). */
    static Response send(byte[] body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header("X-Signature", signature);
        }
        return request.post(PATH);
    }
}
