package io.agrilink.suite.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.agrilink.suite.LocalSuite;
import io.agrilink.suite.Service;

/**
 * Catalogue search over 10,000 products (p50/p95/p99) and stock reservations on one hot lot
 * (reservations/s), through the public API with verified JWTs, on the durable embedded
 * PostgreSQL ({@code synchronous_commit=on}, {@code fsync=on}). Run: {@code ./agrilink bench Catalog}.
 */
class CatalogBenchmark {

    private static final String[] FRUITS = { "Vải thiều", "Nhãn lồng", "Mật ong hoa nhãn", "Cam sành", "Bưởi da xanh",
            "Xoài cát Hòa Lộc", "Chè Tân Cương", "Gạo ST25", "Thanh long ruột đỏ", "Sầu riêng Ri6", "Măng cụt",
            "Chuối tiêu hồng", "Na dai", "Mận hậu", "Hồng giòn", "Dứa Queen", "Khoai lang mật", "Cà phê Robusta" };
    private static final String[] PLACES = { "Lục Ngạn", "Hưng Yên", "Cao Phong", "Bến Tre", "Mộc Châu", "Thái Nguyên",
            "Sóc Trăng", "Bình Thuận", "Đắk Lắk", "Chi Lăng", "Bắc Hà", "Tiền Giang" };
    private static final String[] PROVINCES = { "Bắc Ninh", "Hưng Yên", "Phú Thọ", "Vĩnh Long", "Sơn La",
            "Thái Nguyên", "Cần Thơ", "Lâm Đồng", "Đắk Lắk", "Lạng Sơn", "Lào Cai", "Đồng Tháp" };
    /** A real commune of each of PROVINCES, in the same order: the catalog refuses any other. */
    private static final String[] COMMUNES = { "Xã Lục Ngạn", "Phường Phố Hiến", "Xã Cao Phong", "Xã Mỏ Cày",
            "Phường Mộc Châu", "Xã Tân Cương", "Phường Phú Lợi", "Phường Lâm Viên - Đà Lạt", "Phường Buôn Ma Thuột",
            "Xã Chi Lăng", "Xã Bắc Hà", "Xã Cái Bè" };
    private static final String[] CATEGORIES = { "FRUIT", "FRUIT", "HONEY", "FRUIT", "FRUIT", "FRUIT", "TEA", "RICE",
            "FRUIT", "FRUIT", "FRUIT", "FRUIT", "FRUIT", "FRUIT", "FRUIT", "FRUIT", "VEGETABLE", "COFFEE" };

