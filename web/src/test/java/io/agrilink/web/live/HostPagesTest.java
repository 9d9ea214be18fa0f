package io.agrilink.web.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.forms.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** A host's streams on her phone: the big go-live and end buttons, catalog's refusals in words, the results with revenue. */
@QuarkusTest
class HostPagesTest {

    private static final String LAN = "farmer-lan farmer";
    private static final String KOL = "kol-minh buyer";

    @BeforeEach
    void reset() {
        LiveStubs.reset();
        LiveStubs.stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", "SCHEDULED", 1, List.of(20L), "farmer-lan");
        LiveStubs.stream("HY4NL8", "Nhãn lồng Hưng Yên", "LIVE", 2, List.of(), "farmer-lan", "kol-minh");
        LiveStubs.RESULTS.put("HY4NL8", new StreamCounter("HY4NL8", "LIVE", Instant.parse("2026-06-10T12:07:00Z"),
                Instant.parse("2026-06-10T12:00:00Z"), null, 120, 640_000, 35_200_000L, List.of(), List.of(), List.of(),
                "640 kg in 7 min"));
    }

    private static String token(String who) {
        return given().header("X-Test-User", who).get("/").then().statusCode(200).extract().cookie(Csrf.COOKIE);
    }

    private static RequestSpecification posting(String who, String token) {
        return given().header("X-Test-User", who).header("Accept-Language", "vi").cookie(Csrf.COOKIE, token)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf", token).redirects().follow(false);
    }

