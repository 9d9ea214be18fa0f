package io.agrilink.suite.sandbox;

import static io.agrilink.suite.sandbox.SandboxHttp.escape;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * VNPay's payment gateway as its sandbox documents it (sandbox.vnpayment.vn/apis):
 * <ul>
 * <li>{@code GET /vnpay/paymentv2/vpcpay.html?vnp_…&vnp_SecureHash=…}: the pay page. The merchant's
 * signature is checked as VNPay does: the {@code vnp_*} fields but the hash sorted by name, each
 * {@code name=URLEncoder(value, US-ASCII)}, joined by {@code &}, HMAC-SHA512 with the hash secret.</li>
 * <li>Pay ({@code #vnpay-pay}) or cancel ({@code #vnpay-cancel}): the result is signed the same way,
 * sent to the merchant's IPN ({@code GET /payments/vnpay/ipn?…}, answered {@code {"RspCode","Message"}}),
 * then the browser is sent to {@code vnp_ReturnUrl} with the same fields.</li>
 * <li>{@code POST /vnpay/merchant_webapi/api/transaction} ({@code vnp_Command=refund}): JSON in and
 * out, both signed with HMAC-SHA512 over the fields in VNPay's documented order joined by {@code |}.</li>
 * </ul>
 */
public final class VnpaySandbox {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter VNPAY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Set<String> NOT_SIGNED = Set.of("vnp_SecureHash", "vnp_SecureHashType");
    private static final List<String> REFUND_REQUEST_FIELDS = List.of("vnp_RequestId", "vnp_Version", "vnp_Command",
            "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo",
            "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo");
    private static final List<String> REFUND_RESPONSE_FIELDS = List.of("vnp_ResponseId", "vnp_Command",
            "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode",
            "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo");

    /** A payment the gateway took: amounts in VNPay's unit (đồng × 100). */
    public record Transaction(String txnRef, String transactionNo, long amount, String payDate, String orderInfo) {
    }

    /** A refund the gateway made. */
    public record Refund(String requestId, String txnRef, String transactionNo, long amount) {
    }

    private final PaymentSandboxes.Settings settings;
    private final HttpClient http;
    private final AtomicLong transactionNumbers = new AtomicLong(14_000_000L + System.currentTimeMillis() % 1_000_000L * 10);
    private final Map<String, Transaction> paid = new ConcurrentHashMap<>();
    private final List<Refund> refunds = new CopyOnWriteArrayList<>();
    private final Set<String> requestIds = ConcurrentHashMap.newKeySet();
    private final List<String> ipnAnswers = new CopyOnWriteArrayList<>();
    private final AtomicLong refundCalls = new AtomicLong();
    private final AtomicBoolean outage = new AtomicBoolean();

    VnpaySandbox(PaymentSandboxes.Settings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** While on, every VNPay URL answers 503 (a gateway outage). */
    public void outage(boolean on) {
        outage.set(on);
    }

    /** Refunds made for {@code txnRef}. */
    public List<Refund> refundsOf(String txnRef) {
        return refunds.stream().filter(r -> r.txnRef().equals(txnRef)).toList();
    }

    /** Every call of the refund API, answered or refused (during an outage too). */
    public long refundCalls() {
        return refundCalls.get();
    }

    /** The merchant's IPN answers, oldest first ({@code 00 Confirm Success}, ...). */
    public List<String> ipnAnswers() {
        return List.copyOf(ipnAnswers);
    }

    /** The payment the gateway took for {@code txnRef}, or null. */
    public Transaction transaction(String txnRef) {
        return paid.get(txnRef);
    }

    /** VNPay's hash data of a pay URL or an IPN: the signed fields sorted, URL-encoded as VNPay's Java sample does. */
    static String hashData(Map<String, String> fields) {
        StringBuilder data = new StringBuilder();
        for (Map.Entry<String, String> field : new TreeMap<>(fields).entrySet()) {
            if (NOT_SIGNED.contains(field.getKey()) || !field.getKey().startsWith("vnp_") || field.getValue() == null
                    || field.getValue().isEmpty()) {
                continue;
            }
            if (!data.isEmpty()) {
                data.append('&');
            }
            data.append(field.getKey()).append('=').append(URLEncoder.encode(field.getValue(), StandardCharsets.US_ASCII));
        }
        return data.toString();
    }

    private String sign(String data) {
        return SandboxHttp.hmacHex("HmacSHA512", settings.secrets().vnpayHashSecret(), data);
    }

    private boolean signedByMerchant(Map<String, String> fields) {
        String given = fields.getOrDefault("vnp_SecureHash", "");
        return MessageDigest.isEqual(sign(hashData(fields)).getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    void handle(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (outage.get()) {
            refundCalls.addAndGet(path.equals("/vnpay/merchant_webapi/api/transaction") ? 1 : 0);
            SandboxHttp.json(exchange, 503, Map.of("error", "VNPay sandbox outage (POST /sandbox/outage?provider=vnpay&on=false ends it)"));
            return;
        }
        if (path.equals("/vnpay/paymentv2/vpcpay.html") && method.equals("GET")) {
            payPage(exchange, exchange.getRequestURI().getRawQuery());
        } else if (path.equals("/vnpay/paymentv2/pay") && method.equals("POST")) {
            Map<String, String> form = SandboxHttp.form(exchange);
            pay(exchange, form.getOrDefault("q", ""), "pay".equals(form.get("action")));
        } else if (path.equals("/vnpay/merchant_webapi/api/transaction") && method.equals("POST")) {
            transactionApi(exchange);
        } else {
            SandboxHttp.json(exchange, 404, Map.of("error", "no such VNPay sandbox URL"));
        }
    }

    /** What is wrong with a pay request, or null when the gateway takes it. */
    private String refusal(Map<String, String> fields) {
        if (!settings.secrets().vnpayTmnCode().equals(fields.get("vnp_TmnCode"))) {
            return "Website chưa được phê duyệt (vnp_TmnCode không đúng)";
        }
        if (!signedByMerchant(fields)) {
            return "Sai chữ ký (vnp_SecureHash)";
        }
        if (!"pay".equals(fields.get("vnp_Command")) || !"VND".equals(fields.get("vnp_CurrCode"))) {
            return "vnp_Command phải là pay và vnp_CurrCode là VND";
        }
        if (fields.getOrDefault("vnp_Amount", "").isEmpty() || !fields.get("vnp_Amount").matches("[0-9]+")
                || !fields.get("vnp_Amount").endsWith("00")) {
            return "Số tiền không hợp lệ (vnp_Amount là số đồng × 100)";
        }
        if (fields.getOrDefault("vnp_TxnRef", "").isEmpty() || fields.getOrDefault("vnp_ReturnUrl", "").isEmpty()) {
            return "Thiếu vnp_TxnRef hoặc vnp_ReturnUrl";
        }
        String expires = fields.get("vnp_ExpireDate");
        if (expires != null) {
            try {
                if (LocalDateTime.parse(expires, VNPAY_TIME).isBefore(LocalDateTime.now(VIETNAM))) {
                    return "Giao dịch đã quá thời gian chờ thanh toán";
                }
            } catch (DateTimeParseException e) {
                return "vnp_ExpireDate không đúng định dạng yyyyMMddHHmmss";
            }
        }
        return null;
    }

    private void payPage(HttpExchange exchange, String rawQuery) throws IOException {
        Map<String, String> fields = SandboxHttp.decode(rawQuery);
        String refusal = refusal(fields);
        if (refusal != null) {
            SandboxHttp.html(exchange, 400, SandboxHttp.page("VNPAY", "Không thể thanh toán",
                    "<p class=\"error\" id=\"vnpay-error\">" + escape(refusal) + "</p>"));
            return;
        }
        long dong = Long.parseLong(fields.get("vnp_Amount")) / 100;
        SandboxHttp.html(exchange, 200, SandboxHttp.page("VNPAY", "Thanh toán qua VNPAY", """
                <dl>
                  <dt>Đơn vị</dt><dd>%s</dd>
                  <dt>Mã giao dịch</dt><dd id="vnpay-txn-ref">%s</dd>
                  <dt>Nội dung</dt><dd>%s</dd>
                  <dt>Số tiền</dt><dd id="vnpay-amount">%s</dd>
                </dl>
                <p>Thẻ thử nghiệm NCB 9704 1985 2619 1432 198, NGUYEN VAN A (đã điền sẵn).</p>
                <form method="post" action="/vnpay/paymentv2/pay">
                  <input type="hidden" name="q" value="%s">
                  <button id="vnpay-pay" type="submit" name="action" value="pay">Thanh toán</button>
                  <button id="vnpay-cancel" class="secondary" type="submit" name="action" value="cancel">Hủy thanh toán</button>
                </form>""".formatted(escape(fields.get("vnp_TmnCode")), escape(fields.get("vnp_TxnRef")),
                escape(fields.getOrDefault("vnp_OrderInfo", "")), escape(SandboxHttp.dong(dong)), escape(rawQuery))));
    }

    private void pay(HttpExchange exchange, String rawQuery, boolean pay) throws IOException, InterruptedException {
        Map<String, String> request = SandboxHttp.decode(rawQuery);
        String refusal = refusal(request);
        if (refusal != null) {
            SandboxHttp.html(exchange, 400, SandboxHttp.page("VNPAY", "Không thể thanh toán",
                    "<p class=\"error\" id=\"vnpay-error\">" + escape(refusal) + "</p>"));
            return;
        }
        String transactionNo = Long.toString(transactionNumbers.incrementAndGet());
        String payDate = LocalDateTime.now(VIETNAM).format(VNPAY_TIME);
        Map<String, String> result = new TreeMap<>();
        result.put("vnp_Amount", request.get("vnp_Amount"));
        result.put("vnp_BankCode", "NCB");
        result.put("vnp_CardType", "ATM");
        result.put("vnp_OrderInfo", request.getOrDefault("vnp_OrderInfo", ""));
        result.put("vnp_PayDate", payDate);
        result.put("vnp_ResponseCode", pay ? "00" : "24");
        result.put("vnp_TmnCode", request.get("vnp_TmnCode"));
        result.put("vnp_TransactionNo", transactionNo);
        result.put("vnp_TransactionStatus", pay ? "00" : "02");
        result.put("vnp_TxnRef", request.get("vnp_TxnRef"));
        if (pay) {
            result.put("vnp_BankTranNo", "VNP" + transactionNo);
            paid.put(request.get("vnp_TxnRef"), new Transaction(request.get("vnp_TxnRef"), transactionNo,
                    Long.parseLong(request.get("vnp_Amount")), payDate, request.getOrDefault("vnp_OrderInfo", "")));
        }
        result.put("vnp_SecureHashType", "HmacSHA512");
        result.put("vnp_SecureHash", sign(hashData(result)));
        StringBuilder signedQuery = new StringBuilder();
        result.forEach((name, value) -> signedQuery.append(signedQuery.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.US_ASCII)));
        ipnAnswers.add(callIpn(signedQuery.toString()));
        String returnUrl = request.get("vnp_ReturnUrl");
        SandboxHttp.seeOther(exchange, returnUrl + (returnUrl.contains("?") ? "&" : "?") + signedQuery);
    }

    /** The merchant's IPN answer as {@code "00 Confirm Success"}, or what went wrong reaching it. */
    private String callIpn(String signedQuery) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(settings.orderServiceUrl() + "/payments/vnpay/ipn?" + signedQuery))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = SandboxHttp.JSON.readTree(response.body());
            return answer.path("RspCode").asText("?") + " " + answer.path("Message").asText("");
        } catch (IOException e) {
            // VNPay would call again later; the sandbox says so on the return and in ipnAnswers
            return "unreachable " + e.getMessage();
        }
    }

    private void transactionApi(HttpExchange exchange) throws IOException {
        refundCalls.incrementAndGet();
        JsonNode body;
        try {
            body = SandboxHttp.JSON.readTree(SandboxHttp.body(exchange));
        } catch (IOException e) {
            SandboxHttp.json(exchange, 200, answer(Map.of(), "03", "Dữ liệu gửi sang không đúng định dạng", null, null));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
        if (!"refund".equals(fields.get("vnp_Command"))) {
            SandboxHttp.json(exchange, 200, answer(fields, "03", "Sandbox chỉ hỗ trợ vnp_Command=refund", null, null));
            return;
        }
        List<String> values = new ArrayList<>();
        for (String name : REFUND_REQUEST_FIELDS) {
            values.add(fields.getOrDefault(name, ""));
        }
        boolean signed = MessageDigest.isEqual(sign(String.join("|", values)).getBytes(StandardCharsets.US_ASCII),
                fields.getOrDefault("vnp_SecureHash", "").toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!settings.secrets().vnpayTmnCode().equals(fields.get("vnp_TmnCode"))) {
            SandboxHttp.json(exchange, 200, answer(fields, "02", "Merchant không hợp lệ", null, null));
            return;
        }
        if (!signed) {
            SandboxHttp.json(exchange, 200, answer(fields, "97", "Checksum không hợp lệ", null, null));
            return;
        }
        Transaction transaction = paid.get(fields.getOrDefault("vnp_TxnRef", ""));
        if (transaction == null) {
            SandboxHttp.json(exchange, 200, answer(fields, "91", "Không tìm thấy giao dịch yêu cầu hoàn trả", null, null));
            return;
        }
        long amount;
        try {
            amount = Long.parseLong(fields.getOrDefault("vnp_Amount", ""));
        } catch (NumberFormatException e) {
            SandboxHttp.json(exchange, 200, answer(fields, "03", "vnp_Amount không hợp lệ", transaction, null));
            return;
        }
        synchronized (this) {
            if (!requestIds.add(fields.getOrDefault("vnp_RequestId", ""))) {
                SandboxHttp.json(exchange, 200, answer(fields, "94", "Yêu cầu bị trùng lặp (vnp_RequestId đã dùng)", transaction, null));
                return;
            }
            long refunded = refundsOf(transaction.txnRef()).stream().mapToLong(Refund::amount).sum();
            if (amount <= 0 || refunded + amount > transaction.amount()) {
                SandboxHttp.json(exchange, 200, answer(fields, "03", "Số tiền hoàn vượt quá số tiền còn lại của giao dịch",
                        transaction, null));
                return;
            }
            String refundNo = Long.toString(transactionNumbers.incrementAndGet());
            refunds.add(new Refund(fields.get("vnp_RequestId"), transaction.txnRef(), refundNo, amount));
            SandboxHttp.json(exchange, 200, answer(fields, "00", "Yêu cầu hoàn tiền thành công", transaction, refundNo));
        }
    }

    /** A signed answer of the transaction API. */
    private Map<String, String> answer(Map<String, String> request, String code, String message, Transaction transaction,
            String refundNo) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("vnp_ResponseId", Long.toHexString(System.nanoTime()));
        answer.put("vnp_Command", request.getOrDefault("vnp_Command", "refund"));
        answer.put("vnp_ResponseCode", code);
        answer.put("vnp_Message", message);
        answer.put("vnp_TmnCode", request.getOrDefault("vnp_TmnCode", ""));
        answer.put("vnp_TxnRef", request.getOrDefault("vnp_TxnRef", ""));
        answer.put("vnp_Amount", request.getOrDefault("vnp_Amount", ""));
        answer.put("vnp_BankCode", transaction == null ? "" : "NCB");
        answer.put("vnp_PayDate", transaction == null ? "" : transaction.payDate());
        answer.put("vnp_TransactionNo", refundNo != null ? refundNo : transaction == null ? "" : transaction.transactionNo());
        answer.put("vnp_TransactionType", request.getOrDefault("vnp_TransactionType", ""));
        answer.put("vnp_TransactionStatus", "00".equals(code) ? "05" : "");
        answer.put("vnp_OrderInfo", request.getOrDefault("vnp_OrderInfo", ""));
        List<String> values = new ArrayList<>();
        for (String name : REFUND_RESPONSE_FIELDS) {
            values.add(answer.get(name));
        }
        answer.put("vnp_SecureHash", sign(String.join("|", values)));
        return answer;
    }
}
