package io.agrilink.order.payment.bank;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bank-notification service's signature: {@code X-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * the raw body bytes under the shared secret, compared in constant time.
 */
final class NotificationSignature {

    static final String HEADER = "X-Signature";
    private static final String SCHEME = "sha256=";
    private static final String HMAC = "HmacSHA256";

    private NotificationSignature() {
    }

    /** The header value that signs {@code body} under {@code secret}. */
    static String of(String secret, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(secret, body));
    }

    /**
     * Whether {@code header} signs exactly {@code body} under {@code secret}. A missing header, another
     * scheme or a value that is not 64 hex digits is simply false; the digests are compared with
     * {@link MessageDigest#isEqual}, which takes the same time wherever they differ.
     */
    static boolean verifies(String secret, byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), claimed);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
