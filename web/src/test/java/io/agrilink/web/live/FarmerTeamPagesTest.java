package io.agrilink.web.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The farmer's team page: her team, its members and the team's livestream results; none, said in words. */
@QuarkusTest
class FarmerTeamPagesTest {

    @BeforeEach
    void reset() {
        LiveStubs.reset();
        LiveStubs.Catalog.team(2, "Tổ bán hàng Phượng Sơn", "farmer-lan", List.of("farmer-lan", "farmer-minh"));
        LiveStubs.TEAM_RESULTS.put(2L, new TeamResults(2L, null, null, null, List.of(
                new TeamResults.Stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", Instant.parse("2026-06-10T12:00:00Z"),
                        Instant.parse("2026-06-10T18:03:00Z"), 5_120, 54_200_000, 2_981_000_000L, "54,2 t in 6 h 03 min")),
                5_120, 54_200_000, 2_981_000_000L, List.of(), List.of(), "54,2 t in 6 h 03 min"));
    }

    @Test
    void aMemberSeesHerTeamItsMembersAndItsResults() {
        String page = given().header("X-Test-User", "farmer-minh farmer").header("Accept-Language", "vi").get("/farmer/team").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("<h2 id=\"team-name\">Tổ bán hàng Phượng Sơn</h2>"), page);
        assertTrue(page.contains("<li data-subject=\"farmer-lan\"><strong>Hộ farmer-lan</strong> · Tổ trưởng</li>"), page);
        assertTrue(page.contains("id=\"team-orders\" data-test=\"team-orders\">5120</dd>"), page);
        assertTrue(page.contains("id=\"team-revenue\" data-test=\"team-revenue\">2.981.000.000\u00a0₫</dd>"), page);
        assertTrue(page.contains("<a href=\"/live/LN6CH2\">Vải thiều Lục Ngạn – trực tiếp từ vườn</a>"), page);
        assertTrue(LiveStubs.RECEIVED.contains("GET /teams/mine Bearer token-of-farmer-minh"));
        assertTrue(LiveStubs.RECEIVED.contains("GET /livestream-results?team=2 Bearer token-of-farmer-minh"));
    }

    @Test
    void aFarmerInNoTeamIsToldSoAndOtherRolesGetTheForbiddenPage() {
        given().header("X-Test-User", "farmer-thu farmer").header("Accept-Language", "vi").get("/farmer/team").then().statusCode(200)
                .body(containsString("Bạn chưa thuộc tổ bán hàng nào."));
        given().header("X-Test-User", "buyer-hanoi buyer").get("/farmer/team").then().statusCode(403);
        given().header("X-Test-User", "staff-hoa staff").get("/farmer/team").then().statusCode(403);
        given().redirects().follow(false).get("/farmer/team").then().statusCode(401);
        given().header("X-Test-User", "farmer-thu farmer").header("Accept-Language", "vi").get("/farmer").then()
                .body(containsString("href=\"/farmer/team\"")).body(containsString("href=\"/host\""));
    }
}
