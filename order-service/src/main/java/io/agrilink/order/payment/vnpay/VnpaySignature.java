package io.agrilink.order.payment.vnpay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNPay's checksum (API version 2.1.0, sandbox.vnpayment.vn/apis/docs/huong-dan-tich-hop): the lower-case hex
 * HMAC-SHA512 of a text with the merchant's hash secret.
 * <p>
 * For the pay URL, its return and its IPN the text is the {@code vnp_*} fields sorted by name, each
 * {@code name=URLEncoder(value, US-ASCII)}, joined by {@code &} (what VNPay's Java sample hashes, so the text is the
 * query string itself); other parameters, empty fields and the hash fields themselves are left out. For the
 * merchant web API (refund) it is the request's values in the documented order joined by {@code |}.
 */
public final class VnpaySignature {

    public static final String SECURE_HASH = "vnp_SecureHash";
    public static final String SECURE_HASH_TYPE = "vnp_SecureHashType";

    /** VNPay signs its own fields only: a parameter a proxy or a tracker adds is not part of the checksum. */
    private static final String PREFIX = "vnp_";
    private static final String ALGORITHM = "HmacSHA512";

    private VnpaySignature() {
    }

    /** The text a pay URL or an IPN is signed over, which is also the query string without the hash. */
    public static String hashData(Map<String, String> fields) {
        StringJoiner data = new StringJoiner("&");
        new TreeMap<>(fields).forEach((name, value) -> {
            if (name.startsWith(PREFIX) && !SECURE_HASH.equals(name) && !SECURE_HASH_TYPE.equals(name)
                    && value != null && !value.isEmpty()) {
                data.add(name + "=" + URLEncoder.encode(value, StandardCharsets.US_ASCII));
            }
        });
        return data.toString();
    }

    /** The checksum of the fields of a pay URL, to send as {@code vnp_SecureHash}. */
    public static String sign(String secret, Map<String, String> fields) {
        return hmac(secret, hashData(fields));
    }

    /** The checksum of a merchant web API request or answer: its values in VNPay's order, joined by {@code |}. */
    public static String signValues(String secret, List<String> values) {
        return hmac(secret, String.join("|", values.stream().map(v -> v == null ? "" : v).toList()));
    }

    /**
     * Whether the fields (a return or an IPN, with their {@code vnp_SecureHash}) were signed with the secret;
     * compared in constant time, the hex in either case.
     */
    public static boolean verify(String secret, Map<String, String> fields) {
        String given = fields.get(SECURE_HASH);
        return given != null && same(sign(secret, fields), given);
    }

    /** Two hex checksums compared in constant time, ignoring case. */
    public static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Lower-case hex HMAC-SHA512 of the text's UTF-8 bytes. */
    public static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is part of every JDK", e);
        }
    }
}
