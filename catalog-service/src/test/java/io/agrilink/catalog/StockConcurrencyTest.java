package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.freshLot;
import static io.agrilink.catalog.Fixtures.reservedByStatus;
import static io.agrilink.catalog.Fixtures.stock;
import static io.agrilink.catalog.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** No oversell and no vanished grams, proved with real parallel HTTP requests against real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class StockConcurrencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String token = Tokens.of(Roles.SERVICE, "order-service");

    private record Answer(int status, JsonNode body) {
    }

    private Answer post(String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private int delete(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).DELETE().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Runs every task at once (behind a start gate) and returns their results. */
    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertLedgerMatchesLot(long lot) {
        Fixtures.Stock stock = stock(db, lot);
        Map<String, Long> reserved = reservedByStatus(db, lot);
        assertTrue(stock.balanced(), "held + confirmed + available == quantity: " + stock);
        assertEquals(reserved.getOrDefault("HELD", 0L), stock.held(), "held grams = grams of HELD reservations");
        assertEquals(reserved.getOrDefault("CONFIRMED", 0L), stock.confirmed(),
                "confirmed grams = grams of CONFIRMED reservations");
    }

    @Test
    void twoHundredParallelReservationsForAHundredServingsSellExactlyAHundred() throws Exception {
        long lot = freshLot(100_000);
        double transactionsBefore = metric("agrilink_stock_batch_size_count");
        double reservationsBefore = metric("agrilink_stock_batch_size_sum");
        List<Callable<Answer>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String ref = unique("flash");
            tasks.add(() -> post("/stock/reservations", Fixtures.reservation(ref, "buyer-" + ref, 900, lot, 1_000)));
        }
        List<Answer> answers = inParallel(tasks);

        long created = answers.stream().filter(a -> a.status() == 201).count();
        long refused = answers.stream().filter(a -> a.status() == 409).count();
        assertEquals(100, created);
        assertEquals(100, refused);
        answers.stream().filter(a -> a.status() == 409).forEach(a -> {
            assertEquals(lot, a.body().get("lotId").asLong());
            assertTrue(a.body().has("gramsLeft"));
            assertTrue(a.body().get("gramsLeft").asLong() < 1_000);
        });
        assertEquals(new Fixtures.Stock(100_000, 0, 100_000, 0), stock(db, lot));
        assertEquals(100, Fixtures.count(db, """
                select count(distinct r.id) from reservation r join reservation_line l on l.reservation_id = r.id
                where l.lot_id = ? and r.status = 'HELD'""", lot));
        assertLedgerMatchesLot(lot);
        // concurrent reservations of the hot lot were grouped: fewer transactions than reservations
        double transactions = metric("agrilink_stock_batch_size_count") - transactionsBefore;
        double reservations = metric("agrilink_stock_batch_size_sum") - reservationsBefore;
        assertEquals(200, reservations, 0.1);
        assertTrue(transactions < reservations, transactions + " transactions for 200 reservations");
    }

    private double metric(String name) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void parallelBatchesAndSinglesNeverOversell() throws Exception {
        long lot = freshLot(50_000);
        List<Callable<List<Integer>>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<Object> batch = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                batch.add(Fixtures.reservation(unique("batch"), "buyer-b" + i, 900, lot, 1_000));
            }
            tasks.add(() -> {
                Answer a = post("/stock/reservation-batches", Map.of("reservations", batch));
                List<Integer> statuses = new ArrayList<>();
                a.body().get("results").forEach(r -> statuses.add(r.get("status").asInt()));
                return statuses;
            });
            String ref = unique("single");
            tasks.add(() -> List.of(post("/stock/reservations",
                    Fixtures.reservation(ref, "buyer-s", 900, lot, 1_000)).status()));
        }
        List<Integer> statuses = inParallel(tasks).stream().flatMap(List::stream).toList();
        assertEquals(120, statuses.size());
        assertEquals(50, statuses.stream().filter(s -> s == 201).count());
        assertEquals(70, statuses.stream().filter(s -> s == 409).count());
        assertEquals(new Fixtures.Stock(50_000, 0, 50_000, 0), stock(db, lot));
        assertLedgerMatchesLot(lot);
    }

    @Test
    void sameOrderRefSentInParallelIsHeldOnce() throws Exception {
        long lot = freshLot(100_000);
        String ref = unique("retry");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tasks.add(() -> post("/stock/reservations", Fixtures.reservation(ref, "buyer-hanoi", 900, lot, 2_000))
                    .status());
        }
        List<Integer> statuses = inParallel(tasks);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(29, statuses.stream().filter(s -> s == 200).count());
        assertEquals(new Fixtures.Stock(100_000, 98_000, 2_000, 0), stock(db, lot));
    }

    @Test
    void perBuyerCampaignLimitHoldsUnderParallelOrdersAcrossLots() throws Exception {
        long first = freshLot(100_000);
        long second = freshLot(100_000);
        String campaign = unique("Livestream");
        long campaignId = Fixtures.asStaff().body(Map.of("name", campaign, "host", "Phó Chủ tịch",
                "startsAt", Instant.now().minusSeconds(60).toString(),
                "endsAt", Instant.now().plusSeconds(3600).toString(), "perBuyerLimitGrams", 5_000,
                "targetGrams", 200_000, "lots", List.of(Map.of("lotId", first, "pricePerKg", 45_000),
                        Map.of("lotId", second, "pricePerKg", 45_000))))
                .post("/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
        String buyer = unique("buyer");
        List<Callable<Answer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long lot = i % 2 == 0 ? first : second;
            String ref = unique("limit");
            tasks.add(() -> post("/stock/reservations", Fixtures.reservation(ref, buyer, 900, lot, 1_000)));
        }
        List<Answer> answers = inParallel(tasks);
        assertEquals(5, answers.stream().filter(a -> a.status() == 201).count());
        answers.stream().filter(a -> a.status() == 409).forEach(a -> {
            assertEquals(5_000, a.body().get("limitGrams").asLong());
            assertEquals(campaignId, a.body().get("campaignId").asLong());
        });
        assertEquals(5_000, stock(db, first).held() + stock(db, second).held());
        assertEquals(5_000, Fixtures.count(db,
                "select grams from campaign_buyer_usage where campaign_id = ? and buyer = ?", campaignId, buyer));
    }

    @Test
    void gramsNeverVanishWhileHoldsAreReservedConfirmedReleasedAndExpiredAtOnce() throws Exception {
        long lot = freshLot(40_000);
        Map<String, Boolean> refs = new ConcurrentHashMap<>();
        AtomicInteger counter = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            tasks.add(() -> {
                String ref = "chaos-" + lot + "-" + counter.incrementAndGet();
                int ttl = ThreadLocalRandom.current().nextBoolean() ? 1 : 900;
                Answer a = post("/stock/reservations", Fixtures.reservation(ref, "buyer-x", ttl, lot, 1_000));
                if (a.status() == 201) {
                    refs.put(ref, true);
                    switch (ThreadLocalRandom.current().nextInt(3)) {
                        case 0 -> post("/stock/reservations/" + ref + "/confirm", Map.of());
                        case 1 -> delete("/stock/reservations/" + ref);
                        default -> {
                        }
                    }
                }
                return a.status();
            });
        }
        inParallel(tasks);
        assertLedgerMatchesLot(lot);
        Thread.sleep(2_500);
        // by now the job has expired every 1-second hold that was neither confirmed nor released
        assertLedgerMatchesLot(lot);
        assertEquals(0, Fixtures.count(db, """
                select count(*) from reservation r join reservation_line l on l.reservation_id = r.id
                where l.lot_id = ? and r.status = 'HELD' and r.expires_at < now()""", lot));
        assertTrue(!refs.isEmpty());
    }
}
