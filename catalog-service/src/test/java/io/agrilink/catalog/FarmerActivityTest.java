package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asService;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.badged;
import static io.agrilink.catalog.Fixtures.campaignWithLots;
import static io.agrilink.catalog.Fixtures.host;
import static io.agrilink.catalog.Fixtures.streamBody;
import static io.agrilink.catalog.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code GET /farmers/activity}, training-service's view of what farmers did, on a population built by hand. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class FarmerActivityTest {

    @Test
    void countsProductsAndStreamsUpToUntilAsFarmerHostAndThroughHerTeam() throws InterruptedException {
        String lan = badged("farmer-lan");
        String minh = badged("farmer-minh");
        String nobody = unique("farmer-nobody");
        long firstProducer = Fixtures.producer(lan);
        long secondProducer = asStaff().body(withOwner(Fixtures.producerBody(unique("HTX Vải thiều"), "Hà Nội"), lan))
                .post("/producers").then().statusCode(201).extract().jsonPath().getLong("id");
        long team = Fixtures.team(lan, minh);
        String teamName = asStaff().get("/teams/" + team).then().extract().jsonPath().getString("name");
        long[] campaign = campaignWithLots();

        Fixtures.product(lan, firstProducer, 60_000);
        Fixtures.product(lan, secondProducer, 55_000);
        String asFarmer = scheduled(campaign[0], host("FARMER", null, lan, null));
        String asTeam = scheduled(campaign[0], host("TEAM", null, null, team));
        String bothWays = scheduled(campaign[0], host("FARMER", null, lan, null), host("TEAM", null, null, team));
        String asLeader = scheduled(campaign[0], host("LEADER", "Chị Lan, tổ trưởng", lan, null));
        String cancelled = scheduled(campaign[0], host("FARMER", null, lan, null));
        scheduled(campaign[0], host("FARMER", null, lan, null)); // never started
        Instant firstStart = start(asFarmer);
        start(asTeam);
        start(bothWays);
        start(asLeader);
        asStaff().body(Map.of("reason", "Mất điện")).post("/livestreams/" + cancelled + "/cancel").then().statusCode(200);
        Thread.sleep(50);
        Instant until = Instant.now();
        Thread.sleep(50);
        Fixtures.product(lan, firstProducer, 65_000);
        start(scheduled(campaign[0], host("TEAM", null, null, team)));

        JsonPath upToUntil = asService().queryParam("subject", lan, minh, nobody).queryParam("until", until.toString())
                .get("/farmers/activity").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(lan, minh, nobody), upToUntil.getList("subject"));
        assertEquals(List.of(firstProducer, secondProducer), longs(upToUntil.getList("[0].producerIds")));
        assertEquals("Bắc Ninh", upToUntil.getString("[0].province"));
        assertEquals("Xã Lục Ngạn", upToUntil.getString("[0].commune"));
        assertEquals(team, upToUntil.getLong("[0].teamId"));
        assertEquals(teamName, upToUntil.getString("[0].teamName"));
        assertEquals(2, upToUntil.getInt("[0].productsListed"));
        // as FARMER, through the team, both at once counting once; as LEADER, cancelled, never started: not
        assertEquals(3, upToUntil.getInt("[0].streamsHosted"));
        assertEquals(firstStart, Instant.parse(upToUntil.getString("[0].firstStreamAt")));
        // minh: no producer, the team's streams only
        assertEquals(List.of(), upToUntil.getList("[1].producerIds"));
        assertEquals(null, upToUntil.getString("[1].province"));
        assertEquals(0, upToUntil.getInt("[1].productsListed"));
        assertEquals(null, upToUntil.getString("[1].firstListedAt"));
        assertEquals(2, upToUntil.getInt("[1].streamsHosted"));
        // an unknown subject: zeros and nulls
        assertEquals(Map.of("subject", nobody, "producerIds", List.of(), "productsListed", 0, "streamsHosted", 0),
                withoutNulls(upToUntil.getMap("[2]")));
        assertEquals(10, upToUntil.getMap("[2]").size());

        asService().queryParam("subject", lan, minh).get("/farmers/activity").then().statusCode(200)
                .body("productsListed", contains(3, 0), "streamsHosted", contains(4, 3));
    }

    @Test
    void onlyServicesAskAndAtMost200Subjects() {
        given().get("/farmers/activity?subject=a").then().statusCode(401);
        for (String role : List.of(Roles.STAFF, Roles.FARMER, Roles.BUYER, Roles.CARRIER)) {
            as(role, "farmer-lan").get("/farmers/activity?subject=farmer-lan").then().statusCode(403);
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add("farmer-" + i);
        }
        asService().queryParam("subject", many.toArray()).get("/farmers/activity").then().statusCode(400);
        asService().queryParam("subject", many.subList(0, 200).toArray()).get("/farmers/activity").then().statusCode(200)
                .body("size()", equalTo(200));
        asService().get("/farmers/activity?subject=farmer-lan&until=yesterday").then().statusCode(400)
                .body("violations.field", contains("until"));
        asService().get("/farmers/activity").then().statusCode(200).body("size()", equalTo(0));
        asService().get("/farmers/activity?subject=x").then().body("[0].teamId", nullValue(),
                "subject", hasItem("x"));
    }

    private static Map<String, Object> withOwner(Map<String, Object> producer, String owner) {
        producer.put("owners", List.of(owner));
        return producer;
    }

    @SafeVarargs
    private static String scheduled(long campaign, Map<String, Object>... hosts) {
        return asStaff().body(streamBody(campaign, List.of(), List.of(hosts))).post("/livestreams").then().statusCode(201)
                .extract().jsonPath().getString("code");
    }

    private static Instant start(String code) {
        return Instant.parse(asStaff().post("/livestreams/" + code + "/start").then().statusCode(200).extract()
                .jsonPath().getString("startedAt"));
    }

    private static List<Long> longs(List<Object> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> row) {
        Map<String, Object> kept = new java.util.HashMap<>(row);
        kept.values().removeIf(java.util.Objects::isNull);
        return kept;
    }
}
