package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.badged;
import static io.agrilink.catalog.Fixtures.campaignWithLots;
import static io.agrilink.catalog.Fixtures.count;
import static io.agrilink.catalog.Fixtures.host;
import static io.agrilink.catalog.Fixtures.streamBody;
import static io.agrilink.catalog.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.catalog.service.LivestreamCodes;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** Livestreams: scheduling, who may move them, their states, codes, and what the public sees. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LivestreamTest {

    @Inject
    AgroalDataSource db;

    @Test
    void staffScheduleAStreamAndThePublicSeesItWithoutSubjects() {
        long[] campaign = campaignWithLots();
        String lan = badged("farmer-lan");
        String minh = badged("farmer-minh");
        Fixtures.producer(lan);
        long team = Fixtures.team(lan, minh);
        String teamName = asStaff().get("/teams/" + team).then().extract().jsonPath().getString("name");
        var created = asStaff().body(streamBody(campaign[0], List.of(campaign[2], campaign[1]), List.of(
                host("LEADER", "Phó Chủ tịch UBND tỉnh", "leader-hung", null),
                host("TEAM", null, "ignored", team),
                host("FARMER", null, lan, null))))
                .post("/livestreams").then().statusCode(201)
                .body("code", matchesPattern("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}"), "state", equalTo("SCHEDULED"),
                        "title", equalTo("Vải thiều Lục Ngạn – trực tiếp từ vườn"), "platform", equalTo("TIKTOK"),
                        "campaign.id", equalTo((int) campaign[0]), "campaign.name", containsString("Tuần lễ vải thiều"),
                        "lotIds", contains((int) Math.min(campaign[1], campaign[2]), (int) Math.max(campaign[1], campaign[2])),
                        "hosts.kind", contains("LEADER", "TEAM", "FARMER"),
                        "hosts[1].name", equalTo(teamName), "hosts[1].teamId", equalTo((int) team),
                        "hosts[2].name", containsString("Hộ Nguyễn Văn"), "hosts[0]", not(hasKey("teamId")),
                        "startedAt", nullValue(), "mayMove", equalTo(true))
                .extract();
        String code = created.jsonPath().getString("code");
        assertEquals("/livestreams/" + code, java.net.URI.create(created.header("Location")).getPath());
        String publicView = given().get("/livestreams/" + code.toLowerCase()).then().statusCode(200)
                .body("code", equalTo(code), "link", equalTo("/live/" + code), "$", not(hasKey("mayMove")),
                        "hosts[0]", not(hasKey("subject")))
                .extract().asString();
        assertFalse(publicView.contains("leader-hung") || publicView.contains(lan) || publicView.contains(minh),
                "no subject in the public view: " + publicView);
        given().get("/livestreams?campaignId=" + campaign[0]).then().statusCode(200).body("code", contains(code));
        given().get("/livestreams?state=SCHEDULED&from=" + Instant.now() + "&to=" + Instant.now().plusSeconds(7200))
                .then().statusCode(200).body("code", hasItem(code));
        given().get("/livestreams?state=LIVE&campaignId=" + campaign[0]).then().statusCode(200).body("size()", equalTo(0));
        given().get("/livestreams?from=today").then().statusCode(400).body("violations.field", contains("from"));
        given().get("/livestreams?state=ONAIR").then().statusCode(400).body("violations.field", contains("state"));
        given().get("/livestreams?state=live&campaignId=" + campaign[0]).then().statusCode(200).body("size()", equalTo(0));
        given().get("/livestreams?campaignId=" + campaign[0] + "&from=" + Instant.now().plusSeconds(7200)).then()
                .statusCode(200).body("size()", equalTo(0));
        assertEquals(1, count(db, "select count(*) from audit_entry a join livestream s on s.id = a.subject_id"
                + " where a.subject_type = 'LIVESTREAM' and a.action = 'SCHEDULED' and a.actor = 'staff-hoa'"
                + " and s.code = ?", code));
    }

    @Test
    void aFarmerSchedulesOnlyAStreamSheWouldMove() {
        long[] campaign = campaignWithLots();
        String lan = badged("farmer-lan");
        String minh = badged("farmer-minh");
        long team = Fixtures.team(lan, minh);
        // as her team's member, and as the FARMER host
        as(Roles.FARMER, minh).body(streamBody(campaign[0], List.of(), List.of(host("TEAM", null, null, team))))
                .post("/livestreams").then().statusCode(201).body("mayMove", equalTo(true));
        as(Roles.FARMER, lan).body(streamBody(campaign[0], List.of(), List.of(host("FARMER", "Chị Lan", lan, null))))
                .post("/livestreams").then().statusCode(201).body("hosts[0].name", equalTo("Chị Lan"));
        // not a host: 403, and nothing is scheduled
        String outsider = unique("farmer-outsider");
        long before = count(db, "select count(*) from livestream");
        as(Roles.FARMER, outsider).body(streamBody(campaign[0], List.of(), List.of(host("TEAM", null, null, team))))
                .post("/livestreams").then().statusCode(403);
        as(Roles.FARMER, outsider).body(streamBody(campaign[0], List.of(),
                List.of(host("KOL", "Hoa hậu", "kol-hoa", null)))).post("/livestreams").then().statusCode(403);
        assertEquals(before, count(db, "select count(*) from livestream"));
    }

    @Test
    void everyEndpointRefusesWhoMayNotUseIt() {
        long[] campaign = campaignWithLots();
        String kol = unique("kol-hoa");
        String code = Fixtures.stream(kol);
        Map<String, Object> body = streamBody(campaign[0], List.of(), List.of(host("KOL", "Hoa", kol, null)));
        Map<String, String> reason = Map.of("reason", "Mưa bão, hoãn buổi live");
        // no token: 401
        given().contentType("application/json").body(body).post("/livestreams").then().statusCode(401);
        given().get("/livestreams/mine").then().statusCode(401);
        given().contentType("application/json").body(body).put("/livestreams/" + code).then().statusCode(401);
        given().post("/livestreams/" + code + "/start").then().statusCode(401);
        given().post("/livestreams/" + code + "/end").then().statusCode(401);
        given().contentType("application/json").body(reason).post("/livestreams/" + code + "/cancel").then()
                .statusCode(401);
        // wrong roles: 403
        for (String role : List.of(Roles.BUYER, Roles.CARRIER, Roles.SERVICE)) {
            as(role, kol).body(body).post("/livestreams").then().statusCode(403);
        }
        for (String role : List.of(Roles.CARRIER, Roles.SERVICE)) {
            as(role, kol).get("/livestreams/mine").then().statusCode(403);
            as(role, kol).body(body).put("/livestreams/" + code).then().statusCode(403);
            as(role, kol).post("/livestreams/" + code + "/start").then().statusCode(403);
            as(role, kol).post("/livestreams/" + code + "/end").then().statusCode(403);
            as(role, kol).body(reason).post("/livestreams/" + code + "/cancel").then().statusCode(403);
        }
        // a farmer or buyer who is not a mover: 403
        for (String role : List.of(Roles.FARMER, Roles.BUYER)) {
            String stranger = unique("stranger");
            as(role, stranger).body(body).put("/livestreams/" + code).then().statusCode(403);
            as(role, stranger).post("/livestreams/" + code + "/start").then().statusCode(403);
            as(role, stranger).post("/livestreams/" + code + "/end").then().statusCode(403);
            as(role, stranger).body(reason).post("/livestreams/" + code + "/cancel").then().statusCode(403);
        }
        given().get("/livestreams/" + code).then().statusCode(200).body("state", equalTo("SCHEDULED"));
        // unknown: 404
        given().get("/livestreams/ZZZZ99").then().statusCode(404);
        asStaff().body(body).put("/livestreams/ZZZZ99").then().statusCode(404);
        asStaff().post("/livestreams/ZZZZ99/start").then().statusCode(404);
        asStaff().post("/livestreams/ZZZZ99/end").then().statusCode(404);
        asStaff().body(reason).post("/livestreams/ZZZZ99/cancel").then().statusCode(404);
        // the KOL (a buyer account) is a mover through her host's subject
        as(Roles.BUYER, kol).get("/livestreams/mine").then().statusCode(200)
                .body("code", contains(code), "mayMove", contains(true));
        as(Roles.BUYER, kol).post("/livestreams/" + code + "/start").then().statusCode(200)
                .body("state", equalTo("LIVE"), "startedAt", notNullValue(), "mayMove", equalTo(true));
        as(Roles.BUYER, kol).post("/livestreams/" + code + "/end").then().statusCode(200)
                .body("state", equalTo("ENDED"), "endedAt", notNullValue());
    }

    @Test
    void badInputNamesItsField() {
        long[] campaign = campaignWithLots();
        long[] another = campaignWithLots();
        List<Map<String, Object>> leader = List.of(host("LEADER", "Phó Chủ tịch UBND tỉnh", null, null));
        String code = Fixtures.stream(null);
        for (String bad : List.of("AB", "ABCDEFGHJKLMN", "AB-CD1", "ABC%20D")) {
            given().get("/livestreams/" + bad).then().statusCode(400).body("violations.field", contains("code"));
            asStaff().post("/livestreams/" + bad + "/start").then().statusCode(400)
                    .body("violations.field", contains("code"));
        }
        Map<String, Object> http = streamBody(campaign[0], List.of(), leader);
        http.put("url", "http://www.tiktok.com/@bacninh/live");
        refused(http, 400, "url");
        Map<String, Object> tooLong = streamBody(campaign[0], List.of(), leader);
        tooLong.put("url", "https://www.tiktok.com/" + "a".repeat(480));
        refused(tooLong, 400, "url");
        Map<String, Object> backwards = streamBody(campaign[0], List.of(), leader);
        backwards.put("plannedEnd", Instant.parse((String) backwards.get("plannedStart")).minusSeconds(60).toString());
        refused(backwards, 400, "plannedEnd");
        Map<String, Object> dayAndMore = streamBody(campaign[0], List.of(), leader);
        dayAndMore.put("plannedEnd", Instant.parse((String) dayAndMore.get("plannedStart")).plusSeconds(24 * 3600 + 1)
                .toString());
        refused(dayAndMore, 400, "plannedEnd");
        Map<String, Object> wrongPlatform = streamBody(campaign[0], List.of(), leader);
        wrongPlatform.put("platform", "MYSPACE");
        refused(wrongPlatform, 400, "platform");
        Map<String, Object> noCampaign = streamBody(campaign[0], List.of(), leader);
        noCampaign.remove("campaignId");
        refused(noCampaign, 400, "campaignId");
        refused(streamBody(987654321L, List.of(), leader), 422, "campaignId");
        refused(streamBody(campaign[0], List.of(campaign[1], another[1]), leader), 422, "lotIds[1]");
        refused(streamBody(campaign[0], List.of(campaign[1], campaign[1]), leader), 400, "lotIds[1]");
        refused(streamBody(campaign[0], List.of(), List.of()), 400, "hosts");
        refused(streamBody(campaign[0], List.of(), List.of(leader.get(0), leader.get(0), leader.get(0), leader.get(0),
                leader.get(0), leader.get(0))), 400, "hosts");
        refused(streamBody(campaign[0], List.of(), List.of(host("TEAM", null, null, 987654321L))), 422, "hosts[0].teamId");
        refused(streamBody(campaign[0], List.of(), List.of(host("TEAM", "Tổ", null, null))), 400, "hosts[0].teamId");
        refused(streamBody(campaign[0], List.of(), List.of(leader.get(0), host("FARMER", "Chị Lan", null, null))), 400,
                "hosts[1].subject");
        refused(streamBody(campaign[0], List.of(), List.of(host("FARMER", null, unique("farmer-noproducer"), null))),
                422, "hosts[0].name");
        refused(streamBody(campaign[0], List.of(), List.of(host("KOL", null, "kol-x", null))), 400, "hosts[0].name");
        refused(streamBody(campaign[0], List.of(), List.of(host("ANCHOR", "X", null, null))), 400, "hosts[0].kind");
        // a change: the same rules, and the campaign stays
        asStaff().body(streamBody(another[0], List.of(), leader)).put("/livestreams/" + code).then().statusCode(422)
                .body("violations.field", contains("campaignId"));
        asStaff().body(http).put("/livestreams/" + code).then().statusCode(400).body("violations.field", contains("url"));
        asStaff().body(Map.of()).post("/livestreams/" + code + "/cancel").then().statusCode(400)
                .body("violations.field", contains("reason"));
    }

    private static void refused(Map<String, Object> body, int status, String field) {
        asStaff().body(body).post("/livestreams").then().statusCode(status).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    @Test
    void everyIllegalMoveIsAConflictNamingState() {
        String scheduled = Fixtures.stream(null);
        asStaff().post("/livestreams/" + scheduled + "/end").then().statusCode(409)
                .body("violations.field", contains("state"), "livestreamState", equalTo("SCHEDULED"));

        String live = Fixtures.stream(null);
        asStaff().post("/livestreams/" + live + "/start").then().statusCode(200);
        asStaff().post("/livestreams/" + live + "/start").then().statusCode(409).body("violations.field", contains("state"));
        asStaff().body(Map.of("reason", "Hủy")).post("/livestreams/" + live + "/cancel").then().statusCode(409)
                .body("violations.field", contains("state"), "livestreamState", equalTo("LIVE"));
        asStaff().body(streamBody(campaignWithLots()[0], List.of(), List.of(host("KOC", "KOC", null, null))))
                .put("/livestreams/" + live).then().statusCode(409).body("violations.field", contains("state"));

        String ended = live;
        asStaff().post("/livestreams/" + ended + "/end").then().statusCode(200).body("state", equalTo("ENDED"));
        for (String move : List.of("start", "end")) {
            asStaff().post("/livestreams/" + ended + "/" + move).then().statusCode(409)
                    .body("violations.field", contains("state"), "livestreamState", equalTo("ENDED"));
        }
        asStaff().body(Map.of("reason", "Hủy")).post("/livestreams/" + ended + "/cancel").then().statusCode(409);

        String cancelled = Fixtures.stream(null);
        asStaff().body(Map.of("reason", "Mưa bão, hoãn buổi live")).post("/livestreams/" + cancelled + "/cancel").then()
                .statusCode(200).body("state", equalTo("CANCELLED"), "cancelReason", equalTo("Mưa bão, hoãn buổi live"),
                        "cancelledAt", notNullValue(), "startedAt", nullValue());
        for (String move : List.of("start", "end")) {
            asStaff().post("/livestreams/" + cancelled + "/" + move).then().statusCode(409)
                    .body("livestreamState", equalTo("CANCELLED"));
        }
        asStaff().body(Map.of("reason", "Hủy")).post("/livestreams/" + cancelled + "/cancel").then().statusCode(409);
        assertEquals(List.of("SCHEDULED", "STARTED", "ENDED"), actions(ended));
        assertEquals(List.of("SCHEDULED", "CANCELLED"), actions(cancelled));
    }

    @Test
    void twoParallelStartsOfOneStreamMakeOneMove() throws Exception {
        String lan = badged("farmer-lan");
        String minh = badged("farmer-minh");
        long team = Fixtures.team(lan, minh);
        long[] campaign = campaignWithLots();
        String code = asStaff().body(streamBody(campaign[0], List.of(), List.of(host("TEAM", null, null, team))))
                .post("/livestreams").then().statusCode(201).extract().jsonPath().getString("code");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        try {
            List<Callable<Integer>> starts = new ArrayList<>();
            for (String who : List.of(lan, minh)) {
                starts.add(() -> {
                    ready.countDown();
                    ready.await();
                    return as(Roles.FARMER, who).post("/livestreams/" + code + "/start").then().extract().statusCode();
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(starts)) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of("SCHEDULED", "STARTED"), actions(code));
        assertEquals(2, count(db, "select count(*) from outbox_message m join livestream s on m.subject = s.id::text"
                + " where m.kind = 'LIVESTREAM_CHANGED' and s.code = ?", code));
        assertEquals(1, count(db, "select count(*) from outbox_message m join livestream s on m.subject = s.id::text"
                + " where m.kind = 'LIVESTREAM_CHANGED' and s.code = ? and m.payload::jsonb ->> 'state' = 'LIVE'", code));
        assertEquals(2, count(db, "select version from livestream where code = ?", code));
    }

    @Test
    void hostsChangeAScheduledStreamButStayAmongItsMovers() {
        long[] campaign = campaignWithLots();
        String lan = badged("farmer-lan");
        Fixtures.producer(lan);
        String code = as(Roles.FARMER, lan).body(streamBody(campaign[0], List.of(campaign[1]),
                List.of(host("FARMER", null, lan, null)))).post("/livestreams").then().statusCode(201).extract()
                .jsonPath().getString("code");
        Map<String, Object> change = streamBody(campaign[0], List.of(campaign[2]), List.of(
                host("FARMER", "Chị Lan Lục Ngạn", lan, null), host("KOC", "Bạn Minh", "koc-minh", null)));
        change.put("title", "Vải thiều chín đỏ – live lần hai");
        change.put("platform", "FACEBOOK");
        change.put("url", "https://www.facebook.com/vaithieulucngan/live");
        as(Roles.FARMER, lan).body(change).put("/livestreams/" + code).then().statusCode(200)
                .body("title", equalTo("Vải thiều chín đỏ – live lần hai"), "platform", equalTo("FACEBOOK"),
                        "lotIds", contains((int) campaign[2]), "hosts.name", contains("Chị Lan Lục Ngạn", "Bạn Minh"));
        // the KOC may move it now; Lan may not leave herself out
        as(Roles.BUYER, "koc-minh").get("/livestreams/mine").then().body("code", hasItem(code));
        as(Roles.FARMER, lan).body(streamBody(campaign[0], List.of(), List.of(host("KOC", "Bạn Minh", "koc-minh", null))))
                .put("/livestreams/" + code).then().statusCode(403);
        assertEquals(List.of("SCHEDULED", "CHANGED"), actions(code));
        assertEquals(1, count(db, "select count(*) from audit_entry a join livestream s on s.id = a.subject_id"
                + " where a.subject_type = 'LIVESTREAM' and a.action = 'CHANGED' and s.code = ? and a.actor = ?"
                + " and a.detail like '%platform TIKTOK → FACEBOOK%'", code, lan));
    }

    @Test
    void mineListsTheStreamsOfHerTeamAndHerOwnNotOthers() {
        String lan = badged("farmer-lan");
        String minh = badged("farmer-minh");
        long team = Fixtures.team(lan, minh);
        long[] campaign = campaignWithLots();
        String teamStream = asStaff().body(streamBody(campaign[0], List.of(), List.of(host("TEAM", null, null, team))))
                .post("/livestreams").then().statusCode(201).extract().jsonPath().getString("code");
        String own = asStaff().body(streamBody(campaign[0], List.of(), List.of(host("FARMER", "Anh Minh", minh, null))))
                .post("/livestreams").then().statusCode(201).extract().jsonPath().getString("code");
        String others = Fixtures.stream(unique("leader"));
        as(Roles.FARMER, minh).get("/livestreams/mine").then().statusCode(200)
                .body("code", contains(own, teamStream), "mayMove", contains(true, true));
        as(Roles.FARMER, lan).get("/livestreams/mine").then().statusCode(200).body("code", contains(teamStream));
        as(Roles.FARMER, unique("farmer-x")).get("/livestreams/mine").then().statusCode(200).body("size()", equalTo(0));
        as(Roles.FARMER, lan).get("/livestreams/" + others).then().statusCode(200).body("$", not(hasKey("mayMove")));
        // a farmer removed from the team moves its stream no more
        asStaff().delete("/teams/" + team + "/members/" + minh).then().statusCode(200);
        as(Roles.FARMER, minh).post("/livestreams/" + teamStream + "/start").then().statusCode(403);
        as(Roles.FARMER, lan).post("/livestreams/" + teamStream + "/start").then().statusCode(200);
    }

    @Test
    void aCodeAlreadyTakenIsDrawnAgain() {
        String taken = Fixtures.stream(null);
        Deque<String> draws = new ArrayDeque<>(List.of(taken, taken, "K7WQ2Z"));
        QuarkusMock.installMockForType(new LivestreamCodes() {
            @Override
            public synchronized String next() {
                return draws.isEmpty() ? super.next() : draws.pop();
            }
        }, LivestreamCodes.class);
        long[] campaign = campaignWithLots();
        long before = count(db, "select count(*) from outbox_message where kind = 'LIVESTREAM_CHANGED'");
        String code = asStaff().body(streamBody(campaign[0], List.of(), List.of(host("LEADER", "Chủ tịch xã", null, null))))
                .post("/livestreams").then().statusCode(201).extract().jsonPath().getString("code");
        assertEquals("K7WQ2Z", code);
        assertEquals(1, count(db, "select count(*) from livestream where code = ?", taken));
        assertEquals(before + 1, count(db, "select count(*) from outbox_message where kind = 'LIVESTREAM_CHANGED'"));
        assertEquals(1, count(db, "select count(*) from audit_entry where subject_type = 'LIVESTREAM'"
                + " and action = 'SCHEDULED' and detail like ?", "code " + taken + ";%"));
    }

    private List<String> actions(String code) {
        List<String> actions = new ArrayList<>();
        try (var c = db.getConnection(); var s = c.prepareStatement("""
                select a.action from audit_entry a join livestream s on s.id = a.subject_id
                where a.subject_type = 'LIVESTREAM' and s.code = ? order by a.at, a.id""")) {
            s.setString(1, code);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }
}
