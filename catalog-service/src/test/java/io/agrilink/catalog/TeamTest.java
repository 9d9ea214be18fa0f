package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.badged;
import static io.agrilink.catalog.Fixtures.count;
import static io.agrilink.catalog.Fixtures.teamBody;
import static io.agrilink.catalog.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Farmer sales teams: who may see and change them, and their rules (badge, one team, the leader). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TeamTest {

    @Inject
    AgroalDataSource db;

    @Test
    void staffCreateATeamWhoseLeaderIsAMemberAndTheTrailSaysWho() {
        String lan = badged("farmer-lan");
        String minh = badged("farmer-minh");
        long producer = Fixtures.producer(minh);
        Map<String, Object> body = teamBody("Tổ bán hàng Phượng Sơn " + unique("t"), lan, List.of(minh));
        body.put("commune", "phường phượng sơn");
        var created = asStaff().body(body).post("/teams").then().statusCode(201)
                .body("name", equalTo(body.get("name")), "kind", equalTo("TEAM"), "province", equalTo("Bắc Ninh"),
                        "commune", equalTo("Phường Phượng Sơn"), "leader", equalTo(lan),
                        "members.subject", contains(lan, minh), "members[0].certificateCode", notNullValue(),
                        "members[0].joinedAt", notNullValue(), "members[1].producers", hasItem(containsString("Hộ")),
                        "createdAt", notNullValue())
                .extract();
        long id = created.jsonPath().getLong("id");
        assertEquals("/teams/" + id, java.net.URI.create(created.header("Location")).getPath());
        asStaff().get("/teams/" + id).then().statusCode(200).body("members[1].producers", contains(
                given().get("/producers/" + producer).then().extract().jsonPath().getString("name")));
        assertEquals(1, count(db, "select count(*) from audit_entry where subject_type = 'TEAM' and subject_id = ?"
                + " and action = 'CREATED' and actor = 'staff-hoa'", id));
        asStaff().get("/teams").then().statusCode(200).body("id", hasItem((int) id));
    }

    @Test
    void everyEndpointRefusesWhoMayNotUseIt() {
        String lan = badged("farmer-lan");
        String other = badged("farmer-other");
        long team = Fixtures.team(lan);
        long elsewhere = Fixtures.team(other);
        String body = "{}";
        // no token: 401
        given().contentType("application/json").body(teamBody("T", lan, List.of())).post("/teams").then().statusCode(401);
        given().get("/teams").then().statusCode(401);
        given().get("/teams/" + team).then().statusCode(401);
        given().get("/teams/mine").then().statusCode(401);
        given().contentType("application/json").body(body).put("/teams/" + team).then().statusCode(401);
        given().put("/teams/" + team + "/members/x").then().statusCode(401);
        given().delete("/teams/" + team + "/members/x").then().statusCode(401);
        // wrong roles: 403
        for (String role : List.of(Roles.FARMER, Roles.BUYER, Roles.CARRIER, Roles.SERVICE)) {
            as(role, lan).body(teamBody("T", lan, List.of())).post("/teams").then().statusCode(403);
            as(role, lan).get("/teams").then().statusCode(403);
            as(role, lan).body(teamBody("T", lan, null)).put("/teams/" + team).then().statusCode(403);
            as(role, lan).put("/teams/" + team + "/members/" + other).then().statusCode(403);
            as(role, lan).delete("/teams/" + team + "/members/" + other).then().statusCode(403);
        }
        for (String role : List.of(Roles.BUYER, Roles.CARRIER, Roles.SERVICE)) {
            as(role, lan).get("/teams/" + team).then().statusCode(403);
            as(role, lan).get("/teams/mine").then().statusCode(403);
        }
        as(Roles.STAFF, "staff-hoa").get("/teams/mine").then().statusCode(403);
        // a member sees her team, not another
        as(Roles.FARMER, lan).get("/teams/" + team).then().statusCode(200).body("leader", equalTo(lan));
        as(Roles.FARMER, lan).get("/teams/mine").then().statusCode(200).body("id", equalTo((int) team));
        as(Roles.FARMER, lan).get("/teams/" + elsewhere).then().statusCode(403);
        as(Roles.FARMER, unique("farmer-alone")).get("/teams/mine").then().statusCode(404);
        // unknown: 404
        asStaff().get("/teams/987654321").then().statusCode(404);
        as(Roles.FARMER, lan).get("/teams/987654321").then().statusCode(404);
        asStaff().body(teamBody("T", lan, null)).put("/teams/987654321").then().statusCode(404);
        asStaff().put("/teams/987654321/members/" + other).then().statusCode(404);
        asStaff().delete("/teams/987654321/members/" + other).then().statusCode(404);
    }

    @Test
    void badInputNamesItsField() {
        String lan = badged("farmer-lan");
        String unbadged = unique("farmer-nobadge");
        String taken = badged("farmer-taken");
        long other = Fixtures.team(taken);
        String otherName = asStaff().get("/teams/" + other).then().extract().jsonPath().getString("name");

        asStaff().body(Map.of("kind", "TEAM")).post("/teams").then().statusCode(400)
                .body("violations.field", hasItem("name"), "violations.field", hasItem("leader"),
                        "violations.field", hasItem("province"), "violations.field", hasItem("commune"));
        Map<String, Object> wrongKind = teamBody("T", lan, List.of());
        wrongKind.put("kind", "GANG");
        asStaff().body(wrongKind).post("/teams").then().statusCode(400).body("violations.field", contains("kind"));
        Map<String, Object> elsewhere = teamBody("T", lan, List.of());
        elsewhere.put("province", "Hà Nội");
        elsewhere.put("commune", "Xã Lục Ngạn");
        asStaff().body(elsewhere).post("/teams").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("commune"));
        Map<String, Object> noProvince = teamBody("T", lan, List.of());
        noProvince.put("province", "Atlantis");
        asStaff().body(noProvince).post("/teams").then().statusCode(400).body("violations.field", contains("province"));

        asStaff().body(teamBody("T", unbadged, List.of())).post("/teams").then().statusCode(422)
                .body("violations.field", contains("leader"));
        asStaff().body(teamBody("T", lan, List.of(badged("farmer-ok"), unbadged))).post("/teams").then().statusCode(422)
                .body("violations.field", contains("members[1]"), "detail", containsString("badge"));
        asStaff().body(teamBody("T", lan, List.of(taken))).post("/teams").then().statusCode(409)
                .body("violations.field", contains("members[0]"), "teamName", equalTo(otherName),
                        "detail", containsString(otherName));
        asStaff().body(teamBody("T", taken, List.of())).post("/teams").then().statusCode(409)
                .body("violations.field", contains("leader"));
        // nothing was made of the refused requests: lan is in no team
        as(Roles.FARMER, lan).get("/teams/mine").then().statusCode(404);

        long team = Fixtures.team(lan);
        asStaff().put("/teams/" + team + "/members/" + unbadged).then().statusCode(422)
                .body("violations.field", contains("subject"));
        asStaff().put("/teams/" + team + "/members/" + taken).then().statusCode(409)
                .body("violations.field", contains("subject"), "teamName", equalTo(otherName));
        asStaff().put("/teams/" + team + "/members/" + "x".repeat(101)).then().statusCode(400);
        asStaff().body(teamBody("T", lan, List.of(lan))).put("/teams/" + team).then().statusCode(400)
                .body("violations.field", contains("members"));
    }

    @Test
    void membersComeAndGoButTheLeaderStays() {
        String lan = badged("farmer-lan");
        String minh = badged("farmer-minh");
        String hoa = badged("farmer-hoa");
        long team = Fixtures.team(lan, minh);

        asStaff().put("/teams/" + team + "/members/" + hoa).then().statusCode(200)
                .body("members.subject", contains(lan, minh, hoa));
        asStaff().put("/teams/" + team + "/members/" + hoa).then().statusCode(200)
                .body("members.subject", contains(lan, minh, hoa));
        asStaff().delete("/teams/" + team + "/members/" + lan).then().statusCode(409)
                .body("violations.field", contains("subject"));
        // a leader who is not a member is refused; a member becomes leader, then the old one may leave
        asStaff().body(teamBody("Tổ bán hàng mới", unique("farmer-stranger"), null)).put("/teams/" + team).then()
                .statusCode(422).body("violations.field", contains("leader"));
        Map<String, Object> change = teamBody("Câu lạc bộ KOC Lục Ngạn", minh, null);
        change.put("kind", "CLUB");
        change.put("commune", "Xã Lục Ngạn");
        asStaff().body(change).put("/teams/" + team).then().statusCode(200)
                .body("name", equalTo("Câu lạc bộ KOC Lục Ngạn"), "kind", equalTo("CLUB"), "leader", equalTo(minh),
                        "commune", equalTo("Xã Lục Ngạn"));
        asStaff().delete("/teams/" + team + "/members/" + lan).then().statusCode(200)
                .body("members.subject", contains(minh, hoa));
        asStaff().delete("/teams/" + team + "/members/" + lan).then().statusCode(200)
                .body("members.subject", contains(minh, hoa));
        // once out, she may join another team
        Fixtures.team(badged("farmer-leader"), lan);
        assertEquals(List.of("CREATED", "MEMBER_ADDED", "CHANGED", "MEMBER_REMOVED"), actions(team));
    }

    @Test
    void twoStaffAddingOneFarmerToTwoTeamsAtOnceLeaveHerInOne() throws Exception {
        String farmer = badged("farmer-wanted");
        long first = Fixtures.team(badged("farmer-a"));
        long second = Fixtures.team(badged("farmer-b"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (long team : List.of(first, second)) {
                calls.add(() -> asStaff().put("/teams/" + team + "/members/" + farmer).then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, count(db, "select count(*) from sales_team_member where subject = ?", farmer));
        assertEquals(1, count(db, "select count(*) from audit_entry where subject_type = 'TEAM' and action = 'MEMBER_ADDED'"
                + " and detail = ?", farmer));
    }

    private List<String> actions(long team) {
        List<String> actions = new ArrayList<>();
        try (var c = db.getConnection(); var s = c.prepareStatement(
                "select action from audit_entry where subject_type = 'TEAM' and subject_id = ? order by at, id")) {
            s.setLong(1, team);
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
