package io.agrilink.order;

import static io.agrilink.order.Livestreams.live;
import static io.agrilink.order.Livestreams.newCode;
import static io.agrilink.order.Livestreams.newId;
import static io.agrilink.order.Livestreams.sent;
import static io.agrilink.order.Livestreams.withCode;
import static io.agrilink.order.OrderFixtures.abroad;
import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.place;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An order placed with a livestream's code counts for the stream iff the stream is live and sells
 * the campaign of one of its lines; otherwise it is placed all the same, and says why it does not
 * count. The decision is written with the order and can never change.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LivestreamAttributionTest {

    @Inject
    CatalogDouble catalog;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/orders")
    URI orders;

    @Test
    void sixtyConcurrentOrdersAreAttributedToExactlyTheirStreams() throws Exception {
        long campaign = ThreadLocalRandom.current().nextLong(4_000_000, 5_000_000);
        long otherCampaign = campaign + 1;
        long lot = catalog.addLot(10_000_000, 160_000, campaign, "farmer-lan");
        List<String> liveCodes = List.of(newCode(), newCode(), newCode());
        List<Long> liveIds = new ArrayList<>();
        for (String code : liveCodes) {
            long id = newId();
            liveIds.add(id);
            sent(live(id, code, campaign, 1));
        }
        String ended = newCode();
        sent(Livestreams.snapshot(newId(), ended, campaign, "ENDED", 3, Instant.now().minusSeconds(7200),
                Instant.now().minusSeconds(600), List.of(Livestreams.leader("leader-hung"))));
        String otherCampaigns = newCode();
        sent(live(newId(), otherCampaigns, otherCampaign, 1));

        // six kinds of order, ten of each: three live streams (one in lower case), an ended one,
        // another campaign's, no code; deliveries in Hà Nội, Hồ Chí Minh and abroad
        Map<String, Object> hcm = Map.of("recipient", "Lý Văn Phúc", "phone", "0908 123 456", "country", "VN",
                "province", "Hồ Chí Minh", "commune", "Phường Sài Gòn", "street", "1 Lê Duẩn");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        try (ExecutorService buyers = Executors.newFixedThreadPool(60)) {
            for (int i = 0; i < 60; i++) {
                String code = switch (i % 6) {
                    case 0, 1 -> liveCodes.get(i % 6);
                    case 2 -> liveCodes.get(2).toLowerCase();
                    case 3 -> ended;
                    case 4 -> otherCampaigns;
                    default -> null;
                };
                codes.add(code);
                long grams = 500L * (1 + i % 4);
                Map<String, Object> base = switch (i % 3) {
                    case 0 -> cod(lot, grams);
                    case 1 -> order(lot, grams, "CASH_ON_DELIVERY", hcm);
                    default -> order(lot, grams, "BANK_TRANSFER", abroad("US", "94105"));
                };
                String body = json.writeValueAsString(withCode(base, code));
                String token = Tokens.of(Roles.BUYER, unique("live-buyer"));
                answers.add(buyers.submit(() -> {
                    start.await();
                    return http.send(HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
        }
        Map<String, Integer> attributed = new HashMap<>();
        List<Long> orderIds = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> response = answers.get(i).get();
            assertEquals(201, response.statusCode(), response.body());
            JsonNode view = json.readTree(response.body());
            orderIds.add(view.get("id").asLong());
            JsonNode stream = view.get("livestream");
            switch (i % 6) {
                case 0, 1, 2 -> {
                    assertTrue(stream.get("attributed").asBoolean(), response.body());
                    assertEquals(liveCodes.get(i % 6), stream.get("code").asText(), "upper-cased");
                    assertEquals("Vải thiều Lục Ngạn – trực tiếp từ vườn", stream.get("title").asText());
                    assertTrue(stream.get("reason").isNull());
                    attributed.merge(stream.get("code").asText(), 1, Integer::sum);
                }
                case 3 -> {
                    assertFalse(stream.get("attributed").asBoolean());
                    assertEquals("livestream " + ended + " is not live (ended)", stream.get("reason").asText());
                    assertTrue(stream.get("title").isNull());
                }
                case 4 -> assertEquals("livestream " + otherCampaigns + " sells another campaign",
                        stream.get("reason").asText());
                default -> assertTrue(stream.isNull(), "no code, no livestream: " + response.body());
            }
        }
        assertEquals(Map.of(liveCodes.get(0), 10, liveCodes.get(1), 10, liveCodes.get(2), 10), attributed);

        // in the database: ten orders per stream, the codes and reasons stored as answered
        for (long id : liveIds) {
            assertEquals(10, sql("select count(*) from customer_order where livestream_id = " + id));
        }
        String ids = orderIds.toString().replace("[", "(").replace("]", ")");
        assertEquals(30, sql("select count(*) from customer_order where livestream_id is not null and id in " + ids));
        assertEquals(20, sql("select count(*) from customer_order where livestream_id is null"
                + " and livestream_note is not null and id in " + ids));
        assertEquals(10, sql("select count(*) from customer_order where livestream_code is null and id in " + ids));

        // each stream's counter and results are the sums of its orders; groups add up to the totals
        long cancelled = orderIds.get(0);
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).contentType("application/json").body("{}")
                .post("/orders/" + cancelled + "/cancel").then().statusCode(200);
        for (int s = 0; s < 3; s++) {
            String code = liveCodes.get(s);
            long id = liveIds.get(s);
            long orders = sql("select count(*) from customer_order where livestream_id = " + id
                    + " and status <> 'CANCELLED'");
            long grams = sql("select coalesce(sum(total_grams), 0) from customer_order where livestream_id = " + id
                    + " and status <> 'CANCELLED'");
            long revenue = sql("select coalesce(sum(total_amount), 0) from customer_order where livestream_id = "
                    + id + " and status <> 'CANCELLED'");
            assertEquals(s == 0 ? 9 : 10, orders, "the cancelled order is not counted");
            JsonPath counter = given().get("/livestreams/" + code + "/counter").then().statusCode(200)
                    .header("Cache-Control", "public, max-age=1").extract().jsonPath();
            assertEquals(orders, counter.getLong("orders"));
            assertEquals(grams, counter.getLong("grams"));
            assertEquals("LIVE", counter.getString("state"));
            assertAddsUp(counter, "byProvince", orders, grams);
            assertAddsUp(counter, "byCountry", orders, grams);
            assertAddsUp(counter, "perMinute", orders, grams);
            JsonPath results = given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa"))
                    .get("/livestreams/" + code + "/results").then().statusCode(200).extract().jsonPath();
            assertEquals(orders, results.getLong("orders"));
            assertEquals(grams, results.getLong("grams"));
            assertEquals(revenue, results.getLong("revenue"));
            assertEquals(revenue, results.getList("byCountry.revenue", Long.class).stream().mapToLong(x -> x).sum());
        }
    }

    @Test
    void aStreamGoingLiveDuringTheSaleCountsWithinASecond() throws Exception {
        long campaign = ThreadLocalRandom.current().nextLong(5_000_000, 6_000_000);
        long lot = catalog.addLot(1_000_000, 160_000, campaign, "farmer-lan");
        long id = newId();
        String code = newCode();
        sent(Livestreams.snapshot(id, code, campaign, "SCHEDULED", 1, null, null,
                List.of(Livestreams.leader("leader-hung"))));
        place(unique("buyer"), UUID.randomUUID().toString(), withCode(cod(lot, 1_000), code)).then()
                .statusCode(201).body("livestream.attributed", equalTo(false))
                .body("livestream.reason", equalTo("livestream " + code + " is not live (scheduled)"));

        // snapshot received by this instance: counts at once
        sent(live(id, code, campaign, 2));
        place(unique("buyer"), UUID.randomUUID().toString(), withCode(cod(lot, 1_000), code)).then()
                .statusCode(201).body("livestream.attributed", equalTo(true));

        // received by another instance (written straight to the shared table): counts within a second
        String other = newCode();
        long otherId = newId();
        sent(Livestreams.snapshot(otherId, other, campaign, "SCHEDULED", 1, null, null,
                List.of(Livestreams.leader("leader-hung"))));
        update("update livestream set state = 'LIVE', started_at = now(), version = 2, updated_at = clock_timestamp()"
                + " where id = " + otherId);
        Thread.sleep(1_500);
        place(unique("buyer"), UUID.randomUUID().toString(), withCode(cod(lot, 1_000), other)).then()
                .statusCode(201).body("livestream.attributed", equalTo(true));

        // and an unknown code is ignored, the order placed
        place(unique("buyer"), UUID.randomUUID().toString(), withCode(cod(lot, 1_000), "ZZZZ9999")).then()
                .statusCode(201).body("status", equalTo("CONFIRMED")).body("livestream.attributed", equalTo(false))
                .body("livestream.reason", equalTo("no livestream has code ZZZZ9999"));
    }

    @Test
    void theAnswerReplayedAndTheOrderReadLaterNameTheSameStream() {
        long campaign = ThreadLocalRandom.current().nextLong(6_000_000, 7_000_000);
        long lot = catalog.addLot(1_000_000, 160_000, campaign, "farmer-lan");
        String code = newCode();
        sent(live(newId(), code, campaign, 1));
        String buyer = unique("buyer");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = withCode(cod(lot, 1_500), code);
        JsonPath first = place(buyer, key, body).then().statusCode(201).extract().jsonPath();
        place(buyer, key, body).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("livestream.code", equalTo(code)).body("livestream.attributed", equalTo(true))
                .body("livestream.title", equalTo("Vải thiều Lục Ngạn – trực tiếp từ vườn"));
        // the same key with another code is another request
        place(buyer, key, withCode(cod(lot, 1_500), newCode())).then().statusCode(422);
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + first.getLong("id")).then()
                .statusCode(200).body("livestream.code", equalTo(code)).body("livestream.attributed", equalTo(true))
                .body("livestream.title", equalTo("Vải thiều Lục Ngạn – trực tiếp từ vườn"))
                .body("livestream.reason", nullValue());
        long plain = OrderFixtures.placed(buyer, cod(lot, 500));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + plain).then().statusCode(200)
                .body("livestream", nullValue());
    }

    @Test
    void aMalformedCodeIsA400NamingLive() {
        long lot = catalog.addLot(1_000_000, 160_000, 1L, "farmer-lan");
        for (String bad : new String[] { "LN-6CH", "AB", "ABCDEFGHJKLMN", "", "Vải99" }) {
            place(unique("buyer"), UUID.randomUUID().toString(), withCode(cod(lot, 500), bad)).then()
                    .statusCode(400).body("violations[0].field", equalTo("live"));
        }
        place(unique("buyer"), UUID.randomUUID().toString(), withCode(cod(lot, 500), 42)).then().statusCode(400)
                .body("violations[0].field", equalTo("live"));
    }

    @Test
    void theAttributionCannotBeChangedInTheDatabase() throws Exception {
        long campaign = ThreadLocalRandom.current().nextLong(7_000_000, 8_000_000);
        long lot = catalog.addLot(1_000_000, 160_000, campaign, "farmer-lan");
        String code = newCode();
        long streamId = newId();
        sent(live(streamId, code, campaign, 1));
        long attributed = OrderFixtures.placed(unique("buyer"), withCode(cod(lot, 1_000), code));
        long plain = OrderFixtures.placed(unique("buyer"), cod(lot, 1_000));
        for (String change : new String[] { "livestream_id = null", "livestream_id = livestream_id + 1",
                "livestream_code = 'ABCDEF'", "livestream_note = 'edited'" }) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> update("update customer_order set " + change + " where id = " + attributed));
            assertTrue(refused.getMessage().contains("immutable"), refused.getMessage());
        }
        assertThrows(SQLException.class, () -> update("update customer_order set livestream_id = " + streamId
                + ", livestream_code = '" + code + "' where id = " + plain), "no attribution after placement");
        assertEquals(streamId, sql("select livestream_id from customer_order where id = " + attributed));
        assertNull(sqlText("select livestream_code from customer_order where id = " + plain));
        // the order's other columns still change: its lifecycle goes on
        update("update customer_order set status = status, livestream_id = livestream_id where id = " + attributed);
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).contentType("application/json").body("{}")
                .post("/orders/" + attributed + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("livestream.attributed", equalTo(true));
    }

    private static void assertAddsUp(JsonPath counter, String groups, long orders, long grams) {
        if (groups.equals("byProvince")) {
            // Vietnamese deliveries only: the orders abroad are in byCountry
            long abroadOrders = counter.getLong("byCountry.findAll { it.country != 'VN' }.orders.sum() ?: 0");
            long abroadGrams = counter.getLong("byCountry.findAll { it.country != 'VN' }.grams.sum() ?: 0");
            orders -= abroadOrders;
            grams -= abroadGrams;
        }
        assertEquals(orders, counter.getList(groups + ".orders", Long.class).stream().mapToLong(x -> x).sum(), groups);
        assertEquals(grams, counter.getList(groups + ".grams", Long.class).stream().mapToLong(x -> x).sum(), groups);
    }

    private long sql(String query) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(query);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String sqlText(String query) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(query);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void update(String statement) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement(statement)) {
            update.executeUpdate();
        }
    }
}
