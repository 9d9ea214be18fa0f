package io.agrilink.suite.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.agrilink.suite.PaymentSecrets;

/**
 * The local stand-ins for the payment providers, in the launcher's own process on one port
 * (8086, shifted like the suite's other ports): a demo bank with its transaction-notification
 * service ({@code /bank/}), VNPay's gateway ({@code /vnpay/}) and Stripe's API and Checkout page
 * ({@code /stripe/}). Each speaks its provider's documented protocol with the run's own secrets
 * ({@link PaymentSecrets}), so order-service talks to them exactly as to the real providers.
 * {@code POST /sandbox/outage?provider=vnpay|stripe&on=true|false} makes a provider answer 503.
 */
public final class PaymentSandboxes implements AutoCloseable {

    /** The sandbox's default port, beside the web app's 8085. */
    public static final int DEFAULT_PORT = 8086;

    /**
     * Where the sandboxes listen and whom they call.
     *
     * @param port            the port to listen on (loopback only)
     * @param orderServiceUrl order-service's base URL: its webhooks (bank notification, VNPay IPN, Stripe)
     * @param bankBin         the merchant's bank (NAPAS BIN), e.g. 970436 Vietcombank
     * @param bankAccount     the merchant's account, the one the notification service watches
     * @param bankAccountName the account holder as the bank shows it
     */
    public record Settings(int port, String orderServiceUrl, PaymentSecrets secrets, String bankBin,
            String bankAccount, String bankAccountName) {

        /** Where a browser or order-service reaches the sandboxes. */
        public String publicUrl() {
            return "http://localhost:" + port;
        }
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BankSandbox bank;
    private final VnpaySandbox vnpay;
    private final StripeSandbox stripe;
    private HttpServer server;
    private ExecutorService executor;

    public PaymentSandboxes(Settings settings) {
        this.settings = settings;
        this.bank = new BankSandbox(settings, http);
        this.vnpay = new VnpaySandbox(settings, http);
        this.stripe = new StripeSandbox(settings, http);
    }

    /** Starts listening; returns at once. */
    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/bank", guarded(bank::handle));
        server.createContext("/vnpay/", guarded(vnpay::handle));
        server.createContext("/stripe/", guarded(stripe::handle));
        server.createContext("/sandbox/", guarded(this::control));
        server.createContext("/", guarded(this::index));
        server.start();
    }

    public String url() {
        return settings.publicUrl();
    }

    public Settings settings() {
        return settings;
    }

    public BankSandbox bank() {
        return bank;
    }

    public VnpaySandbox vnpay() {
        return vnpay;
    }

    public StripeSandbox stripe() {
        return stripe;
    }

    /**
     * order-service's configuration for these sandboxes, as the environment variables a
     * Kubernetes Secret would give it ({@code AGRILINK_PAYMENT_…}); {@code returnUrl} is where
     * VNPay and Stripe send the buyer back (the web app's payment page).
     */
    public Map<String, String> orderServiceEnvironment(String returnUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AGRILINK_PAYMENT_RETURN_URL", returnUrl);
        env.put("AGRILINK_PAYMENT_BANK_BIN", settings.bankBin());
        env.put("AGRILINK_PAYMENT_BANK_ACCOUNT", settings.bankAccount());
        env.put("AGRILINK_PAYMENT_BANK_ACCOUNT_NAME", settings.bankAccountName());
        env.put("AGRILINK_PAYMENT_BANK_NOTIFICATION_SECRET", settings.secrets().bankNotificationSecret());
        env.put("AGRILINK_PAYMENT_VNPAY_TMN_CODE", settings.secrets().vnpayTmnCode());
        env.put("AGRILINK_PAYMENT_VNPAY_HASH_SECRET", settings.secrets().vnpayHashSecret());
        env.put("AGRILINK_PAYMENT_VNPAY_PAY_URL", url() + "/vnpay/paymentv2/vpcpay.html");
        env.put("AGRILINK_PAYMENT_VNPAY_API_URL", url() + "/vnpay/merchant_webapi/api/transaction");
        env.put("AGRILINK_PAYMENT_STRIPE_API_KEY", settings.secrets().stripeApiKey());
        env.put("AGRILINK_PAYMENT_STRIPE_WEBHOOK_SECRET", settings.secrets().stripeWebhookSecret());
        env.put("AGRILINK_PAYMENT_STRIPE_API_BASE", url() + "/stripe");
        return env;
    }

    private void control(HttpExchange exchange) throws IOException {
        Map<String, String> query = SandboxHttp.query(exchange);
        if (exchange.getRequestURI().getPath().equals("/sandbox/outage") && exchange.getRequestMethod().equals("POST")) {
            boolean on = Boolean.parseBoolean(query.get("on"));
            switch (String.valueOf(query.get("provider"))) {
                case "vnpay" -> vnpay.outage(on);
                case "stripe" -> stripe.outage(on);
                default -> {
                    SandboxHttp.json(exchange, 400, Map.of("error", "provider must be vnpay or stripe"));
                    return;
                }
            }
            SandboxHttp.json(exchange, 200, Map.of("provider", query.get("provider"), "outage", on));
        } else {
            SandboxHttp.json(exchange, 404, Map.of("error", "POST /sandbox/outage?provider=vnpay|stripe&on=true|false"));
        }
    }

    private void index(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            SandboxHttp.json(exchange, 404, Map.of("error", "no such sandbox URL"));
            return;
        }
        SandboxHttp.html(exchange, 200, SandboxHttp.page("AgriLink", "Sandbox thanh toán", """
                <p>Các nhà cung cấp thanh toán giả lập cho máy này, nói đúng giao thức của nhà cung cấp thật:</p>
                <ul>
                  <li><a href="/bank/">Ngân hàng demo</a>: quét mã VietQR, chuyển khoản, thông báo giao dịch (kiểu SePay) gửi AgriLink</li>
                  <li>VNPAY: trang thanh toán /vnpay/paymentv2/vpcpay.html, IPN, API hoàn tiền</li>
                  <li>Stripe: API /stripe/v1/checkout/sessions, /stripe/v1/refunds, trang Checkout /stripe/pay/…</li>
                </ul>"""));
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** A handler whose failure is an answer (500 with the reason), never a connection closed without a word. */
    private static HttpHandler guarded(Handler handler) {
        return exchange -> {
            try (exchange) {
                try {
                    handler.handle(exchange);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    SandboxHttp.json(exchange, 503, Map.of("error", "interrupted"));
                } catch (IllegalArgumentException e) {
                    SandboxHttp.json(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
                } catch (RuntimeException e) {
                    SandboxHttp.json(exchange, 500, Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
                }
            } catch (IOException e) {
                // the caller went away: nothing to answer
            }
        };
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
