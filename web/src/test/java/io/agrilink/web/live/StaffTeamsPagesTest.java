package io.agrilink.web.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Staff's sales teams: the list, a new one, a change, members added and removed, catalog's rules said by the field with the farmer's name. */
@QuarkusTest
class StaffTeamsPagesTest {

    @BeforeEach
    void reset() {
        LiveStubs.reset();
        LiveStubs.BADGED.addAll(List.of("farmer-lan", "farmer-minh", "farmer-thu", "farmer-hoa"));
        LiveStubs.Catalog.team(2, "Tổ bán hàng Phượng Sơn", "farmer-lan", List.of("farmer-lan", "farmer-minh"));
    }

    @Test
    void teamsAreListedAndANewOneIsSentAsCatalogTakesItThenItsPageOpens() {
        String page = given().header("X-Test-User", StaffStreamsPagesTest.STAFF).header("Accept-Language", "vi").get("/staff/teams")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<a href=\"/staff/teams/2\">Tổ bán hàng Phượng Sơn</a>"), page);
        assertTrue(page.contains("data-test=\"member-count\">2</td>"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"/staff/teams\""), page);
        String token = StaffStreamsPagesTest.token();
        StaffStreamsPagesTest.form(token).formParam("name", "CLB KOC Tân Sơn").formParam("kind", "CLUB").formParam("province", "Phú Thọ")
                .formParam("commune", "Xã Tân Sơn").formParam("leader", "farmer-thu").formParam("members", "farmer-hoa\r\nfarmer-thu, farmer-hoa")
                .post("/staff/teams").then().statusCode(303).header("Location", containsString("/staff/teams/5"));
        JsonNode sent = LiveStubs.LAST_BODY.get("POST /teams");
        assertEquals("CLB KOC Tân Sơn", sent.path("name").asText());
        assertEquals("CLUB", sent.path("kind").asText());
        assertEquals("Xã Tân Sơn", sent.path("commune").asText());
        assertEquals("[\"farmer-hoa\",\"farmer-thu\"]", sent.path("members").toString(), "one a line or by commas, once each");
        assertTrue(LiveStubs.RECEIVED.contains("POST /teams Bearer token-of-staff-hoa"));
        given().header("X-Test-User", StaffStreamsPagesTest.STAFF).header("Accept-Language", "vi").get("/staff/teams/5").then()
                .statusCode(200).body(containsString("<h1 id=\"team-name\">CLB KOC Tân Sơn</h1>"))
                .body(containsString("<li data-subject=\"farmer-hoa\">"));
    }

    @Test
    void aMemberWithoutTheBadgeOrInAnotherTeamIsNamedInWordsNextToTheMembersWithEverythingTypedKept() {
        String token = StaffStreamsPagesTest.token();
        String page = StaffStreamsPagesTest.form(token).formParam("name", "Tổ Lục Ngạn").formParam("kind", "TEAM")
                .formParam("province", "Bắc Ninh").formParam("commune", "Xã Lục Ngạn").formParam("leader", "farmer-thu")
                .formParam("members", "farmer-thu\nfarmer-x").post("/staff/teams").then().statusCode(422).extract().asString();
        assertTrue(page.contains("<p class=\"error\" id=\"f-members-error\" role=\"alert\">farmer-x chưa có chứng chỉ bán hàng livestream</p>"),
                page);
        assertTrue(page.contains("value=\"Tổ Lục Ngạn\"") && page.contains("farmer-thu\nfarmer-x</textarea>"), page);
        page = StaffStreamsPagesTest.form(token).formParam("name", "Tổ Lục Ngạn").formParam("kind", "TEAM")
                .formParam("province", "Bắc Ninh").formParam("commune", "Xã Lục Ngạn").formParam("leader", "farmer-thu")
                .formParam("members", "farmer-thu farmer-minh").post("/staff/teams").then().statusCode(409).extract().asString();
        assertTrue(page.contains("id=\"f-members-error\" role=\"alert\">farmer-minh đã thuộc Tổ bán hàng Phượng Sơn</p>"), page);
        page = StaffStreamsPagesTest.form(token).formParam("name", "Tổ Lục Ngạn").formParam("kind", "TEAM")
                .formParam("province", "Bắc Ninh").formParam("commune", "Xã Lục Ngạn").formParam("leader", "farmer-y")
                .post("/staff/teams").then().statusCode(422).extract().asString();
        assertTrue(page.contains("id=\"f-leader-error\" role=\"alert\">farmer-y chưa có chứng chỉ bán hàng livestream</p>"), page);
    }

    @Test
    void membersAreAddedAndRemovedOneByOneAndTheLeaderStays() {
        String token = StaffStreamsPagesTest.token();
        StaffStreamsPagesTest.form(token).formParam("subject", "farmer-thu").post("/staff/teams/2/members").then().statusCode(303)
                .header("Location", containsString("/staff/teams/2?saved=true"));
        assertTrue(LiveStubs.RECEIVED.contains("PUT /teams/2/members/farmer-thu Bearer token-of-staff-hoa"), LiveStubs.RECEIVED.toString());
        String page = StaffStreamsPagesTest.form(token).formParam("subject", "farmer-x").post("/staff/teams/2/members").then()
                .statusCode(422).extract().asString();
        assertTrue(page.contains("id=\"f-subject-error\" role=\"alert\">farmer-x chưa có chứng chỉ bán hàng livestream</p>"), page);
        assertTrue(page.contains("value=\"farmer-x\""), page);
        StaffStreamsPagesTest.form(token).formParam("subject", "farmer-minh").post("/staff/teams/2/members/remove").then().statusCode(303);
        assertTrue(LiveStubs.RECEIVED.contains("DELETE /teams/2/members/farmer-minh Bearer token-of-staff-hoa"));
        page = StaffStreamsPagesTest.form(token).formParam("subject", "farmer-lan").post("/staff/teams/2/members/remove").then()
                .statusCode(409).extract().asString();
        assertTrue(page.contains("id=\"f-remove-error\">farmer-lan là tổ trưởng: hãy chọn tổ trưởng khác trước.</p>"), page);
        page = given().header("X-Test-User", StaffStreamsPagesTest.STAFF).header("Accept-Language", "vi").get("/staff/teams/2").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("<li data-subject=\"farmer-thu\">") && !page.contains("<li data-subject=\"farmer-minh\">"), page);
        assertTrue(!page.contains("value=\"farmer-lan\"><button"), "the leader has no remove button");
    }

    @Test
    void aChangeIsSentAndALeaderWhoIsNotAMemberIsSaidByTheLeaderField() {
        String token = StaffStreamsPagesTest.token();
        StaffStreamsPagesTest.form(token).formParam("name", "Tổ bán hàng Phượng Sơn mới").formParam("kind", "TEAM").formParam("province", "Bắc Ninh")
                .formParam("commune", "Xã Phượng Sơn").formParam("leader", "farmer-minh").post("/staff/teams/2").then().statusCode(303);
        JsonNode sent = LiveStubs.LAST_BODY.get("PUT /teams");
        assertEquals("farmer-minh", sent.path("leader").asText());
        assertTrue(sent.path("members").isMissingNode(), "members change one by one");
        String page = StaffStreamsPagesTest.form(token).formParam("name", "Tổ").formParam("kind", "TEAM").formParam("province", "Bắc Ninh")
                .formParam("commune", "Xã Phượng Sơn").formParam("leader", "farmer-hoa").post("/staff/teams/2").then().statusCode(422)
                .extract().asString();
        assertTrue(page.contains("id=\"f-leader-error\" role=\"alert\">farmer-hoa chưa là thành viên của tổ</p>"), page);
        given().header("X-Test-User", StaffStreamsPagesTest.STAFF).get("/staff/teams/99").then().statusCode(404)
                .body(not(containsString("does not exist")));
    }
}
