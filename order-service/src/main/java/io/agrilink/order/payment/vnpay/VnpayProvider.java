package io.agrilink.order.payment.vnpay;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.PaymentProvider;
import io.agrilink.platform.outbox.Delivery;

/**
 * VNPay's payment gateway, API version 2.1.0 (sandbox.vnpayment.vn/apis/docs): the buyer is sent to a signed pay
 * URL, VNPay tells us the outcome by the IPN ({@link VnpayIpnResource}) and refunds go through its merchant web API.
 */
@ApplicationScoped
public class VnpayProvider implements PaymentProvider {

    private static final Logger LOG = Logger.getLogger(VnpayProvider.class);

    static final String VERSION = "2.1.0";
    /**
     * VNPay reads and writes every date as GMT+7 (its documents' words), whatever the programme's own zone
     * ({@code agrilink.time-zone}): a fixed offset, Vietnam keeping no summer time.
     */
    static final ZoneOffset VNPAY_ZONE = ZoneOffset.ofHours(7);
    static final DateTimeFormatter VNPAY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(VNPAY_ZONE);
    /** Full refund ("02"; "03" is partial). */
    static final String FULL_REFUND = "02";
    static final String SUCCESS = "00";
    /** The refund API's "a refund of this transaction was requested before and VNPay is processing it". */
    static final String ALREADY_REQUESTED = "94";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_PRINTABLE_ASCII = Pattern.compile("[^\\x20-\\x7E]");

    @Inject
    VnpayConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public CustomerOrder.Payment method() {
        return CustomerOrder.Payment.VNPAY;
    }

    @Override
    public boolean available() {
        return config.tmnCode().filter(code -> !code.isBlank()).isPresent()
                && config.hashSecret().filter(secret -> !secret.isBlank()).isPresent();
    }

    /** The signed pay URL; {@code vnp_TxnRef} is the payment's reference, which the IPN is matched by. */
    @Override
    public Started start(Starting starting) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vnp_Version", VERSION);
        fields.put("vnp_Command", "pay");
        fields.put("vnp_TmnCode", config.tmnCode().orElseThrow());
        // VNPay's amount has two implied decimals: 250,000 đ is 25000000
        fields.put("vnp_Amount", Long.toString(Math.multiplyExact(starting.amount(), 100L)));
        fields.put("vnp_CurrCode", "VND");
        fields.put("vnp_TxnRef", starting.reference());
        fields.put("vnp_OrderInfo", ascii(starting.description() == null || starting.description().isBlank()
                ? "Thanh toan don hang " + starting.reference() : starting.description()));
        fields.put("vnp_OrderType", "other");
        fields.put("vnp_Locale", "vn");
        fields.put("vnp_ReturnUrl", starting.returnUrl());
        fields.put("vnp_IpAddr", starting.buyerIp() == null || starting.buyerIp().isBlank() ? "127.0.0.1"
                : starting.buyerIp());
        fields.put("vnp_CreateDate", VNPAY_TIME.format(Instant.now()));
        fields.put("vnp_ExpireDate", VNPAY_TIME.format(starting.expiresAt()));
        String query = VnpaySignature.hashData(fields);
        String url = config.payUrl() + "?" + query + "&" + VnpaySignature.SECURE_HASH + "="
                + VnpaySignature.hmac(secret(), query);
        return new Started(starting.reference(), url, null);
    }

    /**
     * A full refund through the merchant web API. 00 is done, 94 (a refund of this transaction was asked before:
     * an earlier attempt whose answer was lost) is done too; a 5xx or no answer is retried by the outbox; any other
     * code is VNPay's refusal, kept for staff.
     */
    @Override
    public Delivery refund(RefundOrder refund) throws Exception {
        Instant now = Instant.now();
        // one request id per refund, however often it is sent: VNPay knows a repeat (94) and refunds once
        String requestId = "AGLR" + refund.refundId();
        String txnRef = refund.providerSession() != null ? refund.providerSession() : refund.reference();
        String orderInfo = ascii("Hoan tien don hang " + refund.reference()
                + (refund.reason() == null || refund.reason().isBlank() ? "" : " " + refund.reason()));
        Map<String, String> request = new LinkedHashMap<>();
        request.put("vnp_RequestId", requestId);
        request.put("vnp_Version", VERSION);
        request.put("vnp_Command", "refund");
        request.put("vnp_TmnCode", config.tmnCode().orElseThrow());
        request.put("vnp_TransactionType", FULL_REFUND);
        request.put("vnp_TxnRef", txnRef);
        request.put("vnp_Amount", Long.toString(Math.multiplyExact(refund.amount(), 100L)));
        request.put("vnp_TransactionNo", refund.providerRef());
        request.put("vnp_TransactionDate", VNPAY_TIME.format(refund.paidAt() != null ? refund.paidAt() : now));
        request.put("vnp_CreateBy", "agrilink");
        request.put("vnp_CreateDate", VNPAY_TIME.format(now));
        request.put("vnp_IpAddr", serverIp());
        request.put("vnp_OrderInfo", orderInfo);
        // the documented order of the refund request's checksum: the values above, as they are, joined by |
        request.put("vnp_SecureHash", VnpaySignature.signValues(secret(), List.copyOf(request.values())));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(config.apiUrl()))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Delivery.ofStatus(response.statusCode(), "VNPay refund API: HTTP " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            // VNPay's answer, not our message, is unreadable (a proxy's error page): asking again can help
            return Delivery.retry("VNPay refund API answered without JSON");
        }
        String code = text(answer, "vnp_ResponseCode");
        if (answer.hasNonNull(VnpaySignature.SECURE_HASH) && !VnpaySignature.same(
                VnpaySignature.signValues(secret(), answerValues(answer)), text(answer, VnpaySignature.SECURE_HASH))) {
            LOG.warnf("VNPay's refund answer for refund %d has a wrong checksum: not trusted, asked again later",
                    refund.refundId());
            return Delivery.retry("VNPay refund answer with an invalid checksum");
        }
        if (SUCCESS.equals(code) || ALREADY_REQUESTED.equals(code)) {
            String transactionNo = text(answer, "vnp_TransactionNo");
            return Delivery.delivered(transactionNo == null || transactionNo.isBlank() ? requestId : transactionNo);
        }
        return Delivery.refused(response.statusCode(),
                "VNPay refused the refund: " + code + " " + text(answer, "vnp_Message"));
    }

    /** The values of a refund answer in the order its checksum covers (VNPay's refund API, response). */
    static List<String> answerValues(JsonNode answer) {
        return Stream.of("vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
                "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
                "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo").map(name -> {
                    String value = text(answer, name);
                    return value == null ? "" : value;
                }).toList();
    }

    String secret() {
        return config.hashSecret().orElseThrow();
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** VNPay's text fields take ASCII only ("Tiếng Việt không dấu"). */
    static String ascii(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        String folded = NOT_PRINTABLE_ASCII.matcher(bare).replaceAll(" ").strip();
        return folded.length() > 255 ? folded.substring(0, 255) : folded;
    }

    private static String serverIp() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
