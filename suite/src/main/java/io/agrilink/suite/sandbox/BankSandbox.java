package io.agrilink.suite.sandbox;

import static io.agrilink.suite.sandbox.SandboxHttp.escape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The demo bank and its transaction-notification service in one: a buyer "scans" a VietQR code
 * ({@code GET /bank/?payload=…} decodes it), may change the amount, and transfers; the bank's
 * notification service then posts what SePay-like services post to the merchant's webhook
 * ({@code POST /payments/bank-notifications}, body signed {@code X-Signature: sha256=<hex HMAC-SHA256>}).
 * {@code POST /bank/api/transfers} does the same for tests and scripts.
 */
public final class BankSandbox {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One transfer the bank made and what the merchant's webhook answered. */
    public record Transfer(long id, String reference, long amount, int status, String outcome) {
    }

    private final PaymentSandboxes.Settings settings;
    private final HttpClient http;
    /** The bank's transaction ids: from the clock, so that a restarted sandbox never repeats one. */
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 10);
    private final List<Transfer> transfers = new CopyOnWriteArrayList<>();

    BankSandbox(PaymentSandboxes.Settings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** Every transfer so far, oldest first. */
    public List<Transfer> transfers() {
        return List.copyOf(transfers);
    }

    /**
     * Transfers {@code amount} đồng with {@code reference} in its description to the merchant's
     * account and notifies order-service, as the bank's notification service would.
     */
    public Transfer transfer(String reference, long amount) throws IOException, InterruptedException {
        return notify(ids.incrementAndGet(), reference, amount);
    }

    /** Sends the notification of an earlier transfer again (what a notification service does on a timeout). */
    public Transfer resend(Transfer earlier) throws IOException, InterruptedException {
        return notify(earlier.id(), earlier.reference(), earlier.amount());
    }

    private Transfer notify(long id, String reference, long amount) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("gateway", "Vietcombank");
        body.put("transactionDate", LocalDateTime.now(VIETNAM).format(WHEN));
        body.put("accountNumber", settings.bankAccount());
        body.put("content", reference + " thanh toan don hang");
        body.put("transferType", "in");
        body.put("transferAmount", amount);
        body.put("accumulated", 0);
        body.put("referenceCode", "FT" + (id % 10_000_000_000L));
        body.put("description", "SANDBOX " + reference + " thanh toan don hang");
        byte[] json = SandboxHttp.JSON.writeValueAsBytes(body);
        String signature = "sha256=" + SandboxHttp.hmacHex("HmacSHA256", settings.secrets().bankNotificationSecret(), json);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.orderServiceUrl() + "/payments/bank-notifications"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("X-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String outcome;
        try {
            JsonNode answer = SandboxHttp.JSON.readTree(response.body());
            outcome = answer.path("outcome").asText(answer.path("title").asText("HTTP " + response.statusCode()));
        } catch (IOException notJson) {
            outcome = "HTTP " + response.statusCode();
        }
        Transfer transfer = new Transfer(id, reference, amount, response.statusCode(), outcome);
        transfers.add(transfer);
        return transfer;
    }

    void handle(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/bank/api/transfers") && method.equals("POST")) {
            api(exchange);
        } else if (path.equals("/bank/transfer") && method.equals("POST")) {
            Map<String, String> form = SandboxHttp.form(exchange);
            transferPage(exchange, form.get("payload"), form.get("amount"));
        } else if ((path.equals("/bank/") || path.equals("/bank")) && method.equals("GET")) {
            scanPage(exchange, SandboxHttp.query(exchange).get("payload"));
        } else {
            SandboxHttp.json(exchange, 404, Map.of("error", "no such page of the sandbox bank"));
        }
    }

    /** {@code {"payload":"…","amount":…}} or {@code {"reference":"AGL12","amount":…}} → {@code {"status":200,"outcome":"CONFIRMED"}}. */
    private void api(HttpExchange exchange) throws IOException, InterruptedException {
        JsonNode request;
        try {
            request = SandboxHttp.JSON.readTree(SandboxHttp.body(exchange));
        } catch (IOException e) {
            SandboxHttp.json(exchange, 400, Map.of("error", "the body is not JSON"));
            return;
        }
        String reference = request.path("reference").asText(null);
        Long amount = request.hasNonNull("amount") ? request.get("amount").asLong() : null;
        if (request.hasNonNull("payload")) {
            EmvQr qr;
            try {
                qr = merchantQr(request.get("payload").asText());
            } catch (IllegalArgumentException e) {
                SandboxHttp.json(exchange, 400, Map.of("error", e.getMessage()));
                return;
            }
            reference = qr.reference();
            amount = amount != null ? amount : qr.amount();
        }
        if (reference == null || amount == null || amount <= 0) {
            SandboxHttp.json(exchange, 400, Map.of("error", "give payload (and amount) or reference and amount"));
            return;
        }
        Transfer transfer = transfer(reference, amount);
        SandboxHttp.json(exchange, 200, Map.of("id", transfer.id(), "reference", transfer.reference(), "amount",
                transfer.amount(), "status", transfer.status(), "outcome", transfer.outcome()));
    }

    /** The payload as the bank reads it, refused when it is not a transfer to the merchant's account. */
    private EmvQr merchantQr(String payload) {
        EmvQr qr = EmvQr.parse(payload);
        if (!qr.bin().equals(settings.bankBin()) || !qr.account().equals(settings.bankAccount())) {
            throw new IllegalArgumentException("Tài khoản " + qr.bin() + "/" + qr.account()
                    + " không phải tài khoản mà dịch vụ thông báo của sandbox theo dõi");
        }
        if (qr.reference() == null || qr.reference().isBlank()) {
            throw new IllegalArgumentException("Mã QR không có nội dung chuyển khoản (tag 62/08)");
        }
        return qr;
    }

    private void scanPage(HttpExchange exchange, String payload) throws IOException {
        if (payload == null || payload.isBlank()) {
            SandboxHttp.html(exchange, 200, SandboxHttp.page("Ngân hàng demo", "Quét mã VietQR", """
                    <p>Mở trang này từ liên kết "Ngân hàng demo" trên trang thanh toán, hoặc dán chuỗi mã QR:</p>
                    <form method="get" action="/bank/">
                      <label for="payload">Chuỗi mã VietQR</label>
                      <input id="payload" name="payload" required>
                      <button type="submit">Đọc mã</button>
                    </form>"""));
            return;
        }
        EmvQr qr;
        try {
            qr = merchantQr(payload);
        } catch (IllegalArgumentException e) {
            SandboxHttp.html(exchange, 400, SandboxHttp.page("Ngân hàng demo", "Không đọc được mã",
                    "<p class=\"error\" id=\"bank-error\">" + escape(e.getMessage()) + "</p>"));
            return;
        }
        SandboxHttp.html(exchange, 200, SandboxHttp.page("Ngân hàng demo", "Chuyển khoản theo mã VietQR", """
                <dl>
                  <dt>Ngân hàng (BIN)</dt><dd id="bank-bin">%s</dd>
                  <dt>Số tài khoản</dt><dd id="bank-account">%s</dd>
                  <dt>Chủ tài khoản</dt><dd id="bank-account-name">%s</dd>
                  <dt>Số tiền trong mã</dt><dd id="bank-qr-amount">%s</dd>
                  <dt>Nội dung</dt><dd id="bank-reference">%s</dd>
                </dl>
                <form method="post" action="/bank/transfer">
                  <input type="hidden" name="payload" value="%s">
                  <label for="bank-amount">Số tiền chuyển (đồng; đổi để thử chuyển thiếu hoặc thừa)</label>
                  <input id="bank-amount" name="amount" inputmode="numeric" pattern="[0-9]+" value="%s" required>
                  <button id="transfer" type="submit">Chuyển tiền</button>
                </form>""".formatted(escape(qr.bin()), escape(qr.account()), escape(settings.bankAccountName()),
                qr.amount() == null ? "(người chuyển nhập)" : escape(SandboxHttp.dong(qr.amount())),
                escape(qr.reference()), escape(payload), qr.amount() == null ? "" : qr.amount())));
    }

    private void transferPage(HttpExchange exchange, String payload, String amountText)
            throws IOException, InterruptedException {
        EmvQr qr;
        long amount;
        try {
            qr = merchantQr(payload);
            amount = Long.parseLong(amountText == null ? "" : amountText.strip());
            if (amount <= 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            SandboxHttp.html(exchange, 400, SandboxHttp.page("Ngân hàng demo", "Số tiền không hợp lệ",
                    "<p class=\"error\" id=\"bank-error\">Nhập số tiền là số đồng lớn hơn 0.</p>"));
            return;
        } catch (IllegalArgumentException e) {
            SandboxHttp.html(exchange, 400, SandboxHttp.page("Ngân hàng demo", "Không đọc được mã",
                    "<p class=\"error\" id=\"bank-error\">" + escape(e.getMessage()) + "</p>"));
            return;
        }
        Transfer transfer = transfer(qr.reference(), amount);
        SandboxHttp.html(exchange, 200, SandboxHttp.page("Ngân hàng demo", "Đã chuyển tiền", """
                <dl>
                  <dt>Mã giao dịch</dt><dd>%s</dd>
                  <dt>Số tiền</dt><dd>%s</dd>
                  <dt>Nội dung</dt><dd>%s</dd>
                </dl>
                <p>AgriLink trả lời thông báo của ngân hàng (HTTP %d):</p>
                <p class="result" id="bank-result">%s</p>
                <p>Quay lại trang thanh toán: trạng thái tự cập nhật.</p>""".formatted(transfer.id(),
                escape(SandboxHttp.dong(amount)), escape(qr.reference()), transfer.status(), escape(transfer.outcome()))));
    }
}
