package io.agrilink.suite.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Payments of the lychee week, paid through the local sandboxes as buyers would pay: buyer-hcm
 * pays a VietQR order from the demo bank and it turns CONFIRMED when the bank's notification
 * arrives; buyer-hanoi pays by VNPay, staff then cancel the order and VNPay refunds it; buyer-jp
 * transfers less than due (a mismatch staff see); buyer-us pays by VietQR and staff cancel, which
 * leaves a bank-transfer refund for staff to send by hand. The orders are of longan and honey,
 * not of the campaign's lots, so the campaign's figures stay those of the order demo.
 */
public class PaymentDemo implements DemoData {

    /** The base URL of the payment sandboxes in {@link DemoContext#baseUrl(String)}. */
    public static final String SANDBOX = "payments-sandbox";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public int order() {
        return 45;
    }

    @Override
    public String description() {
        return "payments: a VietQR order confirmed by the bank, a VNPay order refunded, an underpaid transfer, a refund task";
    }

    @Override
    public void load(DemoContext demo) throws Exception {
        long longan = lot(demo, "lot.longan");
        long honey = lot(demo, "lot.honey");
        String staff = demo.token("staff", "staff-hoa");

        // buyer-hcm scans the VietQR code with her bank's app and transfers what it says
        JsonNode vietQr = place(demo, "buyer-hcm", longan, 2_000, "BANK_TRANSFER", vietnam("Trần Thị Bích",
                "0908 123 456", "Hồ Chí Minh", "Phường Sài Gòn", "45 Lê Duẩn"));
        long vietQrOrder = vietQr.get("id").asLong();
        JsonNode transfer = bankTransfer(demo, startPayment(demo, "buyer-hcm", vietQrOrder), null);
        expect("the VietQR transfer", "CONFIRMED", transfer.path("outcome").asText());
        awaitStatus(demo, staff, vietQrOrder, "CONFIRMED");

        // buyer-hanoi pays by VNPay; the order is then cancelled by staff and refunded through VNPay
        JsonNode vnpay = place(demo, "buyer-hanoi", longan, 3_000, "VNPAY", vietnam("Nguyễn Văn An", "0912 345 678",
                "Hà Nội", "Phường Ba Đình", "12 Phố Điện Biên Phủ"));
        long vnpayOrder = vnpay.get("id").asLong();
        payAtVnpay(demo, startPayment(demo, "buyer-hanoi", vnpayOrder).path("redirectUrl").asText());
        awaitStatus(demo, staff, vnpayOrder, "CONFIRMED");
        demo.post("order", "/orders/" + vnpayOrder + "/cancel", staff,
                Map.of("reason", "Khách đổi ý trước khi đóng gói (dữ liệu demo)"));
        awaitRefund(demo, staff, vnpayOrder, "DONE");

        // buyer-jp transfers 50,000 đ too little: the payment stays open as a mismatch for staff
        JsonNode underpaid = place(demo, "buyer-jp", honey, 1_000, "BANK_TRANSFER", abroad("Sato Hana",
                "+81 3 1234 5678", "JP", "1-1 Chiyoda, Chiyoda-ku, Tokyo", "100-0001"));
        long underpaidOrder = underpaid.get("id").asLong();
        JsonNode due = startPayment(demo, "buyer-jp", underpaidOrder);
        JsonNode short50k = bankTransfer(demo, due, due.path("amount").asLong() - 50_000);
        expect("the underpaid transfer", "MISMATCH", short50k.path("outcome").asText());

        // buyer-us pays by VietQR, then staff cancel: a bank-transfer refund that staff send by hand
        JsonNode refundTask = place(demo, "buyer-us", longan, 2_000, "BANK_TRANSFER", abroad("Linh Nguyen",
                "+1 408 555 0134", "US", "1200 Story Road, San Jose, CA", "95122"));
        long refundTaskOrder = refundTask.get("id").asLong();
        JsonNode paid = bankTransfer(demo, startPayment(demo, "buyer-us", refundTaskOrder), null);
        expect("buyer-us's transfer", "CONFIRMED", paid.path("outcome").asText());
        demo.post("order", "/orders/" + refundTaskOrder + "/cancel", staff,
                Map.of("reason", "Không xuất khẩu được nhãn tươi sang Hoa Kỳ trong tuần này (dữ liệu demo)"));
        awaitRefund(demo, staff, refundTaskOrder, "REQUESTED");

        demo.facts.put("order.paid-by-vietqr", vietQrOrder);
        demo.facts.put("order.vnpay-refunded", vnpayOrder);
        demo.facts.put("order.underpaid", underpaidOrder);
        demo.facts.put("order.bank-refund-task", refundTaskOrder);
    }

