package io.agrilink.web.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.FakeCatalog;
import io.agrilink.web.buyer.BuyerOrderServiceStub;
import io.agrilink.web.forms.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The public livestream page: the stream, its counter (first render and the polled fragment), the
 * featured lots with an order form that carries the code, the confirmation saying whether the order
 * counted, and a campaign page opened with {@code ?live=}.
 */
@QuarkusTest
class LivestreamPagesTest {

    private static final String HANOI = "buyer-hanoi buyer";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([0-9a-f-]{36})\"");

    @Inject
    @RestClient
    FakeCatalog catalog;

    @Inject
    BuyerOrderServiceStub orders;

    @BeforeEach
    void reset() {
        LiveStubs.reset();
        catalog.reset();
        orders.reset();
        // campaign 1 sells lot 10 (product 1) and lot 20 (product 2); the stream features lot 20 only
        catalog.add(1, "Vải thiều Lục Ngạn loại 1", "Chín cây.", "HTX Phượng Sơn");
        catalog.add(2, "Vải thiều Lục Ngạn đặc biệt", "Hái sáng sớm.", "HTX Phượng Sơn");
        LiveStubs.stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", "LIVE", 1, List.of(20L), "farmer-lan");
        LiveStubs.COUNTERS.put("LN6CH2", counter("LIVE", 42, 820_500, null));
    }

    static StreamCounter counter(String state, long orders, long grams, String headline) {
        return new StreamCounter("LN6CH2", state, Instant.parse("2026-06-10T12:07:00Z"), Instant.parse("2026-06-10T12:00:00Z"),
                null, orders, grams, null,
                List.of(new StreamCounter.Group("Hà Nội", null, null, 30, 600_000, null),
                        new StreamCounter.Group("Bắc Ninh", null, null, 11, 200_000, null),
                        new StreamCounter.Group("Hồ Chí Minh", null, null, 1, 20_500, null)),
                List.of(new StreamCounter.Group(null, "VN", null, 41, 800_000, null),
                        new StreamCounter.Group(null, "US", null, 1, 20_500, null)),
                List.of(new StreamCounter.Group(null, null, "2026-06-10T19:05:00+07:00", 40, 800_000, null),
                        new StreamCounter.Group(null, null, "2026-06-10T19:06:00+07:00", 2, 20_500, null)),
                headline);
    }

    @Test
    void theStreamPageShowsTheStreamItsHostsAndItsCounterInTheFirstRenderWithThePollingScript() {
        String page = given().header("Accept-Language", "vi").get("/live/ln6ch2").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h1 id=\"stream-title\">Vải thiều Lục Ngạn – trực tiếp từ vườn</h1>"), page);
        assertTrue(page.contains("id=\"stream-state\" data-test=\"stream-state\">Đang phát trực tiếp</strong>"), page);
        assertTrue(page.contains("href=\"https://www.tiktok.com/@bacninh/live\" rel=\"noopener noreferrer external\""), page);
        assertTrue(page.contains("Xem trên TikTok"));
        assertTrue(page.contains("<span class=\"muted\">Lãnh đạo</span> Phó Chủ tịch UBND tỉnh"), page);
        assertTrue(page.contains("<span class=\"muted\">Tổ bán hàng</span> Tổ bán hàng Phượng Sơn"), page);
        assertTrue(page.contains("id=\"stream-planned\">19:00 10/06/2026 – 22:00 10/06/2026</dd>"), "Vietnam time: " + page);
        assertTrue(page.contains("<dd id=\"live-orders\" data-test=\"live-orders\">42</dd>"), page);
        assertTrue(page.contains("<dd id=\"live-kg\" data-test=\"live-kg\">820,5\u00a0kg</dd>"), page);
        assertTrue(page.contains("<dd id=\"live-provinces\" data-test=\"live-provinces\">3</dd>"), page);
        assertTrue(page.contains("<dd id=\"live-countries\" data-test=\"live-countries\">2</dd>"), page);
        assertEquals(2, count(page, "<rect class=\"bar\""), "one bar per minute with orders");
        assertTrue(page.contains(">19:05</text>"), "minutes on the clock in Việt Nam: " + page);
        assertTrue(page.contains("data-live-src=\"/live/LN6CH2/counter\" data-live-every=\"3000\""), page);
        assertTrue(page.contains("<script src=\"/live.js\" defer></script>"));
        assertFalse(page.contains("live-headline"), "no headline while live");
        assertFalse(Pattern.compile("<script>|style=\"|onclick=").matcher(page).find(), "no inline script or style");
        // the featured lot only, and for someone not signed in no form
        assertTrue(page.contains("data-lot-id=\"20\"") && !page.contains("data-lot-id=\"10\""), page);
        assertFalse(page.contains("name=\"key\""));
        assertTrue(LiveStubs.RECEIVED.contains("GET /livestreams/LN6CH2 null"), "the code upper-cased: " + LiveStubs.RECEIVED);
    }

    @Test
    void theCounterFragmentFollowsOrderServiceIsNeverCachedAndKeepsItsPlaceWhenOrderServiceIsDown() {
        LiveStubs.COUNTERS.put("LN6CH2", counter("LIVE", 43, 821_000, null));
        String fragment = given().get("/live/LN6CH2/counter").then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .extract().asString();
        assertTrue(fragment.contains("<dd id=\"live-orders\" data-test=\"live-orders\">43</dd>"), fragment);
        assertFalse(fragment.contains("<html"), "a fragment, not a page");
        LiveStubs.orderServiceDown = true;
        given().get("/live/LN6CH2/counter").then().statusCode(503);
        given().header("Accept-Language", "vi").get("/live/LN6CH2").then().statusCode(200)
                .body(containsString("class=\"banner\" role=\"alert\""));
    }

    @Test
    void anEndedStreamShowsItsHeadlineAndNoLongerPolls() {
        LiveStubs.stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", "ENDED", 1, List.of(20L), "farmer-lan");
        LiveStubs.COUNTERS.put("LN6CH2", counter("ENDED", 5_120, 54_200_000, "54,2 t in 6 h 03 min"));
        String page = given().header("Accept-Language", "vi").get("/live/LN6CH2").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p class=\"headline\" id=\"live-headline\" data-test=\"live-headline\">54,2 t in 6 h 03 min</p>"), page);
        assertTrue(page.contains("Đã kết thúc") && page.contains("id=\"stream-ended\""), page);
        assertFalse(page.contains("data-live-src"), "an ended stream's figures no longer move");
        assertFalse(page.contains("/live.js"));
    }

    @Test
    void aScheduledStreamHasNoCounterYetAndOrderServiceIsNotAsked() {
        LiveStubs.stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", "SCHEDULED", 1, List.of(20L));
        given().header("Accept-Language", "vi").get("/live/LN6CH2").then().statusCode(200)
                .body(containsString("id=\"stream-not-started\"")).body(not(containsString("live-orders")));
        assertTrue(LiveStubs.RECEIVED.stream().noneMatch(r -> r.contains("/counter")), LiveStubs.RECEIVED.toString());
    }

    @Test
    void aBuyersOrderFromTheStreamPageCarriesTheCodeAndItsConfirmationSaysItWasCounted() {
        String page = given().header("X-Test-User", HANOI).header("Accept-Language", "vi").get("/live/LN6CH2").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("action=\"/live/LN6CH2/orders\""), page);
        assertTrue(page.contains("<input type=\"hidden\" name=\"live\" value=\"LN6CH2\" id=\"order-live\" data-test=\"order-live\">"), page);
        assertTrue(page.contains("<option value=\"20\"") && !page.contains("<option value=\"10\""), "only the featured lot");
        String csrf = csrf();
        Response placed = post("/live/LN6CH2/orders", csrf, form(key(page), "20", "LN6CH2"));
        assertEquals(303, placed.statusCode(), placed.asString());
        assertEquals("LN6CH2", orders.sent().get(0).body().path("live").asText());
        assertEquals("Bearer token-of-buyer-hanoi", orders.sent().get(0).authorization());
        String confirmation = given().header("X-Test-User", HANOI).header("Accept-Language", "vi")
                .get(placed.header("Location")).then().statusCode(200).extract().asString();
        assertTrue(confirmation.contains("data-test=\"livestream-counted\" data-attributed=\"true\">Đơn được tính cho buổi phát "
                + "«Vải thiều Lục Ngạn – trực tiếp từ vườn» (LN6CH2).</p>"), confirmation);
        String orderPage = given().header("X-Test-User", HANOI).header("Accept-Language", "vi")
                .get(placed.header("Location").replace("/placed", "")).then().statusCode(200).extract().asString();
        assertTrue(orderPage.contains("data-test=\"livestream-counted\""), "the order's page says it too: " + orderPage);
    }

    @Test
    void anOrderThatWasNotCountedSaysWhyInWordsAndIsPlacedAllTheSame() {
        String csrf = csrf();
        Response placed = post("/live/LN6CH2/orders", csrf, form(UUID(), "20", "ENDED7"));
        assertEquals(303, placed.statusCode(), placed.asString());
        given().header("X-Test-User", HANOI).header("Accept-Language", "vi").get(placed.header("Location")).then().statusCode(200)
                .body(containsString("data-attributed=\"false\">Đơn không được tính cho buổi phát ENDED7: buổi phát đang không diễn ra. "
                        + "Đơn vẫn được giao như thường.</p>"));
        placed = post("/live/LN6CH2/orders", csrf, form(UUID(), "20", "ZZZZ99"));
        given().header("X-Test-User", HANOI).header("Accept-Language", "en").get(placed.header("Location")).then().statusCode(200)
                .body(containsString("Not counted for livestream ZZZZ99: no livestream has this code."));
        // a code the service refuses (400 naming live) comes back as a sentence on the form, what was typed kept
        String again = post("/live/LN6CH2/orders", csrf, form(UUID(), "20", "bad code!")).then().statusCode(400).extract().asString();
        assertTrue(again.contains("id=\"f-live-error\" role=\"alert\">"), again);
        assertTrue(again.contains("value=\"Nguyễn Văn An\""), again);
        // an order without a code sends none
        Map<String, String> plain = form(UUID(), "20", "");
        post("/campaigns/1/orders", csrf, plain).then().statusCode(303);
        assertTrue(orders.sent().get(orders.sent().size() - 1).body().path("live").isMissingNode(), "no live member without a code");
    }

    @Test
    void aCampaignPageOpenedWithLiveCarriesTheCodeAndAMalformedOneIsIgnored() {
        String page = given().header("X-Test-User", HANOI).header("Accept-Language", "vi").get("/campaigns/1?live=ln6ch2").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"live\" value=\"LN6CH2\""), page);
        assertTrue(page.contains("Đơn này đặt từ buổi phát LN6CH2."), page);
        post("/campaigns/1/orders", csrf(), form(key(page), "10", "LN6CH2")).then().statusCode(303);
        assertEquals("LN6CH2", orders.sent().get(0).body().path("live").asText());
        given().header("X-Test-User", HANOI).get("/campaigns/1?live=%3Cscript%3E").then().statusCode(200)
                .body(not(containsString("name=\"live\""))).body(not(containsString("<script>")));
        given().header("X-Test-User", HANOI).get("/campaigns/1").then().statusCode(200).body(not(containsString("name=\"live\"")));
    }

    @Test
    void unknownAndMalformedCodesAreTheNotFoundPageAndMalformedOnesReachNoService() {
        given().header("Accept-Language", "vi").get("/live/ZZZZ99").then().statusCode(404)
                .body(containsString("<html")).body(not(containsString("No livestream")));
        LiveStubs.RECEIVED.clear();
        for (String bad : List.of("/live/ab1", "/live/ABCDEFGHJKLMN", "/live/LN6-H2", "/live/%3Cscript%3E", "/live/LN6%20H2",
                "/live/ab1/counter", "/live/%C3%A1bcd/counter")) {
            given().get(bad).then().statusCode(404);
        }
        assertEquals(List.of(), LiveStubs.RECEIVED, "a code that cannot be one is never sent on");
    }

    @Test
    void orderingFromTheStreamNeedsABuyerAndTheFormToken() {
        String csrf = csrf();
        given().contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf).formParams(form(UUID(), "20", "LN6CH2"))
                .redirects().follow(false).post("/live/LN6CH2/orders").then().statusCode(401);
        given().header("X-Test-User", "farmer-lan farmer").contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf)
                .formParams(form(UUID(), "20", "LN6CH2")).redirects().follow(false).post("/live/LN6CH2/orders").then().statusCode(403);
        given().header("X-Test-User", HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).formParams(form(UUID(), "20", "LN6CH2"))
                .redirects().follow(false).post("/live/LN6CH2/orders").then().statusCode(403);
        assertEquals(List.of(), orders.sent(), "no order was sent");
    }

    // ---------------------------------------------------------------- helpers

    private static String csrf() {
        return given().header("X-Test-User", HANOI).get("/").then().statusCode(200).extract().cookie(Csrf.COOKIE);
    }

    private static String UUID() {
        return java.util.UUID.randomUUID().toString();
    }

    private static String key(String page) {
        Matcher m = KEY.matcher(page);
        assertTrue(m.find(), () -> "the form has its Idempotency-Key: " + page);
        return m.group(1);
    }

    private static Map<String, String> form(String key, String lotId, String live) {
        Map<String, String> form = new HashMap<>(Map.of("key", key, "lotId", lotId, "grams", "1000", "recipient", "Nguyễn Văn An",
                "phone", "0912 345 678", "province", "Hà Nội", "commune", "Phường Ba Đình", "street", "12 Phố Điện Biên Phủ",
                "payment", "CASH_ON_DELIVERY"));
        form.put("live", live);
        return form;
    }

    private static Response post(String path, String csrf, Map<String, String> form) {
        return given().header("X-Test-User", HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf)
                .formParams(form).redirects().follow(false).post(path);
    }

    static int count(String page, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
