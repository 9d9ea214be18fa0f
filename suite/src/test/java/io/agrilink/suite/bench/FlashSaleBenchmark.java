package io.agrilink.suite.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.agrilink.suite.LocalSuite;
import io.agrilink.suite.Service;

/**
 * "Chốt đơn!": buyers place 2 kg orders on ONE hot lot through order-service's public API with
 * verified JWTs and idempotency keys; order-service reserves in catalog-service over HTTP; every
 * commit is durable ({@code synchronous_commit=on}, {@code fsync=on}). Prints orders/s,
 * p50/p95/p99, outcomes by kind, each service's peak RSS, and the final invariant.
 * Run: {@code ./agrilink bench FlashSale} (options: {@code -Dbench.clients=64 -Dbench.seconds=30
 * -Dbench.warmup=15}). Also prints the CPU time each process spent per order, a figure that other
 * work on the machine hardly distorts, unlike throughput and latency.
 * <p>
 * {@code -Dbench.payment=vietqr}: the orders are placed {@code BANK_TRANSFER} and each is then paid
 * by a signed bank notification through the public webhook ({@code POST /payments/bank-notifications},
 * as the bank-notification service sends it for a VietQR transfer), so every success is an order
 * placed and CONFIRMED; prints orders/s placed and paid, and p50/p99 of the placement and of the
 * notification apart. The default ({@code cod}) is the cash-on-delivery sale.
 * <p>
 * {@code -Dbench.live=code}: the hot lot is in a sale campaign, a livestream of that campaign is
 * scheduled and started in catalog-service (its snapshot reaches order-service through catalog's
 * outbox), and every order carries the stream's code; afterwards the stream's results must count
 * every order placed. Meanwhile two buyers' pages poll the stream's public counter as fast as it
 * answers and a staff dashboard reads its results every second; their p50/p99 are printed
 * ({@code -Dbench.readers=false}: nobody watches, the cost of the code alone). {@code -Dbench.live=campaign} is the same sale
 * in the same campaign without a code (the figure to compare with); the default ({@code off}) is
 * the lot outside any campaign, as before livestreams existed.
 */
class FlashSaleBenchmark {

