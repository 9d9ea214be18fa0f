package io.agrilink.web.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The funnel: by commune, team or course over a period, SVG bars with the conversions, the sources line, and the CSV passed through. */
@QuarkusTest
class StaffFunnelPagesTest {

    private static final String STAFF = StaffStreamsPagesTest.STAFF;

    @BeforeEach
    void reset() {
        LiveStubs.reset();
        Funnel.Group live101 = new Funnel.Group("LIVE-101", "Bán hàng qua livestream", 40L, 32L, 30L, 22L, 9L, 7L, 48_500_000L,
                Map.of("attended", 0.8, "certified", 0.938, "listedProduct", 0.733, "hostedStream", 0.409, "firstSale", 0.778));
        LiveStubs.funnel = new Funnel("course", LocalDate.parse("2026-06-01"), LocalDate.parse("2026-08-31"),
                Instant.parse("2026-09-01T02:00:00Z"), Map.of("catalog", "available", "orders", "available"), List.of(live101),
                new Funnel.Group("total", "Total", 40L, 32L, 30L, 22L, 9L, 7L, 48_500_000L, live101.conversions()));
    }

    @Test
    void theFunnelIsDrawnAsBarsPerGroupWithTheConversionUnderEachStep() {
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi")
                .get("/staff/funnel?by=course&from=2026-06-01&to=2026-08-31").then().statusCode(200).extract().asString();
        assertTrue(LiveStubs.RECEIVED.contains("GET /reports/funnel?by=course&from=2026-06-01&to=2026-08-31 Bearer token-of-staff-hoa"),
                LiveStubs.RECEIVED.toString());
        assertTrue(page.contains("<h2 id=\"funnel-0-title\">Bán hàng qua livestream</h2>"), page);
        assertEquals(2, LivestreamPagesTest.count(page, "<svg class=\"chart"), "the group and the total");
        assertEquals(12, LivestreamPagesTest.count(page, "<rect class=\"bar\""), "six steps each");
        assertTrue(page.contains("<tr data-step=\"attended\"><th scope=\"row\">Đi học</th><td data-test=\"farmers\">32</td>"
                + "<td data-test=\"conversion\">80\u00a0%</td></tr>"), page);
        assertTrue(page.contains("<td data-test=\"conversion\">93,8\u00a0%</td>"), page);
        assertTrue(page.contains("<td data-test=\"revenue\" colspan=\"2\">48.500.000\u00a0₫</td>"), page);
        assertTrue(page.contains(">Dẫn livestream</text>") && page.contains(">9 · 40,9\u00a0%</text>"), page);
        assertTrue(page.contains("href=\"/staff/funnel.csv?by=course&amp;from=2026-06-01&amp;to=2026-08-31\""), page);
        assertTrue(!page.contains("data-test=\"source-unavailable\""), "every source answered");
    }

    @Test
    void aServiceThatDidNotAnswerIsSaidAndItsStepsShowNothing() {
        Funnel.Group commune = new Funnel.Group("Xã Phượng Sơn", "Xã Phượng Sơn", 12L, 10L, 9L, null, null, null, null,
                Map.of("attended", 0.833, "certified", 0.9));
        LiveStubs.funnel = new Funnel("commune", LocalDate.parse("2026-06-01"), LocalDate.parse("2026-08-31"), Instant.now(),
                Map.of("catalog", "unavailable: connect timed out", "orders", "available"), List.of(commune), null);
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/funnel?by=commune").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("data-source=\"catalog\">Không lấy được số từ catalog (unavailable: connect timed out)"), page);
        assertTrue(page.contains("<tr data-step=\"listedProduct\"><th scope=\"row\">Đăng bán sản phẩm</th><td data-test=\"farmers\">–</td>"
                + "<td data-test=\"conversion\">–</td></tr>"), page);
        assertTrue(page.contains("value=\"2026-06-01\""), "the period training-service chose is shown");
        assertTrue(LiveStubs.RECEIVED.contains("GET /reports/funnel?by=commune&from=null&to=null Bearer token-of-staff-hoa"));
    }

    @Test
    void badDatesAreSaidAtTheirFieldAndNeverSentAndTrainingsProblemLandsByItsField() {
        String page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/funnel?from=hôm qua&to=2026-08-31")
                .then().statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"f-from-error\" role=\"alert\">Hãy chọn một ngày.</p>"), page);
        page = given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/funnel?from=2026-08-31&to=2026-06-01")
                .then().statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"f-to-error\" role=\"alert\">Phải từ ngày bắt đầu trở đi.</p>"), page);
        assertEquals(List.of(), LiveStubs.RECEIVED);
        given().header("X-Test-User", STAFF).get("/staff/funnel?by=everything").then().statusCode(200);
        assertTrue(LiveStubs.RECEIVED.get(0).startsWith("GET /reports/funnel?by=course&"), "an unknown grouping is the default");
        LiveStubs.trainingDown = true;
        given().header("X-Test-User", STAFF).header("Accept-Language", "vi").get("/staff/funnel").then().statusCode(200)
                .body(containsString("class=\"banner\" role=\"alert\""));
    }

    @Test
    void theCsvIsTrainingServicesBytesWithItsTypeAndFileNameFetchedWithTheStaffToken() {
        var answer = given().header("X-Test-User", STAFF).get("/staff/funnel.csv?by=team&from=2026-06-01&to=2026-08-31").then()
                .statusCode(200).extract();
        assertArrayEquals(LiveStubs.CSV.getBytes(StandardCharsets.UTF_8), answer.asByteArray());
        assertTrue(answer.contentType().startsWith("text/csv"), answer.contentType());
        assertEquals("attachment; filename=\"funnel-team-2026-06-01-2026-08-31.csv\"", answer.header("Content-Disposition"));
        assertTrue(answer.header("Cache-Control").contains("no-store"));
        assertTrue(LiveStubs.RECEIVED.contains("GET /reports/funnel?by=team&from=2026-06-01&to=2026-08-31 csv Bearer token-of-staff-hoa"),
                LiveStubs.RECEIVED.toString());
        given().header("X-Test-User", STAFF).get("/staff/funnel.csv?from=2026-13-01").then().statusCode(400);
        LiveStubs.trainingDown = true;
        given().header("X-Test-User", STAFF).get("/staff/funnel.csv").then().statusCode(502)
                .contentType(containsString("text/html"));
    }
}