    @Test
    void myStreamsEachHaveTheOneButtonTheirStateAllowsAndALiveOneItsResultsWithRevenue() {
        String page = given().header("X-Test-User", LAN).header("Accept-Language", "vi").get("/host").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("action=\"/host/LN6CH2/start\""), page);
        assertTrue(page.contains("id=\"start-LN6CH2\" data-test=\"go-live\">Bắt đầu phát trực tiếp</button>"), page);
        assertFalse(page.contains("action=\"/host/LN6CH2/end\""), "a scheduled stream cannot be ended");
        assertTrue(page.contains("id=\"end-HY4NL8\" data-test=\"end\">Kết thúc</button>"), page);
        assertFalse(page.contains("action=\"/host/HY4NL8/start\""));
        assertTrue(page.contains("id=\"results-HY4NL8-orders\" data-test=\"results-orders\">120</dd>"), page);
        assertTrue(page.contains("id=\"results-HY4NL8-kg\" data-test=\"results-kg\">640\u00a0kg</dd>"), page);
        assertTrue(page.contains("id=\"results-HY4NL8-revenue\" data-test=\"results-revenue\">35.200.000\u00a0₫</dd>"), page);
        assertTrue(page.contains("640 kg in 7 min"));
        assertFalse(page.contains("id=\"results-LN6CH2"), "a scheduled stream has no results");
        assertTrue(LiveStubs.RECEIVED.contains("GET /livestreams/mine Bearer token-of-farmer-lan"), LiveStubs.RECEIVED.toString());
        assertTrue(LiveStubs.RECEIVED.contains("GET /livestreams/HY4NL8/results Bearer token-of-farmer-lan"));
        assertFalse(LiveStubs.RECEIVED.contains("GET /livestreams/LN6CH2/results Bearer token-of-farmer-lan"));
        // a KOL who is a buyer sees only hers
        given().header("X-Test-User", KOL).get("/host").then().statusCode(200).body(containsString("id=\"end-HY4NL8\""))
                .body(not(containsString("LN6CH2")));
        given().header("X-Test-User", "buyer-hanoi buyer").header("Accept-Language", "vi").get("/host").then().statusCode(200)
                .body(containsString("Bạn chưa dẫn buổi phát nào."));
    }

    @Test
    void goLiveAndEndPostToCatalogWithTheHostsTokenAndComeBackToTheStream() {
        String token = token(LAN);
        posting(LAN, token).post("/host/ln6ch2/start").then().statusCode(303)
                .header("Location", containsString("/host?moved=LN6CH2#stream-LN6CH2"));
        assertTrue(LiveStubs.RECEIVED.contains("POST /livestreams/LN6CH2/start Bearer token-of-farmer-lan"), LiveStubs.RECEIVED.toString());
        assertEquals("LIVE", LiveStubs.STREAMS.get("LN6CH2").state());
        given().header("X-Test-User", LAN).header("Accept-Language", "vi").get("/host?moved=LN6CH2").then().statusCode(200)
                .body(containsString("Buổi phát đã bắt đầu.")).body(containsString("id=\"end-LN6CH2\""));
        posting(LAN, token).post("/host/LN6CH2/end").then().statusCode(303);
        assertTrue(LiveStubs.RECEIVED.contains("POST /livestreams/LN6CH2/end Bearer token-of-farmer-lan"));
        assertEquals("ENDED", LiveStubs.STREAMS.get("LN6CH2").state());
    }

    @Test
    void catalogsRefusalsAreSaidInWordsByTheStream() {
        String token = token(LAN);
        // another tab started it already: 409 naming the state
        LiveStubs.stream("LN6CH2", "Vải thiều Lục Ngạn – trực tiếp từ vườn", "LIVE", 1, List.of(20L), "farmer-lan");
        String page = posting(LAN, token).post("/host/LN6CH2/start").then().statusCode(409).extract().asString();
        assertTrue(page.contains("data-test=\"refusal\">Không làm được: buổi phát đang ở trạng thái «Đang phát trực tiếp»."), page);
        assertTrue(page.contains("id=\"end-LN6CH2\""), "the page shows the stream as it now is");
        // not one of hers: 403 in words, on the page she was on
        LiveStubs.stream("XK9P2Q", "Bưởi Diễn", "SCHEDULED", 1, List.of());
        page = posting(LAN, token).post("/host/XK9P2Q/start").then().statusCode(403).extract().asString();
        assertTrue(page.contains("id=\"host-refusal\">Bạn không được điều khiển buổi phát này.</p>"), page);
        assertEquals("SCHEDULED", LiveStubs.STREAMS.get("XK9P2Q").state());
        posting(LAN, token).post("/host/ZZZZ99/end").then().statusCode(404).body(containsString("Không còn buổi phát này."));
        posting(LAN, token).post("/host/bad!/end").then().statusCode(404);
    }

    @Test
    void aPostWithoutTheFormTokenIsRefusedBeforeCatalogHearsOfIt() {
        given().header("X-Test-User", LAN).contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .post("/host/LN6CH2/start").then().statusCode(403);
        String token = token(LAN);
        given().header("X-Test-User", LAN).cookie(Csrf.COOKIE, token).formParam("csrf", "x".repeat(43)).redirects().follow(false)
                .post("/host/LN6CH2/start").then().statusCode(403);
        assertTrue(LiveStubs.RECEIVED.stream().noneMatch(r -> r.startsWith("POST")), LiveStubs.RECEIVED.toString());
        assertEquals("SCHEDULED", LiveStubs.STREAMS.get("LN6CH2").state());
    }

    @Test
    void theHostPageIsForFarmersBuyersAndStaffOnly() {
        given().redirects().follow(false).get("/host").then().statusCode(401);
        given().header("X-Test-User", "carrier-coldchain carrier").header("Accept-Language", "vi").get("/host").then().statusCode(403)
                .body(containsString("Bạn không có quyền xem trang này"));
        String token = token("carrier-coldchain carrier");
        posting("carrier-coldchain carrier", token).post("/host/LN6CH2/start").then().statusCode(403);
        given().redirects().follow(false).post("/host/LN6CH2/start").then().statusCode(401);
        given().header("X-Test-User", "staff-hoa staff").get("/host").then().statusCode(200).body(containsString("id=\"start-LN6CH2\""));
        assertTrue(LiveStubs.RECEIVED.stream().noneMatch(r -> r.contains("carrier")), LiveStubs.RECEIVED.toString());
    }
}