    @Test
    void flashSaleOnOneHotLot() throws Exception {
        boolean vietQr = "vietqr".equals(System.getProperty("bench.payment", "cod"));
        String live = System.getProperty("bench.live", "off");
        boolean inCampaign = !"off".equals(live);
        boolean withCode = "code".equals(live);
        int clients = Integer.getInteger("bench.clients", 64);
        int seconds = Integer.getInteger("bench.seconds", 30);
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "bench-flash-sale").toAbsolutePath();
        BenchSupport.clean(data);
        // 30081..30084: below the kernel's ephemeral ports (32768+), which outgoing connections may hold at any moment
        try (LocalSuite suite = new LocalSuite(LocalSuite.Options.defaults(root, data).withPortOffset(22000),
                line -> System.out.println("[suite] " + line))) {
            suite.checkPortsFree();
            suite.startDatabase();
            suite.startServices();
            Http http = new Http();
            String catalog = suite.baseUrl(Service.CATALOG);
            String orders = suite.baseUrl(Service.ORDER);
            String staff = BenchSupport.token(suite.keys(), "staff", "bench-staff", Duration.ofHours(2));

            Map<String, Object> producer = new LinkedHashMap<>();
            producer.put("name", "HTX Vải thiều Lục Ngạn");
            producer.put("kind", "COOPERATIVE");
            producer.put("province", "Bắc Giang");
            producer.put("commune", "Phường Phượng Sơn");
            producer.put("phone", "0912 345 678");
            producer.put("owners", List.of("farmer-lan"));
            long producerId = http.expect("POST", catalog + "/producers", staff, producer).get("id").asLong();
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("producerId", producerId);
            product.put("category", "FRUIT");
            product.put("texts", Map.of("vi", Map.of("name", "Vải thiều Lục Ngạn loại 1"), "en",
                    Map.of("name", "Luc Ngan lychee, grade 1")));
            product.put("pricePerKg", 60_000);
            product.put("seasonMonths", List.of(5, 6, 7));
            product.put("shelfLifeDays", 21);
            product.put("coldChain", true);
            product.put("minCelsius", 2);
            product.put("maxCelsius", 5);
            long productId = http.expect("POST", catalog + "/products", staff, product).get("id").asLong();
            long initialGrams = 54_000_000_000L / 1000 * 10; // 540 tonnes: enough never to sell out during the run
            long lot = http.expect("POST", catalog + "/lots", staff, Map.of("productId", productId, "harvestDate",
                    LocalDate.now().toString(), "quantityGrams", initialGrams)).get("id").asLong();

            String liveCode = null;
            if (inCampaign) {
                Instant now = Instant.now();
                Map<String, Object> campaign = new LinkedHashMap<>();
                campaign.put("name", "Tuần lễ vải thiều (benchmark)");
                campaign.put("host", "Phó Chủ tịch UBND tỉnh Bắc Ninh");
                campaign.put("startsAt", now.minusSeconds(60).toString());
                campaign.put("endsAt", now.plus(Duration.ofHours(3)).toString());
                campaign.put("perBuyerLimitGrams", initialGrams);
                campaign.put("targetGrams", initialGrams);
                campaign.put("lots", List.of(Map.of("lotId", lot, "pricePerKg", 55_000)));
                long campaignId = http.expect("POST", catalog + "/campaigns", staff, campaign).get("id").asLong();
                if (withCode) {
                    Map<String, Object> stream = new LinkedHashMap<>();
                    stream.put("title", "Vải thiều Lục Ngạn – trực tiếp từ vườn (benchmark)");
                    stream.put("platform", "TIKTOK");
                    stream.put("url", "https://www.tiktok.com/@bacninh.vaithieu/live");
                    stream.put("plannedStart", now.toString());
                    stream.put("plannedEnd", now.plus(Duration.ofHours(6)).toString());
                    stream.put("campaignId", campaignId);
                    stream.put("lotIds", List.of(lot));
                    stream.put("hosts", List.of(Map.of("kind", "LEADER", "name", "Phó Chủ tịch UBND tỉnh Bắc Ninh",
                            "subject", "bench-staff")));
                    liveCode = http.expect("POST", catalog + "/livestreams", staff, stream).get("code").asText();
                    http.expect("POST", catalog + "/livestreams/" + liveCode + "/start", staff, null);
                    awaitLive(http, orders, liveCode);
                }
            }

            String[] tokens = new String[clients];
            for (int c = 0; c < clients; c++) {
                tokens[c] = BenchSupport.token(suite.keys(), "buyer", "bench-buyer-" + c, Duration.ofHours(2));
            }
            Map<String, Object> delivery = Map.of("recipient", "Nguyễn Văn An", "phone", "0987 654 321", "country",
                    "VN", "province", "Hà Nội", "commune", "Phường Ba Đình", "street", "12 Phố Đội Cấn");
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("lines", List.of(Map.of("lotId", lot, "grams", 2000)));
            order.put("delivery", delivery);
            order.put("payment", vietQr ? "BANK_TRANSFER" : "CASH_ON_DELIVERY");
            if (liveCode != null) {
                order.put("live", liveCode);
            }
            String body = Http.JSON.writeValueAsString(order);
            String bankSecret = suite.paymentSandboxes().settings().secrets().bankNotificationSecret();
            AtomicLong bankTransactions = new AtomicLong(System.currentTimeMillis());
            // the two steps' latencies apart, while measuring (set after the warm-up)
            AtomicBoolean measuring = new AtomicBoolean();
            Queue<Long> placeMicros = new ConcurrentLinkedQueue<>();
            Queue<Long> payMicros = new ConcurrentLinkedQueue<>();

            Map<String, java.util.function.LongSupplier> rss = new LinkedHashMap<>();
            for (Service service : Service.values()) {
                rss.put(service.artifact(), () -> suite.service(service).rssKiB());
            }
            rss.put("postgresql (all processes, PSS)", () -> MemorySampler.rssOfAllKiB("bench-flash-sale/postgres"));
            // CPU time per process over the measured part: a figure the other load on the machine does not distort
            Map<String, java.util.function.LongSupplier> cpu = new LinkedHashMap<>();
            for (Service service : Service.values()) {
                long pid = suite.service(service).pid();
                cpu.put(service.artifact(), () -> MemorySampler.cpuMillis(pid));
            }
            cpu.put("postgresql", () -> MemorySampler.cpuMillisOfAll("bench-flash-sale/postgres"));
            cpu.put("load generator", () -> MemorySampler.cpuMillis(ProcessHandle.current().pid()));
            double warmup = Double.parseDouble(System.getProperty("bench.warmup", "15"));
            Map<String, Long> cpuAtStart = new LinkedHashMap<>();
            Thread cpuStart = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep((long) (warmup * 1000));
                    measuring.set(true);
                    cpu.forEach((name, millis) -> cpuAtStart.put(name, millis.getAsLong()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // the stream read under the sale's load: two buyers' pages polling its public counter as fast as it
            // answers, and a staff dashboard reading its results (with revenue) every second
            Queue<Long> counterMicros = new ConcurrentLinkedQueue<>();
            Queue<Long> resultsMicros = new ConcurrentLinkedQueue<>();
            AtomicBoolean selling = new AtomicBoolean(true);
            List<Thread> readers = new java.util.ArrayList<>();
            if (liveCode != null && Boolean.parseBoolean(System.getProperty("bench.readers", "true"))) {
                String stream = "/livestreams/" + liveCode;
                readers.add(reader(orders, stream + "/counter", null, 0, selling, measuring, counterMicros));
                readers.add(reader(orders, stream + "/counter", null, 0, selling, measuring, counterMicros));
                readers.add(reader(orders, stream + "/results", staff, 1000, selling, measuring, resultsMicros));
            }
            Load.Result result;
            String memory;
            try (MemorySampler sampler = new MemorySampler(rss)) {
                Http.Connection[] connections = new Http.Connection[clients];
                for (int c = 0; c < clients; c++) {
                    connections[c] = new Http.Connection(orders);
                }
                result = Load.run(clients, warmup, seconds, (client, seq) -> {
                    long t0 = System.nanoTime();
                    Http.Reply reply = connections[client].send("POST", "/orders", tokens[client], body,
                            "Idempotency-Key", UUID.randomUUID().toString());
                    if (reply.status() != 201 || !vietQr) {
                        return reply.status() == 409 ? "409 " + reply.json().path("title").asText() : Integer.toString(reply.status());
                    }
                    long t1 = System.nanoTime();
                    String notification = Http.JSON.writeValueAsString(bankNotification(bankTransactions.incrementAndGet(),
                            reply.json().get("id").asLong(), reply.json().get("totalAmount").asLong()));
                    Http.Reply paid = connections[client].send("POST", "/payments/bank-notifications", null, notification,
                            "X-Signature", "sha256=" + hmacSha256(bankSecret, notification));
                    long t2 = System.nanoTime();
                    if (measuring.get()) {
                        placeMicros.add((t1 - t0) / 1000);
                        payMicros.add((t2 - t1) / 1000);
                    }
                    return "201 " + (paid.status() == 200 ? paid.json().path("outcome").asText() : Integer.toString(paid.status()));
                }, () -> false, vietQr ? "201 CONFIRMED"::equals : "201"::equals);
                for (Http.Connection connection : connections) {
                    connection.close();
                }
                memory = sampler.peaks();
            }
            selling.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
            cpuStart.join();
            String cpuPerOrder = cpuPerOrder(cpu, cpuAtStart, result);

            // the books after the sale: catalog's lot against order-service's orders
            Thread.sleep(3000);
            var after = http.expect("GET", catalog + "/lots/" + lot, null, null);
            long sold = after.get("heldGrams").asLong() + after.get("confirmedGrams").asLong();
            long left = after.get("availableGrams").asLong();
            long orderCount = http.expect("GET", orders + "/orders?size=1", staff, null).get("total").asLong();
            String figures = result.summary(String.format("flash sale, %d buyers, 2 kg orders on one hot lot%s", clients,
                    vietQr ? ", each paid by a signed VietQR bank notification (success = placed and CONFIRMED)" : ""));
            if (vietQr) {
                figures += String.format("%nVietQR-paid: %,.0f orders/s placed and paid; placement p50 %.1f ms p99 %.1f ms; "
                        + "bank notification p50 %.1f ms p99 %.1f ms", result.perSecond(),
                        percentileMillis(placeMicros, 50), percentileMillis(placeMicros, 99),
                        percentileMillis(payMicros, 50), percentileMillis(payMicros, 99));
                long paidOrders = http.expect("GET", orders + "/payments?status=PAID&method=BANK_TRANSFER&size=1", staff, null)
                        .get("total").asLong();
                figures += String.format("%npaid by bank notification: %,d of %,d orders", paidOrders, orderCount);
            }
            if (inCampaign) {
                figures += liveCode == null ? String.format("%nin a sale campaign, no livestream code")
                        : liveResults(http, orders, staff, liveCode, orderCount, counterMicros, resultsMicros);
            }
            String invariant = String.format("invariant: grams sold %,d + grams left %,d = %,d (initial %,d) %s; "
                    + "orders %,d × 2,000 g = %,d g vs reserved %,d g %s", sold, left, sold + left, initialGrams,
                    sold + left == initialGrams ? "holds" : "BROKEN", orderCount, orderCount * 2000, sold,
                    orderCount * 2000 == sold ? "holds" : "BROKEN", left >= 0 ? "" : "NEGATIVE STOCK");
            System.out.println(figures);
            String machine = BenchSupport.machine();
            System.out.println(machine);
            System.out.println(figures);
            System.out.println(cpuPerOrder);
            System.out.println(memory);
            System.out.println(invariant);
            BenchSupport.record((vietQr ? "flash-sale-vietqr" : "flash-sale") + (inCampaign ? "-live-" + live : ""), List.of(machine, figures, cpuPerOrder, memory,
                    invariant));
        }
    }

    /** Waits until order-service's replica knows the stream is live (catalog's outbox delivered its snapshot). */
    private static void awaitLive(Http http, String orders, String code) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Http.Reply counter = http.send("GET", orders + "/livestreams/" + code + "/counter", null, null);
            if (counter.status() == 200 && "LIVE".equals(counter.json().path("state").asText())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("order-service did not learn within 30 s that livestream " + code + " is live");
    }

    /** The stream's own figures after the sale, against the orders placed, and how fast they were read meanwhile. */
    private static String liveResults(Http http, String orders, String staff, String code, long orderCount,
            Queue<Long> counterMicros, Queue<Long> resultsMicros) throws Exception {
        var results = http.expect("GET", orders + "/livestreams/" + code + "/results", staff, null);
        long attributed = results.get("orders").asLong();
        return String.format("%nlivestream %s on every order: %,d of %,d orders attributed %s; %,d kg, %,d đồng; "
                + "under the load its public counter was read %,d times (p50 %.1f ms, p99 %.1f ms), its results "
                + "%,d times (p50 %.1f ms, p99 %.1f ms)", code, attributed, orderCount,
                attributed == orderCount ? "(all)" : "(MISSING SOME)", results.get("grams").asLong() / 1000,
                results.get("revenue").asLong(), counterMicros.size(), percentileMillis(counterMicros, 50),
                percentileMillis(counterMicros, 99), resultsMicros.size(), percentileMillis(resultsMicros, 50),
                percentileMillis(resultsMicros, 99));
    }

    /** A reader of {@code path} on its own connection until the sale ends, pausing {@code pauseMillis} between reads. */
    private static Thread reader(String base, String path, String token, long pauseMillis, AtomicBoolean selling,
            AtomicBoolean measuring, Queue<Long> micros) {
        return Thread.ofVirtual().start(() -> {
            try (Http.Connection connection = new Http.Connection(base)) {
                while (selling.get()) {
                    long t0 = System.nanoTime();
                    Http.Reply reply = connection.send("GET", path, token, null);
                    if (measuring.get() && reply.status() == 200) {
                        micros.add((System.nanoTime() - t0) / 1000);
                    }
                    Thread.sleep(pauseMillis);
                }
            } catch (Exception e) {
                System.out.println("reader of " + path + " stopped: " + e);
            }
        });
    }

    /** What the bank-notification service posts for a VietQR transfer of the order's amount (api.md, SePay's shape). */
    private static Map<String, Object> bankNotification(long transactionId, long orderId, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", transactionId);
        body.put("gateway", "Vietcombank");
        body.put("transactionDate", "2026-06-10 09:15:00");
        body.put("accountNumber", LocalSuite.BANK_ACCOUNT);
        body.put("content", "AGL" + orderId + " thanh toan don hang");
        body.put("transferType", "in");
        body.put("transferAmount", amount);
        body.put("referenceCode", "FT" + transactionId);
        body.put("description", "AGL" + orderId + " thanh toan don hang");
        return body;
    }

    private static String hmacSha256(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static double percentileMillis(Queue<Long> micros, double p) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }

    /** CPU milliseconds each process spent per successful order while measuring, and what 2 dedicated cores could do at that cost. */
    private static String cpuPerOrder(Map<String, java.util.function.LongSupplier> cpu, Map<String, Long> atStart,
            Load.Result result) {
        if (result.succeeded() == 0 || atStart.isEmpty()) {
            return "CPU per order: no successful orders measured";
        }
        StringBuilder out = new StringBuilder("CPU per order (ms):");
        double total = 0;
        for (Map.Entry<String, java.util.function.LongSupplier> e : cpu.entrySet()) {
            long before = atStart.getOrDefault(e.getKey(), -1L);
            long after = e.getValue().getAsLong();
            if (before < 0 || after < 0) {
                continue;
            }
            double perOrder = (after - before) / (double) result.succeeded();
            total += perOrder;
            out.append(String.format(" %s %.2f;", e.getKey(), perOrder));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.append(String.format(" total %.2f ms, so %d dedicated cores could do at most ~%,.0f orders/s at this cost",
                total, cores, cores * 1000 / total));
        return out.toString();
    }
}