    @Test
    void searchAndHotLotReservations() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "bench-catalog").toAbsolutePath();
        BenchSupport.clean(data);
        // 30081..30084: below the kernel's ephemeral ports (32768+), which outgoing connections may hold at any moment
        try (LocalSuite suite = new LocalSuite(LocalSuite.Options.defaults(root, data).withPortOffset(22000),
                line -> System.out.println("[suite] " + line))) {
            suite.checkPortsFree();
            suite.startDatabase();
            suite.startServices();
            String catalog = suite.baseUrl(Service.CATALOG);
            String staff = BenchSupport.token(suite.keys(), "staff", "bench-staff", Duration.ofHours(2));
            String service = BenchSupport.token(suite.keys(), "service", "bench-orders", Duration.ofHours(2));
            Http http = new Http();

            // 10,000 products from 120 producers, created through the API by 8 clients
            long seedStart = System.nanoTime();
            List<Long> producers = new ArrayList<>();
            for (int p = 0; p < 120; p++) {
                Map<String, Object> producer = new LinkedHashMap<>();
                producer.put("name", "HTX " + PLACES[p % PLACES.length] + " số " + p);
                producer.put("kind", p % 3 == 0 ? "COOPERATIVE" : "HOUSEHOLD");
                producer.put("province", PROVINCES[p % PROVINCES.length]);
                producer.put("commune", COMMUNES[p % COMMUNES.length]);
                producer.put("phone", String.format("0912%06d", p));
                producer.put("owners", List.of("bench-farmer-" + p));
                producers.add(http.expect("POST", catalog + "/producers", staff, producer).get("id").asLong());
            }
            ExecutorService seeders = Executors.newFixedThreadPool(8);
            List<Future<?>> seeded = new ArrayList<>();
            AtomicLong created = new AtomicLong();
            for (int worker = 0; worker < 8; worker++) {
                int w = worker;
                seeded.add(seeders.submit(() -> {
                    for (int i = w; i < 10_000; i += 8) {
                        int f = i % FRUITS.length;
                        String name = FRUITS[f] + " " + PLACES[i % PLACES.length] + " loại " + (i % 3 + 1) + " #" + i;
                        Map<String, Object> product = new LinkedHashMap<>();
                        product.put("producerId", producers.get(i % producers.size()));
                        product.put("category", CATEGORIES[f]);
                        product.put("texts", Map.of("vi", Map.of("name", name, "story", "Đặc sản " + PLACES[i % PLACES.length]),
                                "en", Map.of("name", "Product " + i, "story", "A speciality")));
                        product.put("pricePerKg", 20_000 + (i % 50) * 1_000);
                        product.put("seasonMonths", Set.of(i % 12 + 1, (i + 1) % 12 + 1));
                        product.put("shelfLifeDays", 5 + i % 30);
                        product.put("coldChain", f == 0);
                        if (f == 0) {
                            product.put("minCelsius", 2);
                            product.put("maxCelsius", 5);
                        }
                        http.expect("POST", catalog + "/products", staff, product);
                        created.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : seeded) {
                f.get();
            }
            seeders.shutdown();
            System.out.printf("seeded %,d products in %.1f s%n", created.get(), (System.nanoTime() - seedStart) / 1e9);

            String[] queries = { "q=vai%20thieu%20luc%20ngan", "q=mat%20ong", "q=" + URLEncoder.encode("Bưởi", StandardCharsets.UTF_8),
                    "category=FRUIT&province=" + URLEncoder.encode("Bắc Ninh", StandardCharsets.UTF_8),
                    "q=cam%20sanh&sort=price", "inSeason=true&page=3", "q=gao%20st25&category=RICE",
                    "province=" + URLEncoder.encode("Bắc Giang", StandardCharsets.UTF_8) + "&q=nhan" };
            // throughput with the cores saturated (16 at once; it also warms the JIT), then latency as a
            // handful of shoppers see it (4 at once)
            StringBuilder searchLines = new StringBuilder();
            for (int clients : new int[] { 16, 4 }) {
                Load.Result search = Load.run(clients, 5, 20, (client, seq) -> {
                    Http.Reply reply = http.send("GET", catalog + "/products?" + queries[(int) (seq % queries.length)], null,
                            null);
                    return Integer.toString(reply.status());
                }, () -> false, "200"::equals);
                String line = search.summary("search over 10,000 products, " + clients + " clients");
                System.out.println(line);
                searchLines.append(searchLines.length() == 0 ? "" : "\n").append(line);
            }
            String searchLine = searchLines.toString();

            // one hot lot, 64 concurrent reservations of 2 kg each
            long product = http.expect("GET", catalog + "/products?q=vai%20thieu&size=1", null, null).get("items").get(0)
                    .get("id").asLong();
            long initial = 2_000_000_000L;
            long lot = http.expect("POST", catalog + "/lots", staff, Map.of("productId", product, "harvestDate",
                    LocalDate.now().toString(), "quantityGrams", initial)).get("id").asLong();
            String run = Long.toString(System.nanoTime(), 36);
            try (MemorySampler memory = new MemorySampler(Map.of("catalog-service",
                    () -> suite.service(Service.CATALOG).rssKiB()))) {
                Load.Result hot = Load.run(64, 5, 20, (client, seq) -> {
                    Http.Reply reply = http.send("POST", catalog + "/stock/reservations", service,
                            Map.of("orderRef", "bench-" + run + "-" + seq, "buyer", "buyer-" + client, "ttlSeconds", 900,
                                    "lines", List.of(Map.of("lotId", lot, "grams", 2000))));
                    return Integer.toString(reply.status());
                }, () -> false, "201"::equals);
                var after = http.expect("GET", catalog + "/lots/" + lot, null, null);
                long held = after.get("heldGrams").asLong();
                long confirmed = after.get("confirmedGrams").asLong();
                long available = after.get("availableGrams").asLong();
                String hotLine = hot.summary("reservations on one hot lot, 64 clients");
                String invariant = String.format("invariant: held %d + confirmed %d + available %d = %d (quantity %d): %s",
                        held, confirmed, available, held + confirmed + available, initial,
                        held + confirmed + available == initial ? "holds" : "BROKEN");
                System.out.println(hotLine);
                System.out.println(invariant);
                System.out.println(memory.peaks());
                String machine = BenchSupport.machine();
                System.out.println(machine);
                BenchSupport.record("catalog", List.of(machine, searchLine, hotLine, invariant, memory.peaks()));
            }
        }
    }
}
