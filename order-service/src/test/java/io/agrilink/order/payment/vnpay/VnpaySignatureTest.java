package io.agrilink.order.payment.vnpay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * VNPay's checksum against its documentation. VNPay's integration guide
 * (https://sandbox.vnpayment.vn/apis/docs/huong-dan-tich-hop/, "Tạo URL Thanh toán") publishes this pay URL:
 * <pre>
 * https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=1806000&amp;vnp_Command=pay&amp;vnp_CreateDate=20210801153333
 * &amp;vnp_CurrCode=VND&amp;vnp_IpAddr=127.0.0.1&amp;vnp_Locale=vn&amp;vnp_OrderInfo=Thanh+toan+don+hang+%3A5&amp;vnp_OrderType=other
 * &amp;vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&amp;vnp_TmnCode=DEMOV210&amp;vnp_TxnRef=5&amp;vnp_Version=2.1.0
 * &amp;vnp_SecureHash=3e0d61a0…
 * </pre>
 * but not the hash secret of {@code DEMOV210}, so its hash cannot be recomputed. The tests check that the text we
 * sign is exactly the documented query string, and the HMAC-SHA512 values were computed independently with
 * OpenSSL 3.0: {@code printf '%s' "$DATA" | openssl dgst -sha512 -hmac 'AGRILINKTESTSECRETVNPAY000000000'}.
 */
class VnpaySignatureTest {

    static final String SECRET = "AGRILINKTESTSECRETVNPAY000000000";
    static final String DOCUMENTED_QUERY = "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333"
            + "&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5"
            + "&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210"
            + "&vnp_TxnRef=5&vnp_Version=2.1.0";
    static final String OPENSSL_PAY_HASH = "2b52dde1ca9eda95cd349bafbb10bbfbc37fcf34cf393c9a78fe81db27185b7f"
            + "75af0c96e862af44759864791b8777cd017c2a07e7f662c3a944a15084c642b0";

    static Map<String, String> documentedFields() {
        // in the order a merchant might put them: the signature sorts them
        Map<String, String> fields = new HashMap<>();
        fields.put("vnp_Version", "2.1.0");
        fields.put("vnp_Command", "pay");
        fields.put("vnp_TmnCode", "DEMOV210");
        fields.put("vnp_Amount", "1806000");
        fields.put("vnp_CurrCode", "VND");
        fields.put("vnp_TxnRef", "5");
        fields.put("vnp_OrderInfo", "Thanh toan don hang :5");
        fields.put("vnp_OrderType", "other");
        fields.put("vnp_Locale", "vn");
        fields.put("vnp_ReturnUrl", "https://domainmerchant.vn/ReturnUrl");
        fields.put("vnp_IpAddr", "127.0.0.1");
        fields.put("vnp_CreateDate", "20210801153333");
        return fields;
    }

    @Test
    void hashDataIsTheDocumentedQueryString() {
        assertEquals(DOCUMENTED_QUERY, VnpaySignature.hashData(documentedFields()));
    }

    @Test
    void signsTheDocumentedFieldsAsOpensslDoes() {
        assertEquals(OPENSSL_PAY_HASH, VnpaySignature.sign(SECRET, documentedFields()));
    }

    @Test
    void verificationLeavesOutTheHashFieldsEmptyOnesAndOtherParameters() {
        Map<String, String> ipn = documentedFields();
        ipn.put("vnp_BankCode", "");
        ipn.put("utm_source", "added-by-a-proxy");
        ipn.put("vnp_SecureHashType", "HmacSHA512");
        ipn.put("vnp_SecureHash", OPENSSL_PAY_HASH.toUpperCase());
        assertTrue(VnpaySignature.verify(SECRET, ipn));
    }

    @Test
    void refusesATamperedFieldAWrongSecretAndAMissingHash() {
        Map<String, String> ipn = documentedFields();
        ipn.put("vnp_SecureHash", OPENSSL_PAY_HASH);
        ipn.put("vnp_Amount", "1806100");
        assertFalse(VnpaySignature.verify(SECRET, ipn));

        Map<String, String> other = documentedFields();
        other.put("vnp_SecureHash", OPENSSL_PAY_HASH);
        assertFalse(VnpaySignature.verify("ANOTHERSECRET", other));

        assertFalse(VnpaySignature.verify(SECRET, documentedFields()));
    }

    @Test
    void signsARefundRequestOverItsValuesJoinedByBars() {
        // the refund API's documented order: RequestId|Version|Command|TmnCode|TransactionType|TxnRef|Amount|
        // TransactionNo|TransactionDate|CreateBy|CreateDate|IpAddr|OrderInfo
        List<String> values = List.of("20260601101500AGL7", "2.1.0", "refund", "AGRITEST", "02", "AGL7-3", "25000000",
                "14512345", "20260601091500", "staff", "20260601101500", "127.0.0.1", "Hoan tien don hang AGL7");
        assertEquals("1e5230d744c1606d4333935752c493953fed3d33a3b1e239106ed352629e3966"
                + "175fc563b5a990c0fa7ba16382f5e37f34a25c62308a8af79c4bdf53df391059",
                VnpaySignature.signValues(SECRET, values));
    }
}
