package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.badged;
import static io.agrilink.catalog.Fixtures.campaignWithLots;
import static io.agrilink.catalog.Fixtures.count;
import static io.agrilink.catalog.Fixtures.host;
import static io.agrilink.catalog.Fixtures.streamBody;
import static io.agrilink.catalog.Fixtures.teamBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every change of a stream reaches order-service (its double) as the snapshot of api.md, in the
 * order it was made, and again after order-service was down.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LivestreamOutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @AfterEach
    void orderServiceUp() {
        OrderDouble.DOWN.set(false);
    }

    @Test
    void everyChangeArrivesInOrderAsTheSnapshotOfTheContract() throws Exception {
        String lan = badged("farmer-lan");
        String minh = badged("farmer-minh");
        long team = Fixtures.team(minh, lan);
        String teamName = asStaff().get("/teams/" + team).then().extract().jsonPath().getString("name");
        long[] campaign = campaignWithLots();
        var view = asStaff().body(streamBody(campaign[0], List.of(campaign[1]), List.of(
                host("LEADER", "Phó Chủ tịch UBND tỉnh", "leader-hung", null), host("TEAM", null, null, team))))
                .post("/livestreams").then().statusCode(201).extract().jsonPath();
        long id = view.getLong("id");
        String code = view.getString("code");
        as(Roles.FARMER, lan).post("/livestreams/" + code + "/start").then().statusCode(200);
        as(Roles.FARMER, minh).post("/livestreams/" + code + "/end").then().statusCode(200);

        Awaitility.await().atMost(WAIT).until(() -> OrderDouble.received(id).size() >= 3);
        List<JsonNode> received = OrderDouble.received(id);
        assertEquals(List.of("1 SCHEDULED", "2 LIVE", "3 ENDED"), received.stream()
                .map(s -> s.get("version").asLong() + " " + s.get("state").asText()).toList());
        JsonNode live = received.get(1);
        assertEquals(new TreeSet<>(Set.of("id", "code", "campaignId", "title", "state", "plannedStart", "plannedEnd",
                "startedAt", "endedAt", "teamId", "teamName", "hosts", "version")), fields(live));
        assertEquals(id, live.get("id").asLong());
        assertEquals(code, live.get("code").asText());
        assertEquals(campaign[0], live.get("campaignId").asLong());
        assertEquals("Vải thiều Lục Ngạn – trực tiếp từ vườn", live.get("title").asText());
        assertTrue(live.get("startedAt").isTextual() && live.get("startedAt").asText().endsWith("Z"), live.toString());
        assertTrue(live.get("endedAt").isNull());
        assertEquals(team, live.get("teamId").asLong());
        assertEquals(teamName, live.get("teamName").asText());
        assertEquals(json.readTree("""
                [{"kind": "LEADER", "name": "Phó Chủ tịch UBND tỉnh", "subject": "leader-hung", "teamId": null, "members": []},
                 {"kind": "TEAM", "name": "%s", "subject": null, "teamId": %d, "members": %s}]""".formatted(teamName, team,
                json.writeValueAsString(new TreeSet<>(List.of(lan, minh))))), live.get("hosts"));
        assertTrue(received.get(2).get("endedAt").isTextual());
        assertEquals(3, OrderDouble.KEPT.get(id));
        // what was sent is what the outbox holds, each message keyed to the stream
        assertEquals(3, count(db, "select count(*) from outbox_message where kind = 'LIVESTREAM_CHANGED' and subject = ?"
                + " and ordering_key = ? and delivered_at is not null", Long.toString(id), "livestream-" + id));
        assertEquals(live, json.readTree(payloads(id).get(1)));
    }

    @Test
    void snapshotsWrittenWhileOrderServiceWasDownArriveLaterInOrder() {
        OrderDouble.DOWN.set(true);
        long[] campaign = campaignWithLots();
        var view = asStaff().body(streamBody(campaign[0], List.of(), List.of(host("KOL", "Hoa hậu H'Hen Niê", null, null))))
                .post("/livestreams").then().statusCode(201).extract().jsonPath();
        long id = view.getLong("id");
        asStaff().post("/livestreams/" + view.getString("code") + "/start").then().statusCode(200);
        Awaitility.await().atMost(WAIT).until(() -> OrderDouble.REFUSED.getOrDefault(id, 0) >= 2);
        assertEquals(List.of(), OrderDouble.received(id));

        OrderDouble.DOWN.set(false);
        Awaitility.await().atMost(WAIT).until(() -> OrderDouble.received(id).size() >= 2);
        assertEquals(List.of(1L, 2L), OrderDouble.received(id).stream().map(s -> s.get("version").asLong()).toList());
        assertTrue(count(db, "select max(attempts) from outbox_message where subject = ? and kind = 'LIVESTREAM_CHANGED'",
                Long.toString(id)) >= 2);
    }

    @Test
    void teamChangesReachTheTeamsStreamsNotYetFinished() {
        String lan = badged("farmer-lan");
        String hoa = badged("farmer-hoa");
        long team = Fixtures.team(lan);
        long[] campaign = campaignWithLots();
        Map<String, Object> body = streamBody(campaign[0], List.of(), List.of(host("TEAM", null, null, team)));
        var scheduled = asStaff().body(body).post("/livestreams").then().statusCode(201).extract().jsonPath();
        var ended = asStaff().body(body).post("/livestreams").then().statusCode(201).extract().jsonPath();
        asStaff().post("/livestreams/" + ended.getString("code") + "/start").then().statusCode(200);
        asStaff().post("/livestreams/" + ended.getString("code") + "/end").then().statusCode(200);
        long open = scheduled.getLong("id");
        long done = ended.getLong("id");

        asStaff().put("/teams/" + team + "/members/" + hoa).then().statusCode(200);
        asStaff().body(teamBody("Tổ bán hàng Phượng Sơn mới", lan, null)).put("/teams/" + team).then().statusCode(200);
        // a change that the snapshot does not carry (the commune) tells order-service nothing
        Map<String, Object> moved = teamBody("Tổ bán hàng Phượng Sơn mới", lan, null);
        moved.put("commune", "Xã Lục Ngạn");
        asStaff().body(moved).put("/teams/" + team).then().statusCode(200);

        Awaitility.await().atMost(WAIT).until(() -> OrderDouble.received(open).size() >= 3);
        List<JsonNode> snapshots = OrderDouble.received(open);
        assertEquals(List.of(1L, 2L, 3L), snapshots.stream().map(s -> s.get("version").asLong()).toList());
        assertEquals(new TreeSet<>(List.of(lan, hoa)).toString(), members(snapshots.get(1)).toString());
        assertEquals("Tổ bán hàng Phượng Sơn mới", snapshots.get(2).get("teamName").asText());
        assertEquals("Tổ bán hàng Phượng Sơn mới", snapshots.get(2).get("hosts").get(0).get("name").asText());
        assertEquals(3, count(db, "select count(*) from outbox_message where kind = 'LIVESTREAM_CHANGED' and subject = ?",
                Long.toString(open)));
        assertEquals(3, count(db, "select count(*) from outbox_message where kind = 'LIVESTREAM_CHANGED' and subject = ?",
                Long.toString(done)));
        asStaff().get("/livestreams/" + scheduled.getString("code")).then().statusCode(200);
        assertEquals("Tổ bán hàng Phượng Sơn mới", asStaff().get("/livestreams/" + scheduled.getString("code")).then()
                .extract().jsonPath().getString("hosts[0].name"));
    }

    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> members(JsonNode snapshot) {
        List<String> members = new ArrayList<>();
        snapshot.get("hosts").get(0).get("members").forEach(m -> members.add(m.asText()));
        return members;
    }

    private List<String> payloads(long id) {
        List<String> payloads = new ArrayList<>();
        try (var c = db.getConnection(); var s = c.prepareStatement(
                "select payload from outbox_message where kind = 'LIVESTREAM_CHANGED' and subject = ? order by id")) {
            s.setString(1, Long.toString(id));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return payloads;
    }
}
