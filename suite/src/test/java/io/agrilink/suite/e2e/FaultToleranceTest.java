package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.E2e.STAFF;
import static io.agrilink.suite.e2e.E2e.STAFF_ROLE;
import static io.agrilink.suite.e2e.E2e.step;
import static io.agrilink.suite.e2e.E2e.subject;
import static io.agrilink.suite.e2e.RunningSuite.anonymous;
import static io.agrilink.suite.e2e.RunningSuite.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.agrilink.suite.Service;
import io.agrilink.suite.ServiceProcess;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Services crash, stop and lose their database in the middle of the sale; afterwards every
 * accepted order is there with its stock, every handoff arrived exactly once, nothing stays
 * held, and the suite works again without anyone stepping in. Each test has its own farmers,
 * lots and buyers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    private static final Duration RESTART = Duration.ofSeconds(120);

    /** One buyer's attempt to order: the key they will retry with, and what they got. */
    private record Attempt(String buyer, String key, int status, Long orderId) {

        boolean accepted() {
            return status == 201;
        }
    }

    @Test
    @Order(1)
    void everyHandoffArrivesExactlyOnceWhenLogisticsStopsDuringTheSale() {
        String farmer = subject("farmer-hy");
        long lot = E2e.freshLot(farmer, "Hưng Yên", 20_000);
        List<Long> orders = new ArrayList<>();

        step("buyers order 8 parcels", () -> {
            for (int i = 0; i < 8; i++) {
                orders.add(E2e.place(subject("buyer-hy-" + i), "k", E2e.codOrder(lot, 1_000)).then().statusCode(201)
                        .extract().jsonPath().getLong("id"));
            }
        });
        step("the farmer packs three orders and logistics-service is stopped while they are handed over", () -> {
            for (long order : orders.subList(0, 3)) {
                E2e.pack(farmer, order);
            }
            service(Service.LOGISTICS).stop(Duration.ofSeconds(20));
            assertEquals(-1, E2e.readiness(Service.LOGISTICS), "logistics-service is down");
        });
        step("the farmer packs the rest while logistics-service is down; order-service keeps them", () -> {
            for (long order : orders.subList(3, orders.size())) {
                E2e.pack(farmer, order);
            }
            Thread.sleep(3_000);
            for (long order : orders.subList(3, orders.size())) {
                assertEquals("READY_FOR_PICKUP", E2e.orderAsStaff(order).getString("status"));
            }
        });
        step("logistics-service starts again", () -> restart(Service.LOGISTICS));
        step("every order reaches logistics exactly once and order-service knows its shipment", () -> {
            awaitOneShipmentEach(orders);
        });
    }

    @Test
    @Order(2)
    void noGramsStayHeldAndNoOrderLacksStockWhenCatalogIsKilledMidSale() {
        String farmer = subject("farmer-tn");
        long lot = E2e.freshLot(farmer, "Thái Nguyên", 30_000);
        long producer = E2e.lotView(lot).getLong("producerId");
        long enrolment = enrolledInLivestreamCourse(farmer);
        List<Attempt> attempts = new ArrayList<>();

        step("40 buyers order 500 g each in parallel and catalog-service is killed after the first ten answers",
                () -> attempts.addAll(saleInterruptedBy(lot, "tn", 40, 10, () -> service(Service.CATALOG).kill())));
        step("while catalog-service is down, orders are refused with 503 and nothing is ordered", () -> {
            Response refused = E2e.place(subject("buyer-tn-down"), "k", E2e.codOrder(lot, 500));
            assertEquals(503, refused.statusCode(), refused.asString());
            assertEquals(0, E2e.ordersOf(subject("buyer-tn-down")).size());
        });
        step("the farmer completes the livestream course while catalog-service is down", () -> {
            as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("records",
                    List.of(Map.of("enrolmentId", enrolment, "attendance", "ATTENDED"))))
                    .put("/sessions/" + sessionOf(enrolment) + "/attendance").then().statusCode(200);
        });
        step("catalog-service starts again", () -> restart(Service.CATALOG));
        step("the buyers who were refused retry with their keys and get their orders", () -> retryUntilAccepted(lot,
                attempts));
        step("each buyer has exactly one order, and the lot's stock matches the orders to the gram", () -> {
            assertStockMatchesOrders(lot, 30_000, attempts);
        });
        step("the badge granted while catalog was down arrives", () -> await("livestreamReady of " + producer)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> anonymous(Service.CATALOG).get("/producers/" + producer).then()
                        .body("livestreamReady", equalTo(true))));
    }

    @Test
    @Order(3)
    void noAcceptedOrderIsLostAndNoHandoffIsRepeatedWhenOrderServiceIsKilled() {
        String farmer = subject("farmer-pt");
        long lot = E2e.freshLot(farmer, "Phú Thọ", 30_000);
        List<Attempt> attempts = new ArrayList<>();

        step("30 buyers order 500 g each in parallel and order-service is killed after the first eight answers",
                () -> attempts.addAll(saleInterruptedBy(lot, "pt", 30, 8, () -> service(Service.ORDER).kill())));
        step("order-service starts again", () -> restart(Service.ORDER));
        step("every order answered 201 before the crash is still there", () -> {
            List<Attempt> accepted = attempts.stream().filter(Attempt::accepted).toList();
            assertFalse(accepted.isEmpty(), "some orders were accepted before the crash");
            for (Attempt a : accepted) {
                JsonPath order = E2e.orderAsStaff(a.orderId());
                assertEquals(a.buyer(), order.getString("buyer"));
                assertEquals("CONFIRMED", order.getString("status"));
            }
        });
        step("buyers whose answer was lost retry with the same key: the order placed before the crash is "
                + "replayed, never doubled", () -> retryUntilAccepted(lot, attempts));
        step("each buyer has exactly one order, and the lot's stock matches the orders to the gram", () -> {
            assertStockMatchesOrders(lot, 30_000, attempts);
        });
        List<Long> orders = attempts.stream().map(Attempt::orderId).toList();
        step("the farmer packs every order and order-service is killed while the outbox hands them over", () -> {
            for (long order : orders) {
                E2e.pack(farmer, order);
            }
            service(Service.ORDER).kill();
        });
        step("order-service starts again", () -> restart(Service.ORDER));
        step("every order reaches logistics exactly once", () -> awaitOneShipmentEach(orders));
    }

    @Test
    @Order(4)
    void theServicesRecoverByThemselvesWhenTheDatabaseRestarts() {
        String farmer = subject("farmer-db");
        long product = stepReturning("a farmer's product exists before the outage", () -> {
            long producer = E2e.producer(farmer, "HTX Sau Sự Cố " + E2e.RUN, "Cao Bằng", "Xã Trùng Khánh");
            return E2e.product(farmer, producer, 90_000);
        });
        step("the database stops: every service reports not ready", () -> {
            RunningSuite.get().stopDatabase();
            await("readiness DOWN in all four services").atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        for (Service service : Service.values()) {
                            assertNotEquals(200, E2e.readiness(service), service + " readiness");
                        }
                    });
            E2e.place(subject("buyer-db-down"), "k", E2e.codOrder(1, 500)).then().statusCode(503);
        });
        step("the database starts again: every service is ready without a manual step", () -> {
            RunningSuite.get().restartDatabase();
            await("readiness UP in all four services").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        for (Service service : Service.values()) {
                            assertEquals(200, E2e.readiness(service), service + " readiness");
                        }
                    });
        });
        step("a new lot, order, course and carrier work in every service", () -> {
            long lot = E2e.lot(farmer, product, 5_000);
            String buyer = subject("buyer-db");
            long order = await("an order after the outage").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> E2e.place(buyer, "after-outage", E2e.codOrder(lot, 1_500)), r -> r.statusCode() == 201)
                    .jsonPath().getLong("id");
            await("the order's stock confirmed").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath view = E2e.lotView(lot);
                assertEquals(1_500, view.getLong("confirmedGrams"));
                assertEquals(0, view.getLong("heldGrams"));
            });
            as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("code", "AFTER-OUTAGE-" + E2e.RUN.toUpperCase(),
                    "topic", "FILMING", "hours", 2, "title", Map.of("vi", "Quay phim bằng điện thoại"),
                    "description", Map.of("vi", "Ánh sáng, góc máy"))).post("/courses").then().statusCode(201);
            as(Service.LOGISTICS, STAFF_ROLE, STAFF).body(Map.of("subject", subject("carrier-db"), "name",
                    "Sau Sự Cố Express " + E2e.RUN, "nationwide", true, "capabilities", List.of("COD_COLLECTION"),
                    "dailyCapacity", 5)).post("/carriers").then().statusCode(201);
            E2e.pack(farmer, order);
            await("the shipment after the outage").atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(
                    Service.LOGISTICS, STAFF_ROLE, STAFF).get("/shipments/by-order/" + order).then().statusCode(200));
        });
    }

    // ---- the sale, interrupted

    /**
     * {@code buyers} buyers each order 500 g of {@code lot} on four threads; after {@code answers}
     * answers {@code fault} runs while the others are still ordering. Returns every attempt.
     */
    private static List<Attempt> saleInterruptedBy(long lot, String tag, int buyers, int answers, E2e.Action fault)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch answered = new CountDownLatch(answers);
        List<Future<Attempt>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < buyers; i++) {
                String buyer = subject("buyer-" + tag + "-" + i);
                futures.add(pool.submit(() -> {
                    Attempt attempt;
                    try {
                        Response r = E2e.place(buyer, "k-" + buyer, E2e.codOrder(lot, 500));
                        attempt = new Attempt(buyer, "k-" + buyer, r.statusCode(),
                                r.statusCode() == 201 ? r.jsonPath().getLong("id") : null);
                    } catch (Exception connectionLost) {
                        attempt = new Attempt(buyer, "k-" + buyer, -1, null);
                    }
                    answered.countDown();
                    return attempt;
                }));
            }
            assertTrue(answered.await(60, TimeUnit.SECONDS), "the first answers came");
            fault.run();
            List<Attempt> attempts = new ArrayList<>();
            for (Future<Attempt> f : futures) {
                attempts.add(f.get(90, TimeUnit.SECONDS));
            }
            long accepted = attempts.stream().filter(Attempt::accepted).count();
            System.out.printf("[e2e] %s: %d of %d orders accepted before/while the fault hit%n", tag, accepted, buyers);
            for (Attempt a : attempts) {
                assertTrue(List.of(201, 503, -1).contains(a.status()),
                        a.buyer() + " got " + a.status() + ": only 201, 503 or a lost connection are acceptable");
            }
            return attempts;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every buyer without an order retries with the same key until it is accepted; fills in the order ids. */
    private static void retryUntilAccepted(long lot, List<Attempt> attempts) {
        Map<String, Long> first = new ConcurrentHashMap<>();
        attempts.stream().filter(Attempt::accepted).forEach(a -> first.put(a.buyer(), a.orderId()));
        await("every buyer's retry accepted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (Attempt a : attempts) {
                        if (first.containsKey(a.buyer())) {
                            continue;
                        }
                        Response r = E2e.place(a.buyer(), a.key(), E2e.codOrder(lot, 500));
                        if (r.statusCode() == 201) {
                            first.put(a.buyer(), r.jsonPath().getLong("id"));
                            if ("true".equals(r.header("Idempotent-Replayed"))) {
                                System.out.println("[e2e] " + a.buyer() + ": the order placed before the fault was replayed");
                            }
                        } else {
                            assertEquals(503, r.statusCode(), a.buyer() + "'s retry: " + r.asString());
                        }
                    }
                    assertEquals(attempts.size(), first.size(), "buyers with an order");
                });
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            attempts.set(i, new Attempt(a.buyer(), a.key(), 201, first.get(a.buyer())));
        }
    }

    /** One order per buyer; nothing held; confirmed = the orders' grams; available = the rest. */
    private static void assertStockMatchesOrders(long lot, long quantity, List<Attempt> attempts) {
        long ordered = 0;
        for (Attempt a : attempts) {
            List<Map<String, Object>> orders = E2e.ordersOf(a.buyer());
            assertEquals(1, orders.size(), a.buyer() + "'s orders: " + orders);
            assertEquals(a.orderId(), E2e.id(orders.get(0)), a.buyer() + "'s order");
            assertEquals("CONFIRMED", orders.get(0).get("status"), a.buyer() + "'s order status");
            ordered += E2e.grams(orders.get(0), lot);
        }
        long expected = ordered;
        await("no grams held, the lot's confirmed grams equal to the orders").atMost(Duration.ofSeconds(75))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    JsonPath view = E2e.lotView(lot);
                    assertEquals(0, view.getLong("heldGrams"), "held grams");
                    assertEquals(expected, view.getLong("confirmedGrams"), "confirmed grams");
                    assertEquals(quantity - expected, view.getLong("availableGrams"), "available grams");
                });
    }

    /** Each order has exactly one shipment in logistics-service, and order-service names it. */
    private static void awaitOneShipmentEach(List<Long> orders) {
        await("one shipment per order").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<Long, Integer> counts = E2e.shipmentsPerOrder();
                    for (long order : orders) {
                        assertEquals(1, counts.getOrDefault(order, 0), "shipments of order " + order);
                    }
                });
        await("order-service knows each shipment").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (long order : orders) {
                        long shipment = as(Service.LOGISTICS, STAFF_ROLE, STAFF).get("/shipments/by-order/" + order)
                                .then().statusCode(200).extract().jsonPath().getLong("id");
                        assertEquals(shipment, E2e.shipmentKnownToOrder(order), "order " + order);
                    }
                });
        // once more after everything settled: a late retry must not have added a second shipment
        Map<Long, Integer> counts = E2e.shipmentsPerOrder();
        for (long order : orders) {
            assertEquals(1, counts.getOrDefault(order, 0), "shipments of order " + order);
        }
    }

    // ---- training, for the badge

    /** A livestream course session with {@code farmer} seated; returns the enrolment id. */
    private static long enrolledInLivestreamCourse(String farmer) {
        long course = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("code", "LIVE-TN-" + E2e.RUN.toUpperCase(),
                "topic", "LIVESTREAM_SELLING", "hours", 6, "title", Map.of("vi", "Livestream bán chè"),
                "description", Map.of("vi", "Bán chè Tân Cương qua livestream")))
                .post("/courses").then().statusCode(201).extract().jsonPath().getLong("id");
        Instant start = Instant.now().plus(Duration.ofHours(1));
        long session = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("courseId", course,
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(2)).toString(),
                "venue", Map.of("kind", "ONLINE", "url", "https://meet.example.vn/live-tn"), "capacity", 5,
                "trainer", subject("trainer-tn")))
                .post("/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
        return as(Service.TRAINING, E2e.FARMER, farmer).body(Map.of()).post("/sessions/" + session + "/enrolments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long sessionOf(long enrolment) {
        return as(Service.TRAINING, STAFF_ROLE, STAFF).get("/enrolments/" + enrolment).then().statusCode(200)
                .extract().jsonPath().getLong("sessionId");
    }

    // ---- processes

    private static ServiceProcess service(Service service) {
        return RunningSuite.get().service(service);
    }

    private static void restart(Service service) throws Exception {
        ServiceProcess process = service(service);
        process.start();
        process.awaitReady(RESTART);
    }

    @FunctionalInterface
    private interface Supplier<T> {
        T get() throws Exception;
    }

    private static <T> T stepReturning(String name, Supplier<T> supplier) {
        List<T> result = new ArrayList<>(1);
        step(name, () -> result.add(supplier.get()));
        return result.get(0);
    }
}
