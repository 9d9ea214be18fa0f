package io.agrilink.order.doubles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agrilink.order.payment.vnpay.VnpaySignature;

/**
 * Test-only stand-in for VNPay's merchant web API ({@code POST merchant_webapi/api/transaction}, command
 * {@code refund}), speaking its documented protocol: the request's checksum is checked (97 when wrong), a
 * transaction is refunded once (a second request for it answers 94, as VNPay does) and the answer is signed.
 * It records every call, counts the refunds made per {@code vnp_TxnRef}, and can be switched to answer 503.
 * The IPN that VNPay sends is built by the tests with {@link #signed}.
 */
@ApplicationScoped
@Path("/test-double/vnpay")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VnpayDouble {

    /** The same values as {@code %test.agrilink.payment.vnpay.*}. */
    public static final String TMN_CODE = "AGRITEST";
    public static final String SECRET = "AGRILINKTESTSECRETVNPAY000000000";

    private static final List<String> REFUND_HASHED = List.of("vnp_RequestId", "vnp_Version", "vnp_Command",
            "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo",
            "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo");
    private static final AtomicLong TRANSACTION_NUMBERS = new AtomicLong(14_000_000);

    private final List<Map<String, String>> calls = new CopyOnWriteArrayList<>();
    private final Set<String> refunded = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> refundsMade = new ConcurrentHashMap<>();
    private volatile boolean down;

    @POST
    @PermitAll
    @Path("/merchant_webapi/api/transaction")
    public Response transaction(Map<String, String> request) {
        calls.add(request);
        if (down) {
            return Response.status(503).entity(Map.of("message", "maintenance")).build();
        }
        String expected = VnpaySignature.signValues(SECRET,
                REFUND_HASHED.stream().map(name -> request.getOrDefault(name, "")).toList());
        if (!VnpaySignature.same(expected, request.get(VnpaySignature.SECURE_HASH))) {
            return Response.ok(answer(request, "97", "Invalid Checksum", "")).build();
        }
        if (!"refund".equals(request.get("vnp_Command")) || !TMN_CODE.equals(request.get("vnp_TmnCode"))) {
            return Response.ok(answer(request, "03", "Invalid request", "")).build();
        }
        String txnRef = request.get("vnp_TxnRef");
        if (!refunded.add(txnRef)) {
            return Response.ok(answer(request, "94", "Refund already requested", "")).build();
        }
        refundsMade.computeIfAbsent(txnRef, ref -> new AtomicInteger()).incrementAndGet();
        return Response.ok(answer(request, "00", "Refund success", Long.toString(TRANSACTION_NUMBERS.incrementAndGet())))
                .build();
    }

    private static Map<String, String> answer(Map<String, String> request, String code, String message,
            String transactionNo) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("vnp_ResponseId", "RS" + request.getOrDefault("vnp_RequestId", ""));
        answer.put("vnp_Command", request.getOrDefault("vnp_Command", ""));
        answer.put("vnp_ResponseCode", code);
        answer.put("vnp_Message", message);
        answer.put("vnp_TmnCode", request.getOrDefault("vnp_TmnCode", ""));
        answer.put("vnp_TxnRef", request.getOrDefault("vnp_TxnRef", ""));
        answer.put("vnp_Amount", request.getOrDefault("vnp_Amount", ""));
        answer.put("vnp_BankCode", "NCB");
        answer.put("vnp_PayDate", request.getOrDefault("vnp_CreateDate", ""));
        answer.put("vnp_TransactionNo", transactionNo);
        answer.put("vnp_TransactionType", request.getOrDefault("vnp_TransactionType", ""));
        answer.put("vnp_TransactionStatus", "00".equals(code) ? "05" : "");
        answer.put("vnp_OrderInfo", request.getOrDefault("vnp_OrderInfo", ""));
        // the refund answer's checksum covers these values in this order, joined by |
        answer.put(VnpaySignature.SECURE_HASH, VnpaySignature.signValues(SECRET, List.copyOf(answer.values())));
        return answer;
    }

    // ------------------------------------------------------------ for tests

    /** The fields of an IPN VNPay would send for this transaction, signed with the test secret. */
    public static Map<String, String> signed(Map<String, String> fields) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put(VnpaySignature.SECURE_HASH, VnpaySignature.sign(SECRET, fields));
        return signed;
    }

    /** An IPN's fields as VNPay sends them after the buyer paid (or, with another code, did not). */
    public static Map<String, String> ipn(String txnRef, long amountDong, String transactionNo, String responseCode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vnp_TmnCode", TMN_CODE);
        fields.put("vnp_Amount", Long.toString(amountDong * 100));
        fields.put("vnp_BankCode", "NCB");
        fields.put("vnp_BankTranNo", "VNP" + transactionNo);
        fields.put("vnp_CardType", "ATM");
        fields.put("vnp_PayDate", "20260610091500");
        fields.put("vnp_OrderInfo", "Thanh toan don hang " + txnRef);
        fields.put("vnp_TransactionNo", transactionNo);
        fields.put("vnp_ResponseCode", responseCode);
        fields.put("vnp_TransactionStatus", "00".equals(responseCode) ? "00" : "02");
        fields.put("vnp_TxnRef", txnRef);
        return fields;
    }

    public static String nextTransactionNo() {
        return Long.toString(TRANSACTION_NUMBERS.incrementAndGet());
    }

    /** Refunds VNPay made of this transaction (a repeated request for it is not a second refund). */
    public int refundsMade(String txnRef) {
        AtomicInteger made = refundsMade.get(txnRef);
        return made == null ? 0 : made.get();
    }

    /** Every refund request for this transaction, including those answered 503 or 94. */
    public List<Map<String, String>> calls(String txnRef) {
        return calls.stream().filter(call -> txnRef.equals(call.get("vnp_TxnRef"))).toList();
    }

    public void down(boolean down) {
        this.down = down;
    }
}
