package io.agrilink.web.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.web.client.Campaign;
import io.agrilink.web.forms.Csrf;
import io.agrilink.web.staff.StaffStubsAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Staff's livestreams: by state, the schedule form as catalog takes it, go live, end, cancel, and a stream's results as charts. */
@QuarkusTest
class StaffStreamsPagesTest {

    static final String STAFF = "staff-hoa staff";

    @BeforeEach
    void reset() {
        LiveStubs.reset();
        StaffStubsAccess.reset();
        StaffStubsAccess.campaign(new Campaign(1, "Tuần lễ vải thiều", "Phó Chủ tịch tỉnh", null, Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(86_400), true, 10_000, 54_000_000, 0, List.of(
                        new Campaign.LotOnSale(20, 2, "Vải thiều loại 1", 1, "HTX Phượng Sơn", 55_000, 65_000, 1_000_000, 900_000),
                        new Campaign.LotOnSale(21, 3, "Vải thiều đặc biệt", 1, "HTX Phượng Sơn", 75_000, 85_000, 500_000, 500_000))));
        LiveStubs.Catalog.team(2, "Tổ bán hàng Phượng Sơn", "farmer-lan", List.of("farmer-lan", "farmer-minh"));
    }

    static String token() {
        return given().header("X-Test-User", STAFF).get("/staff").then().statusCode(200).extract().cookie(Csrf.COOKIE);
    }

    static RequestSpecification form(String token) {
        return given().header("X-Test-User", STAFF).header("Accept-Language", "vi").cookie(Csrf.COOKIE, token)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf", token).redirects().follow(false);
    }

    private static RequestSpecification schedule(String token, String url, String lot, String subject) {
        return form(token).formParam("title", "Vải thiều Lục Ngạn – trực tiếp từ vườn").formParam("platform", "TIKTOK")
                .formParam("url", url).formParam("plannedStart", "2026-06-10T19:00").formParam("plannedEnd", "2026-06-10T22:00")
                .formParam("campaignId", "1").formParam("lotIds", "20", lot)
                .formParam("hostKind", "LEADER", "", "TEAM", "FARMER", "")
                .formParam("hostName", "Phó Chủ tịch UBND tỉnh", "", "", "", "")
                .formParam("hostSubject", "", "", "", subject, "")
                .formParam("hostTeam", "", "", "2", "", "");
    }

    @Test
    void streamsAreListedByStateEachLinkingItsPage() {
        LiveStubs.stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", "LIVE", 1, List.of(20L));
        LiveStubs.stream("HY4NL8", "Nhãn lồng Hưng Yên", "SCHEDULED", 1, List.of());
        LiveStubs.stream("QX7M3B", "Bưởi Diễn", "CANCELLED", 1, List.of());
        LiveStubs.listAsPage = true;
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/streams").then()
                .statusCode(200).extract().asString();
        int live = page.indexOf("Đang phát trực tiếp (1)");
        int scheduled = page.indexOf("Đã lên lịch (1)");
        int ended = page.indexOf("Đã kết thúc (0)");
        int cancelled = page.indexOf("Đã hủy (1)");
        assertTrue(live > 0 && scheduled > live && ended > scheduled && cancelled > ended, page);
        assertTrue(page.indexOf("href=\"/staff/streams/LN6CH2\"") > live && page.indexOf("href=\"/staff/streams/LN6CH2\"") < scheduled);
        assertTrue(page.indexOf("href=\"/staff/streams/QX7M3B\"") > cancelled);
        assertTrue(LiveStubs.RECEIVED.contains("GET /livestreams?state=null Bearer token-of-staff-hoa"), LiveStubs.RECEIVED.toString());
    }

    @Test
    void aScheduledStreamIsSentAsCatalogTakesItInVietnamTimeWithTheHostRowsTypedThenItsPageOpens() {
        String form = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/streams/new").then()
                .statusCode(200).extract().asString();
        assertTrue(form.contains("<option value=\"1\">Tuần lễ vải thiều</option>"), form);
        assertTrue(form.contains("name=\"lotIds\" value=\"21\""), form);
        assertTrue(form.contains("<option value=\"2\">Tổ bán hàng Phượng Sơn</option>"), form);
        String token = token();
        schedule(token, "https://www.tiktok.com/@bacninh/live", "21", "farmer-thu").post("/staff/streams").then().statusCode(303)
                .header("Location", containsString("/staff/streams/NEW234"));
        JsonNode sent = LiveStubs.LAST_BODY.get("POST /livestreams");
        assertEquals("2026-06-10T12:00:00Z", sent.path("plannedStart").asText());
        assertEquals("2026-06-10T15:00:00Z", sent.path("plannedEnd").asText());
        assertEquals(1, sent.path("campaignId").asLong());
        assertEquals("[20,21]", sent.path("lotIds").toString());
        assertEquals(3, sent.path("hosts").size(), "blank rows are left out: " + sent);
        assertEquals("LEADER", sent.path("hosts").get(0).path("kind").asText());
        assertTrue(sent.path("hosts").get(0).path("subject").isMissingNode(), "nothing blank is sent");
        assertEquals(2, sent.path("hosts").get(1).path("teamId").asLong());
        assertEquals("farmer-thu", sent.path("hosts").get(2).path("subject").asText());
        assertTrue(LiveStubs.RECEIVED.contains("POST /livestreams Bearer token-of-staff-hoa"));
    }

