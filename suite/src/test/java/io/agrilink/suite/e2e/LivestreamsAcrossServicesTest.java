package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.E2e.FARMER;
import static io.agrilink.suite.e2e.E2e.STAFF;
import static io.agrilink.suite.e2e.E2e.STAFF_ROLE;
import static io.agrilink.suite.e2e.E2e.step;
import static io.agrilink.suite.e2e.E2e.subject;
import static io.agrilink.suite.e2e.RunningSuite.anonymous;
import static io.agrilink.suite.e2e.RunningSuite.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.agrilink.suite.Service;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A livestream across the four services, through their public APIs only: staff schedule it in
 * catalog-service for a farmer sales team whose leader earned the livestream badge in
 * training-service; catalog's outbox tells order-service when it goes live, so the buyers' orders
 * with its code count for it within seconds; parallel orders are counted exactly, equal to the
 * orders read back; an order after the end is placed but not counted, saying why; the team's
 * results and training's funnel see the same sale. And a stream started while order-service is
 * down reaches it once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivestreamsAcrossServicesTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int PARALLEL_ORDERS = 24;
    private static final long GRAMS_EACH = 1_500;
    private static final long CAMPAIGN_PRICE = 62_000;

    /** Where the parallel buyers live: four provinces and one country abroad. */
    private static final List<Map<String, Object>> DELIVERIES = List.of(
            E2e.vietnam("Nguyễn Văn An", "Hà Nội", "Phường Hoàn Kiếm"),
            E2e.vietnam("Trần Thị Bích", "Hồ Chí Minh", "Phường Sài Gòn"),
            E2e.vietnam("Phạm Thu Hà", "Hải Phòng", "Phường Hải Dương"),
            E2e.vietnam("Lê Quốc Bảo", "Đà Nẵng", "Phường Hải Vân"),
            E2e.abroad("Linh Nguyen", "US", "+1 415 555 0100", "500 Stockton St, San Francisco CA", "94108"));

    private static final String LEADER = subject("farmer-phuongson");
    private static final String OUTSIDER = subject("farmer-outsider");
    private static long producerId;
    private static long lotId;
    private static long campaignId;
    private static long teamId;
    private static String teamName;
    private static String code;
    /** Every order placed on the farmer's lot in this class, as order-service answered it. */
    private static final List<JsonPath> placed = new ArrayList<>();

    @BeforeAll
    static void aCertifiedTeamAndACampaign() {
        step("a farmer in Bắc Ninh lists lychee and a harvest lot", () -> {
            lotId = E2e.freshLot(LEADER, "Bắc Ninh", 200_000);
            producerId = E2e.lotView(lotId).getLong("producerId");
        });
        step("she passes the livestream-selling course in training-service", () -> certify(LEADER));
        step("the badge reaches catalog-service through training's outbox", () -> await("livestreamReady")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> anonymous(Service.CATALOG).get("/producers/" + producerId).then()
                        .body("livestreamReady", equalTo(true))));
        step("staff form her sales team in Phường Phượng Sơn", () -> {
            teamName = "Tổ bán hàng Phượng Sơn " + E2e.RUN;
            teamId = as(Service.CATALOG, STAFF_ROLE, STAFF).body(Map.of("name", teamName, "kind", "TEAM",
                    "province", "Bắc Ninh", "commune", "Phường Phượng Sơn", "leader", LEADER, "members", List.of(LEADER)))
                    .post("/teams").then().statusCode(201).extract().jsonPath().getLong("id");
        });
        step("staff put the lot in a running campaign", () -> {
            Map<String, Object> campaign = new LinkedHashMap<>();
            campaign.put("name", "Tuần lễ vải thiều Phượng Sơn " + E2e.RUN);
            campaign.put("host", "Phó Chủ tịch UBND tỉnh Bắc Ninh");
            campaign.put("description", "Livestream chốt đơn vải thiều");
            campaign.put("startsAt", Instant.now().minusSeconds(60).toString());
            campaign.put("endsAt", Instant.now().plus(Duration.ofHours(6)).toString());
            campaign.put("perBuyerLimitGrams", 10_000);
            campaign.put("targetGrams", 200_000);
            campaign.put("lots", List.of(Map.of("lotId", lotId, "pricePerKg", CAMPAIGN_PRICE)));
            campaignId = as(Service.CATALOG, STAFF_ROLE, STAFF).body(campaign).post("/campaigns").then()
                    .statusCode(201).extract().jsonPath().getLong("id");
        });
    }

    @Test
    @Order(1)
    void aTeamsStreamCountsEveryOrderPlacedWithItsCodeWhileLiveAndNoOther() throws Exception {
        step("staff schedule the team's stream in catalog-service", () -> {
            code = as(Service.CATALOG, STAFF_ROLE, STAFF).body(stream("Vải thiều Phượng Sơn – trực tiếp từ vườn",
                    List.of(Map.of("kind", "TEAM", "teamId", teamId)))).post("/livestreams").then().statusCode(201)
                    .extract().jsonPath().getString("code");
            assertTrue(code.matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}"), code);
        });
        step("an order with the code before the stream starts is placed, not counted, and says why", () -> {
            await("order-service knows the scheduled stream").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> anonymous(Service.ORDER)
                            .get("/livestreams/" + code + "/counter").then().statusCode(200)
                            .body("state", equalTo("SCHEDULED")));
            JsonPath early = placeWithCode(subject("buyer-early"), code.toLowerCase(), DELIVERIES.get(0));
            assertFalse(early.getBoolean("livestream.attributed"), early.prettify());
            assertEquals(code, early.getString("livestream.code"), "stored upper-cased");
            assertTrue(early.getString("livestream.reason").contains("not live"), early.getString("livestream.reason"));
        });
        step("her team's leader goes live; catalog's outbox tells order-service within seconds", () -> {
            Instant started = Instant.now();
            as(Service.CATALOG, FARMER, LEADER).post("/livestreams/" + code + "/start").then().statusCode(200)
                    .body("state", equalTo("LIVE"));
            await("an order with the code attributed").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> anonymous(Service.ORDER).get("/livestreams/" + code + "/counter").jsonPath()
                            .getString("state"), "LIVE"::equals);
            System.out.printf("[e2e] livestream %s LIVE in order-service %d ms after the start%n", code,
                    Duration.between(started, Instant.now()).toMillis());
        });
        List<JsonPath> counted = new ArrayList<>();
        step(PARALLEL_ORDERS + " buyers order with the code in parallel, each counted for the stream", () -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<JsonPath>> answers = new ArrayList<>();
                for (int i = 0; i < PARALLEL_ORDERS; i++) {
                    String buyer = subject("buyer-live-" + i);
                    Map<String, Object> delivery = DELIVERIES.get(i % DELIVERIES.size());
                    answers.add(pool.submit(() -> placeWithCode(buyer, code, delivery)));
                }
                for (Future<JsonPath> answer : answers) {
                    JsonPath order = answer.get();
                    assertTrue(order.getBoolean("livestream.attributed"), order.prettify());
                    assertEquals(code, order.getString("livestream.code"));
                    assertNull(order.get("livestream.reason"));
                    counted.add(order);
                }
            } finally {
                pool.shutdownNow();
            }
        });
        step("the stream's results count exactly those orders, equal to their totals read back", () -> {
            long grams = 0;
            long revenue = 0;
            Map<String, Long> byCountry = new LinkedHashMap<>();
            for (JsonPath order : counted) {
                JsonPath stored = E2e.orderAsStaff(order.getLong("id"));
                assertTrue(stored.getBoolean("livestream.attributed"), "order " + order.getLong("id") + " read back");
                grams += stored.getLong("totalGrams");
                revenue += stored.getLong("totalAmount");
                byCountry.merge(stored.getString("delivery.country"), 1L, Long::sum);
            }
            assertEquals(PARALLEL_ORDERS * GRAMS_EACH, grams);
            JsonPath results = as(Service.ORDER, STAFF_ROLE, STAFF).get("/livestreams/" + code + "/results").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(PARALLEL_ORDERS, results.getInt("orders"));
            assertEquals(grams, results.getLong("grams"));
            assertEquals(revenue, results.getLong("revenue"));
            assertEquals(sum(results.getList("byCountry.orders")), PARALLEL_ORDERS, "countries add up");
            assertEquals(sum(results.getList("byCountry.revenue")), revenue, "countries' revenue adds up");
            assertEquals(byCountry.get("US").longValue(), results.getLong("byCountry.find { it.country == 'US' }.orders"));
            assertEquals(PARALLEL_ORDERS - byCountry.get("US"), sum(results.getList("byProvince.orders")),
                    "the Vietnamese provinces add up");
            assertEquals(4, results.getList("byProvince").size(), "four provinces");
            assertEquals(grams, sum(results.getList("perMinute.grams")), "the minutes add up");

            // the public counter is read from the database at most once a second: it catches up within that
            await("the public counter counts them").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> anonymous(Service.ORDER).get("/livestreams/" + code + "/counter").jsonPath()
                            .getInt("orders"), n -> n == PARALLEL_ORDERS);
            JsonPath counter = anonymous(Service.ORDER).get("/livestreams/" + code + "/counter").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(PARALLEL_ORDERS, counter.getInt("orders"));
            assertEquals(grams, counter.getLong("grams"));
            assertNull(counter.get("revenue"), "the public counter has no amounts");
        });
        step("the leader reads her stream's results; a farmer of no host is refused", () -> {
            as(Service.ORDER, FARMER, LEADER).get("/livestreams/" + code + "/results").then().statusCode(200)
                    .body("orders", equalTo(PARALLEL_ORDERS));
            as(Service.ORDER, FARMER, OUTSIDER).get("/livestreams/" + code + "/results").then().statusCode(403);
        });
        step("the leader ends the stream; an order with its code afterwards is placed, not counted, and says why", () -> {
            as(Service.CATALOG, FARMER, LEADER).post("/livestreams/" + code + "/end").then().statusCode(200)
                    .body("state", equalTo("ENDED"));
            await("order-service knows it ended").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> anonymous(Service.ORDER).get("/livestreams/" + code + "/counter").jsonPath()
                            .getString("state"), "ENDED"::equals);
            JsonPath late = placeWithCode(subject("buyer-after-end"), code, DELIVERIES.get(1));
            assertFalse(late.getBoolean("livestream.attributed"), late.prettify());
            assertEquals("livestream " + code + " is not live (ended)", late.getString("livestream.reason"));
            assertEquals("CONFIRMED", late.getString("status"), "her lychees are hers all the same");
            JsonPath results = as(Service.ORDER, STAFF_ROLE, STAFF).get("/livestreams/" + code + "/results").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(PARALLEL_ORDERS, results.getInt("orders"), "still the orders placed while live");
            assertNotNull(results.getString("endedAt"));
            assertNotNull(results.getString("headline"));
        });
        step("the team's results are the stream's", () -> {
            JsonPath stream = as(Service.ORDER, STAFF_ROLE, STAFF).get("/livestreams/" + code + "/results").then()
                    .extract().jsonPath();
            JsonPath team = as(Service.ORDER, FARMER, LEADER).queryParam("team", teamId).get("/livestream-results")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(code), team.getList("streams.code"));
            assertEquals(PARALLEL_ORDERS, team.getInt("orders"));
            assertEquals(stream.getLong("grams"), team.getLong("grams"));
            assertEquals(stream.getLong("revenue"), team.getLong("revenue"));
            as(Service.ORDER, FARMER, OUTSIDER).queryParam("team", teamId).get("/livestream-results").then()
                    .statusCode(403);
        });
        step("training's funnel counts the leader from enrolment to first sale, with her producer's revenue", () -> {
            long revenue = 0;
            for (JsonPath order : placed) {
                revenue += E2e.orderAsStaff(order.getLong("id")).getLong("totalAmount");
            }
            LocalDate today = LocalDate.now(VIETNAM);
            JsonPath funnel = as(Service.TRAINING, STAFF_ROLE, STAFF).queryParam("by", "team")
                    .queryParam("from", today.minusDays(1).toString()).queryParam("to", today.plusDays(1).toString())
                    .get("/reports/funnel").then().statusCode(200).extract().jsonPath();
            assertEquals("available", funnel.getString("sources.catalog"), funnel.prettify());
            assertEquals("available", funnel.getString("sources.orders"), funnel.prettify());
            Map<String, Object> group = funnel.getMap("groups.find { it.label == '" + teamName + "' }");
            assertNotNull(group, "the team's row in " + funnel.prettify());
            for (String stepName : List.of("enrolled", "attended", "certified", "listedProduct", "hostedStream",
                    "firstSale")) {
                assertEquals(1, ((Number) group.get(stepName)).intValue(), stepName + " in " + group);
            }
            assertEquals(revenue, ((Number) group.get("revenue")).longValue(), "her producer's revenue: " + group);
        });
    }

    @Test
    @Order(2)
    void aStreamStartedWhileOrderServiceIsDownReachesItWhenItIsBack() {
        String second = stepReturning("staff schedule a second stream, the leader as FARMER host", () ->
                as(Service.CATALOG, STAFF_ROLE, STAFF).body(stream("Vải thiều Phượng Sơn – phiên tối",
                        List.of(Map.of("kind", "FARMER", "subject", LEADER)))).post("/livestreams").then()
                        .statusCode(201).extract().jsonPath().getString("code"));
        step("order-service knows it as scheduled, then stops", () -> {
            await("the scheduled stream in order-service").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> anonymous(Service.ORDER)
                            .get("/livestreams/" + second + "/counter").then().statusCode(200)
                            .body("state", equalTo("SCHEDULED")));
            RunningSuite.get().service(Service.ORDER).stop(Duration.ofSeconds(20));
            assertEquals(-1, E2e.readiness(Service.ORDER), "order-service is down");
        });
        step("the farmer goes live while order-service is down: catalog says LIVE and keeps the message", () -> {
            as(Service.CATALOG, FARMER, LEADER).post("/livestreams/" + second + "/start").then().statusCode(200)
                    .body("state", equalTo("LIVE"));
            Thread.sleep(2_000);
        });
        step("order-service starts again", () -> {
            RunningSuite.get().service(Service.ORDER).start();
            RunningSuite.get().service(Service.ORDER).awaitReady(Duration.ofSeconds(120));
        });
        step("the start is delivered and an order with the code counts", () -> {
            await("order-service knows the stream is live").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300)).until(() -> anonymous(Service.ORDER)
                            .get("/livestreams/" + second + "/counter").jsonPath().getString("state"), "LIVE"::equals);
            JsonPath order = placeWithCode(subject("buyer-after-restart"), second, DELIVERIES.get(2));
            assertTrue(order.getBoolean("livestream.attributed"), order.prettify());
            as(Service.ORDER, FARMER, LEADER).get("/livestreams/" + second + "/results").then().statusCode(200)
                    .body("orders", equalTo(1));
            as(Service.ORDER, FARMER, LEADER).queryParam("host", LEADER).get("/livestream-results").then()
                    .statusCode(200).body("streams.code", hasItem(second));
        });
    }

    // ---- helpers

    private static Map<String, Object> stream(String title, List<Map<String, Object>> hosts) {
        Instant start = Instant.now().plus(Duration.ofMinutes(5));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("platform", "TIKTOK");
        body.put("url", "https://www.tiktok.com/@tophuongson/live");
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plus(Duration.ofHours(3)).toString());
        body.put("campaignId", campaignId);
        body.put("lotIds", List.of(lotId));
        body.put("hosts", hosts);
        return body;
    }

    /** POST /orders with {@code "live": code}; the order is always placed (201). */
    private static JsonPath placeWithCode(String buyer, String liveCode, Map<String, Object> delivery) {
        Map<String, Object> order = new LinkedHashMap<>(E2e.order(lotId, GRAMS_EACH, delivery,
                "VN".equals(delivery.get("country")) ? "CASH_ON_DELIVERY" : "BANK_TRANSFER"));
        order.put("live", liveCode);
        Response answer = E2e.place(buyer, "live-" + buyer, order);
        assertEquals(201, answer.statusCode(), answer.asString());
        JsonPath json = answer.jsonPath();
        synchronized (placed) {
            placed.add(json);
        }
        return json;
    }

    /** A livestream-selling course session with the farmer seated and marked ATTENDED (her certificate). */
    private static void certify(String farmer) {
        long course = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("code", "LIVE-PS-" + E2e.RUN.toUpperCase(),
                "topic", "LIVESTREAM_SELLING", "hours", 8, "title", Map.of("vi", "Bán hàng livestream theo tổ"),
                "description", Map.of("vi", "Chia vai trong tổ, chốt đơn vải thiều")))
                .post("/courses").then().statusCode(201).extract().jsonPath().getLong("id");
        Instant start = Instant.now().plus(Duration.ofHours(1));
        long session = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("courseId", course,
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(2)).toString(),
                "venue", Map.of("kind", "ONLINE", "url", "https://meet.example.vn/live-ps"), "capacity", 10,
                "trainer", subject("trainer-ps")))
                .post("/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
        long enrolment = as(Service.TRAINING, FARMER, farmer).body(Map.of()).post("/sessions/" + session + "/enrolments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("records",
                List.of(Map.of("enrolmentId", enrolment, "attendance", "ATTENDED"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);
    }

    private static long sum(List<?> numbers) {
        long sum = 0;
        for (Object n : numbers) {
            sum += ((Number) n).longValue();
        }
        return sum;
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
