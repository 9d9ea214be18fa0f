package io.agrilink.order;

import static io.agrilink.order.Livestreams.host;
import static io.agrilink.order.Livestreams.leader;
import static io.agrilink.order.Livestreams.newCode;
import static io.agrilink.order.Livestreams.newId;
import static io.agrilink.order.Livestreams.sent;
import static io.agrilink.order.Livestreams.snapshot;
import static io.agrilink.order.Livestreams.team;
import static io.agrilink.order.Livestreams.withCode;
import static io.agrilink.order.OrderFixtures.abroad;
import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.service.Headlines;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A stream's public counter and results, and a team's and a host's results over a period: who may
 * read them, what they add up to, and the headline.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LivestreamResultsTest {

    private static final String STAFF = Tokens.of(Roles.STAFF, "staff-hoa");

    @Inject
    CatalogDouble catalog;

    long campaign;
    long teamId;
    String teamStream;
    String kolStream;
    Instant started;
    String leader;

    /**
     * Two streams of one campaign: a farmer team's (ended after 6 h 03 min) and a KOL's (live), each
     * with orders; and a team stream started a month ago, outside the periods asked for below.
     */
    @BeforeEach
    void twoStreamsWithOrders() {
        campaign = ThreadLocalRandom.current().nextLong(8_000_000, 9_000_000);
        teamId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
        long lot = catalog.addLot(10_000_000, 150_000, campaign, "farmer-lan");
        started = Instant.now().minus(Duration.ofHours(6));
        leader = unique("leader-hung");
        long teamStreamId = newId();
        teamStream = newCode();
        List<Map<String, Object>> teamHosts = List.of(team(teamId, "farmer-lan", "farmer-minh"));
        sent(snapshot(teamStreamId, teamStream, campaign, "LIVE", 1, started, null, teamHosts));
        kolStream = newCode();
        sent(snapshot(newId(), kolStream, campaign, "LIVE", 1, started,
                null, List.of(host("KOL", "Thu Trang", "kol-thu", null, List.of()), leader(leader))));
        placed(unique("buyer"), withCode(cod(lot, 2_000), teamStream));
        placed(unique("buyer"), withCode(order(lot, 3_000, "BANK_TRANSFER", abroad("AU", "2000")), teamStream));
        placed(unique("buyer"), withCode(cod(lot, 5_000), kolStream));
        // the team's stream ends 6 h 03 min after it started
        sent(snapshot(teamStreamId, teamStream, campaign, "ENDED", 2, started,
                started.plus(Duration.ofMinutes(6 * 60 + 3)), teamHosts));
        sent(snapshot(newId(), newCode(), campaign, "ENDED", 2, started.minus(Duration.ofDays(30)),
                started.minus(Duration.ofDays(30)).plusSeconds(3600), teamHosts));
    }

    @Test
    void theCounterIsPublicAndHasNoAmounts() {
        Response answer = given().get("/livestreams/" + teamStream.toLowerCase() + "/counter");
        answer.then().statusCode(200).body("code", equalTo(teamStream)).body("state", equalTo("ENDED"))
                .body("orders", equalTo(2)).body("grams", equalTo(5_000))
                .body("headline", equalTo("5 kg in 6 h 03 min")).body("$", not(hasKey("revenue")))
                .body("byCountry.find { it.country == 'AU' }.grams", equalTo(3_000))
                .body("byProvince.find { it.province == 'Hà Nội' }.grams", equalTo(2_000))
                .body("perMinute[0].minute", org.hamcrest.Matchers.endsWith(":00+07:00"));
        String body = answer.asString();
        for (String secret : new String[] { "buyer", "revenue", "amount", "Nguyễn", "0912" }) {
            assertFalse(body.contains(secret), secret + " is in the public counter: " + body);
        }
        given().get("/livestreams/ZZZZ9999/counter").then().statusCode(404);
        given().get("/livestreams/AB-C/counter").then().statusCode(400).body("violations[0].field", equalTo("code"));
    }

    @Test
    void aStreamsResultsAreForStaffAndItsMoversOnly() {
        String path = "/livestreams/" + teamStream + "/results";
        given().get(path).then().statusCode(401);
        given().auth().oauth2(Tokens.of(Roles.CARRIER, "carrier-an")).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.SERVICE, "catalog-service")).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-other")).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.BUYER, "kol-thu")).get(path).then().statusCode(403);
        // a member of the TEAM host's team, staff
        JsonPath results = given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-minh")).get(path).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(2 * 150_000 + 3 * 150_000, results.getLong("revenue"));
        assertEquals(3 * 150_000, results.getLong("byCountry.find { it.country == 'AU' }.revenue"));
        assertEquals(results.getLong("revenue"), results.getLong("perMinute.revenue.sum()"));
        given().auth().oauth2(STAFF).get(path).then().statusCode(200).body("orders", equalTo(2));
        // the KOL (a buyer account) on her own stream; a leader's stream for the leader
        given().auth().oauth2(Tokens.of(Roles.BUYER, "kol-thu")).get("/livestreams/" + kolStream + "/results")
                .then().statusCode(200).body("revenue", equalTo(5 * 150_000));
        given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-minh")).get("/livestreams/" + kolStream + "/results")
                .then().statusCode(403);
        given().auth().oauth2(STAFF).get("/livestreams/ZZZZ9999/results").then().statusCode(404);
        given().auth().oauth2(STAFF).get("/livestreams/ZZ_Z/results").then().statusCode(400)
                .body("violations[0].field", equalTo("code"));
    }

    @Test
    void aTeamsResultsAddUpOverThePeriod() {
        String from = started.minus(Duration.ofDays(1)).toString();
        JsonPath results = given().auth().oauth2(STAFF).queryParam("team", teamId).queryParam("from", from)
                .get("/livestream-results").then().statusCode(200).extract().jsonPath();
        assertEquals(teamId, results.getLong("team"));
        assertEquals(1, results.getList("streams").size(), "the stream of a month ago is outside the period");
        assertEquals(teamStream, results.getString("streams[0].code"));
        assertEquals("5 kg in 6 h 03 min", results.getString("streams[0].headline"));
        assertEquals(2, results.getLong("orders"));
        assertEquals(5_000, results.getLong("grams"));
        assertEquals(5 * 150_000, results.getLong("revenue"));
        assertEquals(results.getLong("grams"), results.getLong("streams.grams.sum()"));
        assertEquals(results.getLong("grams"), results.getLong("byCountry.grams.sum()"));
        assertEquals("5 kg in 6 h 03 min", results.getString("headline"));

        // all time: both of the team's streams, the headline over their durations (6 h 03 + 1 h)
        JsonPath allTime = given().auth().oauth2(STAFF).queryParam("team", teamId).get("/livestream-results")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, allTime.getList("streams").size());
        assertEquals(Headlines.of(5_000, Duration.ofMinutes(7 * 60 + 3)), allTime.getString("headline"));

        // a period before anything: nothing
        given().auth().oauth2(STAFF).queryParam("team", teamId).queryParam("to", "2020-01-01T00:00:00Z")
                .get("/livestream-results").then().statusCode(200).body("streams.size()", equalTo(0))
                .body("orders", equalTo(0)).body("headline", equalTo("0 g in 0 min"));
    }

    @Test
    void whoSeesATeamsOrAHostsResults() {
        String path = "/livestream-results";
        given().queryParam("team", teamId).get(path).then().statusCode(401);
        given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-lan")).queryParam("team", teamId).get(path).then()
                .statusCode(200).body("orders", equalTo(2));
        given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-other")).queryParam("team", teamId).get(path).then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.BUYER, "kol-thu")).queryParam("host", "kol-thu").get(path).then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.CARRIER, "carrier-an")).queryParam("team", teamId).get(path).then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.SERVICE, "catalog-service")).queryParam("team", teamId).get(path)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.FARMER, leader)).queryParam("host", leader)
                .queryParam("from", started.minusSeconds(60).toString()).get(path).then().statusCode(200)
                .body("host", equalTo(leader)).body("streams.size()", equalTo(1))
                .body("streams[0].code", equalTo(kolStream)).body("revenue", equalTo(5 * 150_000));
        given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-lan")).queryParam("host", leader).get(path)
                .then().statusCode(403);
        given().auth().oauth2(STAFF).queryParam("host", "kol-thu").get(path).then().statusCode(200);
    }

    @Test
    void badQueriesAreA400NamingTheParameter() {
        String path = "/livestream-results";
        given().auth().oauth2(STAFF).get(path).then().statusCode(400).body("violations[0].field", equalTo("team"));
        given().auth().oauth2(STAFF).queryParam("team", teamId).queryParam("host", "kol-thu").get(path).then()
                .statusCode(400).body("violations[0].field", equalTo("team"));
        given().auth().oauth2(STAFF).queryParam("team", teamId).queryParam("from", "2026-13-01").get(path).then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(STAFF).queryParam("team", teamId).queryParam("from", "2026-06-10T00:00:00Z")
                .queryParam("to", "2026-06-09T00:00:00Z").get(path).then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        given().auth().oauth2(STAFF).queryParam("team", -3).get(path).then().statusCode(400)
                .body("violations[0].field", equalTo("team"));
    }
}
