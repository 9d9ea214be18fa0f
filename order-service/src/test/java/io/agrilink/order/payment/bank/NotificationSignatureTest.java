package io.agrilink.order.payment.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The webhook's signature scheme against the published HMAC-SHA256 vector, and what it refuses. */
class NotificationSignatureTest {

    @Test
    void signsWithHmacSha256AsRfc4231() {
        // RFC 4231, 4.3 Test Case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                NotificationSignature.of("Jefe", bytes("what do ya want for nothing?")));
    }

    @Test
    void verifiesOnlyTheSignatureOfTheseExactBytes() {
        String secret = "a-secret-of-thirty-two-characters";
        byte[] body = bytes("{\"id\":1,\"content\":\"AGL12\",\"transferAmount\":250000}");
        String signature = NotificationSignature.of(secret, body);

        assertTrue(NotificationSignature.verifies(secret, body, signature));
        assertTrue(NotificationSignature.verifies(secret, body, signature.toUpperCase().replace("SHA256=", "sha256=")),
                "hex digits in either case");
        assertFalse(NotificationSignature.verifies(secret, bytes("{\"id\":1,\"content\":\"AGL12\",\"transferAmount\":250001}"),
                signature), "another body");
        assertFalse(NotificationSignature.verifies("another-secret-of-32-characters!", body, signature), "another secret");
        assertFalse(NotificationSignature.verifies(secret, body, null), "no header");
        assertFalse(NotificationSignature.verifies(secret, body, ""), "empty header");
        assertFalse(NotificationSignature.verifies(secret, body, signature.substring("sha256=".length())), "no scheme");
        assertFalse(NotificationSignature.verifies(secret, body, "sha512=" + signature.substring(7)), "another scheme");
        assertFalse(NotificationSignature.verifies(secret, body, signature.substring(0, signature.length() - 2)), "cut short");
        assertFalse(NotificationSignature.verifies(secret, body, "sha256=zz" + signature.substring(9)), "not hex");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