    @Test
    void catalogsProblemLandsNextToTheFieldOrHostRowItNamesWithEverythingTypedKept() {
        String token = token();
        String page = schedule(token, "http://example.vn/live", "21", "farmer-thu").post("/staff/streams").then().statusCode(400)
                .extract().asString();
        assertTrue(page.contains("<p class=\"error\" id=\"f-url-error\" role=\"alert\">"), page);
        assertTrue(page.contains("value=\"http://example.vn/live\""), "what was typed is kept");
        page = schedule(token, "https://www.tiktok.com/@bacninh/live", "999", "farmer-thu").post("/staff/streams").then()
                .statusCode(422).extract().asString();
        assertTrue(page.contains("id=\"f-lotIds-error\" role=\"alert\">"), page);
        // the third host sent is the form's fourth row (the second row was blank)
        page = schedule(token, "https://www.tiktok.com/@bacninh/live", "21", "nobody").post("/staff/streams").then().statusCode(422)
                .extract().asString();
        assertTrue(page.contains("id=\"f-host-3-subject-error\" role=\"alert\">"), page);
        assertTrue(page.contains("value=\"nobody\""));
        // typed wrong: said at the field, never sent
        long sent = LiveStubs.RECEIVED.stream().filter(r -> r.startsWith("POST /livestreams")).count();
        page = form(token).formParam("title", "Buổi phát").formParam("plannedStart", "tối nay").formParam("campaignId", "1")
                .post("/staff/streams").then().statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"f-plannedStart-error\" role=\"alert\">Hãy chọn ngày và giờ.</p>"), page);
        assertTrue(page.contains("id=\"f-host-0-kind-error\" role=\"alert\">Cần ít nhất một người dẫn.</p>"), page);
        assertEquals(sent, LiveStubs.RECEIVED.stream().filter(r -> r.startsWith("POST /livestreams")).count());
    }

    @Test
    void staffGoLiveEndAndCancelWithAReasonAndCatalogsConflictIsSaidInWords() {
        LiveStubs.stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", "SCHEDULED", 1, List.of(20L));
        LiveStubs.stream("HY4NL8", "Nhãn lồng Hưng Yên", "SCHEDULED", 1, List.of());
        String token = token();
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/streams/LN6CH2").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("action=\"/staff/streams/LN6CH2/start\""), page);
        assertTrue(page.contains("action=\"/staff/streams/LN6CH2/cancel\""), page);
        form(token).post("/staff/streams/LN6CH2/start").then().statusCode(303)
                .header("Location", containsString("/staff/streams/LN6CH2?moved=true"));
        assertTrue(LiveStubs.RECEIVED.contains("POST /livestreams/LN6CH2/start Bearer token-of-staff-hoa"));
        page = form(token).post("/staff/streams/LN6CH2/start").then().statusCode(409).extract().asString();
        assertTrue(page.contains("Không làm được: buổi phát đang ở trạng thái «Đang phát trực tiếp»."), page);
        form(token).post("/staff/streams/LN6CH2/end").then().statusCode(303);
        assertEquals("ENDED", LiveStubs.STREAMS.get("LN6CH2").state());

        page = form(token).formParam("reason", " ").post("/staff/streams/HY4NL8/cancel").then().statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"f-reason-error\" role=\"alert\">Hãy ghi lý do hủy.</p>"), page);
        assertTrue(LiveStubs.RECEIVED.stream().noneMatch(r -> r.startsWith("POST /livestreams/HY4NL8/cancel")));
        form(token).formParam("reason", "Mưa bão, mất điện").post("/staff/streams/HY4NL8/cancel").then().statusCode(303);
        assertEquals("Mưa bão, mất điện", LiveStubs.LAST_BODY.get("POST /livestreams/cancel").path("reason").asText());
        assertEquals("CANCELLED", LiveStubs.STREAMS.get("HY4NL8").state());
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/streams/HY4NL8").then().statusCode(200)
                .body(containsString("Mưa bão, mất điện"));
    }

    @Test
    void aStreamsResultsPageHasTheFiguresWithRevenueAndThreeServerDrawnCharts() {
        LiveStubs.stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", "ENDED", 1, List.of(20L));
        LiveStubs.RESULTS.put("LN6CH2", new StreamCounter("LN6CH2", "ENDED", Instant.parse("2026-06-10T18:05:00Z"),
                Instant.parse("2026-06-10T12:00:00Z"), Instant.parse("2026-06-10T18:03:00Z"), 5_120, 54_200_000, 2_981_000_000L,
                List.of(new StreamCounter.Group("Hà Nội", null, null, 3_000, 30_000_000, 1_650_000_000L),
                        new StreamCounter.Group("Bắc Ninh", null, null, 2_120, 24_200_000, 1_331_000_000L)),
                List.of(new StreamCounter.Group(null, "VN", null, 5_100, 54_000_000, 2_970_000_000L),
                        new StreamCounter.Group(null, "JP", null, 20, 200_000, 11_000_000L)),
                List.of(new StreamCounter.Group(null, null, "2026-06-10T12:00:00Z", 300, 3_000_000, 165_000_000L)),
                "54,2 t in 6 h 03 min"));
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/streams/ln6ch2").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"results-LN6CH2-orders\" data-test=\"results-orders\">5120</dd>"), page);
        assertTrue(page.contains("id=\"results-LN6CH2-kg\" data-test=\"results-kg\">54.200\u00a0kg</dd>"), page);
        assertTrue(page.contains("id=\"results-LN6CH2-revenue\" data-test=\"results-revenue\">2.981.000.000\u00a0₫</dd>"), page);
        assertTrue(page.contains("54,2 t in 6 h 03 min"));
        assertEquals(3, LivestreamPagesTest.count(page, "<svg class=\"chart"), "per minute, by province, by country");
        assertEquals(1 + 2 + 2, LivestreamPagesTest.count(page, "<rect class=\"bar\""));
        assertTrue(page.contains(">19:00</text>"), "the minute on the clock in Việt Nam");
        assertTrue(page.contains(">Nhật Bản</text>"), page);
        assertTrue(page.contains("<th scope=\"row\">Hà Nội</th><td>3000</td><td>30.000\u00a0kg</td><td>1.650.000.000\u00a0₫</td>"), page);
        assertTrue(LiveStubs.RECEIVED.contains("GET /livestreams/LN6CH2/results Bearer token-of-staff-hoa"));
        given().header("X-Test-User", STAFF).get("/staff/streams/ZZZZ99").then().statusCode(404);
        given().header("X-Test-User", STAFF).get("/staff/streams/no!").then().statusCode(404);
    }

    @Test
    void everyStaffLivestreamScreenIsForStaffOnlyAndNoServiceIsCalledForAnotherRole() {
        LiveStubs.stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", "SCHEDULED", 1, List.of(20L), "farmer-lan");
        LiveStubs.Catalog.team(2, "Tổ bán hàng Phượng Sơn", "farmer-lan", List.of("farmer-lan"));
        LiveStubs.RECEIVED.clear();
        for (String path : List.of("/staff/streams", "/staff/streams/new", "/staff/streams/LN6CH2", "/staff/teams", "/staff/teams/2",
                "/staff/funnel", "/staff/funnel.csv")) {
            for (String who : List.of("farmer-lan farmer", "buyer-hanoi buyer", "carrier-coldchain carrier")) {
                given().header("X-Test-User", who).header("Accept-Language", "vi").get(path).then().statusCode(403)
                        .body(containsString("Bạn không có quyền xem trang này"));
            }
            given().redirects().follow(false).get(path).then().statusCode(401);
        }
        // a mover of the stream still cannot use staff's screens to move it
        String token = given().header("X-Test-User", "farmer-lan farmer").get("/").getCookie(Csrf.COOKIE);
        for (String path : List.of("/staff/streams/LN6CH2/start", "/staff/streams/LN6CH2/cancel", "/staff/teams", "/staff/teams/2/members",
                "/staff/teams/2/members/remove")) {
            given().header("X-Test-User", "farmer-lan farmer").cookie(Csrf.COOKIE, token).formParam("csrf", token)
                    .formParam("subject", "farmer-lan").formParam("reason", "x").redirects().follow(false).post(path).then()
                    .statusCode(403);
        }
        assertEquals(List.of(), LiveStubs.RECEIVED);
    }
}