    private static JsonNode startPayment(DemoContext demo, String buyer, long orderId)
            throws IOException, InterruptedException {
        return demo.post("order", "/orders/" + orderId + "/payments", demo.token("buyer", buyer), Map.of());
    }

    /** The demo bank transfers what the payment's VietQR code says, or {@code amount} when given. */
    private static JsonNode bankTransfer(DemoContext demo, JsonNode payment, Long amount)
            throws IOException, InterruptedException {
        String payload = payment.path("vietQr").path("payload").asText(null);
        if (payload == null) {
            throw new IllegalStateException("The bank-transfer payment has no VietQR code: " + payment);
        }
        return demo.post(SANDBOX, "/bank/api/transfers", null,
                amount == null ? Map.of("payload", payload) : Map.of("payload", payload, "amount", amount));
    }

    /** The buyer's browser at VNPay: the pay page, then its pay button (the gateway calls the IPN). */
    private void payAtVnpay(DemoContext demo, String payUrl) throws IOException, InterruptedException {
        if (!payUrl.startsWith(demo.baseUrl(SANDBOX))) {
            throw new IllegalStateException("VNPay's pay URL is not the sandbox's: " + payUrl);
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(payUrl)).timeout(Duration.ofSeconds(20))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IOException("VNPay's sandbox refused the pay URL (" + page.statusCode() + "): " + page.body());
        }
        String form = "q=" + URLEncoder.encode(URI.create(payUrl).getRawQuery(), StandardCharsets.UTF_8) + "&action=pay";
        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create(demo.baseUrl(SANDBOX)
                + "/vnpay/paymentv2/pay")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (paid.statusCode() != 303) {
            throw new IOException("VNPay's sandbox did not pay (" + paid.statusCode() + "): " + paid.body());
        }
    }

    private static void awaitStatus(DemoContext demo, String staff, long orderId, String status) throws Exception {
        awaitUntil("order " + orderId + " " + status, () -> status.equals(
                demo.get("order", "/orders/" + orderId, staff).path("status").asText()));
    }

    /** Waits until the order's refund has {@code status} (the outbox sends a provider's refund within seconds). */
    private static void awaitRefund(DemoContext demo, String staff, long orderId, String status) throws Exception {
        awaitUntil("the refund of order " + orderId + " " + status, () -> {
            for (JsonNode refund : demo.get("order", "/orders/" + orderId + "/payments", staff).path("refunds")) {
                if (status.equals(refund.path("status").asText())) {
                    return true;
                }
            }
            return false;
        });
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not within 60 s: " + what);
            }
            Thread.sleep(250);
        }
    }

    private static void expect(String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + ": expected " + expected + ", order-service answered " + actual);
        }
    }

    private static long lot(DemoContext demo, String fact) {
        Object id = demo.facts.get(fact);
        if (id == null) {
            throw new IllegalStateException("The catalogue demo did not leave " + fact);
        }
        return Long.parseLong(String.valueOf(id));
    }

    private static JsonNode place(DemoContext demo, String buyer, long lotId, long grams, String payment,
            Map<String, Object> delivery) throws IOException, InterruptedException {
        return demo.post("order", "/orders", demo.token("buyer", buyer), Map.of("lines",
                List.of(Map.of("lotId", lotId, "grams", grams)), "delivery", delivery, "payment", payment));
    }

    private static Map<String, Object> vietnam(String recipient, String phone, String province, String commune,
            String street) {
        return Map.of("recipient", recipient, "phone", phone, "country", "VN", "province", province, "commune", commune,
                "street", street);
    }

    private static Map<String, Object> abroad(String recipient, String phone, String country, String street,
            String postalCode) {
        return Map.of("recipient", recipient, "phone", phone, "country", country, "street", street, "postalCode",
                postalCode);
    }
}
