package io.agrilink.web.buyer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.FakeCatalog;
import io.agrilink.web.forms.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The buyer's part: filters, the live campaign page and its counter, the order form, confirmation, my orders. */
@QuarkusTest
class BuyerOrdersTest {

    private static final String BUYER = "X-Test-User";
    private static final String HANOI = "buyer-hanoi buyer";
    /** As a browser sends a form of a UTF-8 page. */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([0-9a-f-]{36})\"");

    @Inject
    @RestClient
    FakeCatalog catalog;

    @Inject
    BuyerOrderServiceStub orders;

    @BeforeEach
    void reset() {
        catalog.reset();
        catalog.add(1, "Vải thiều Lục Ngạn", "Chín cây, hái sáng sớm.", "HTX Phượng Sơn");
        orders.reset();
    }

    // ---------------------------------------------------------------- search filters

    @Test
    void searchPassesTheCertificationAndOcopStarsToCatalogAndKeepsThemSelected() {
        given().queryParam("q", "vai").queryParam("certification", "VIETGAP").queryParam("ocop", "4").get("/search")
                .then().statusCode(200)
                .body(allOf(containsString("<option value=\"VIETGAP\" selected>VietGAP</option>"),
                        containsString("<option value=\"4\" selected>"), containsString("<label for=\"certification\">"),
                        containsString("<label for=\"ocop\">")));
        assertEquals("VIETGAP", catalog.lastCertification());
        assertEquals(4, catalog.lastOcopStars());
    }

    @Test
    void searchIgnoresFiltersTheFormDoesNotOffer() {
        given().queryParam("certification", "HALAL").queryParam("ocop", "9").get("/search").then().statusCode(200);
        assertEquals(null, catalog.lastCertification());
        assertEquals(null, catalog.lastOcopStars());
    }

    // ---------------------------------------------------------------- the live campaign

    @Test
    void homeLinksTheLiveCampaignPage() {
        given().get("/").then().statusCode(200).body(containsString("href=\"/campaigns/1\""));
    }

    @Test
    void theCampaignPageHasTheCountersNumbersInItsFirstRenderAndItsPollingScript() {
        orders.counter(counter(12_500, 3));
        given().header("Accept-Language", "vi").get("/campaigns/1").then().statusCode(200)
                .body(allOf(containsString("Tuần vải thiều Lục Ngạn"), containsString("55.000\u00a0₫/kg"),
                        containsString("data-live-src=\"/campaigns/1/counter\""),
                        containsString("<script src=\"/live.js\" defer></script>"),
                        containsString("<dd data-figure=\"sold\">12,5\u00a0kg</dd>"),
                        containsString("<dd data-figure=\"left\">750,5\u00a0kg</dd>"),
                        containsString("<dd data-figure=\"orders\">3</dd>"),
                        containsString("<th scope=\"row\">Hà Nội</th><td>10\u00a0kg</td><td>2</td>"),
                        not(containsString("name=\"key\"")), not(containsString("<script>"))));
    }

    @Test
    void theCounterFragmentHasTheNewNumbersAndNothingElse() {
        orders.counter(counter(12_500, 3));
        given().get("/campaigns/1/counter").then().statusCode(200).body(containsString("12,5\u00a0kg"));
        orders.counter(counter(14_000, 4));
        String fragment = given().get("/campaigns/1/counter").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertTrue(fragment.contains("<dd data-figure=\"sold\">14\u00a0kg</dd>"), fragment);
        assertTrue(fragment.contains("<dd data-figure=\"orders\">4</dd>"), fragment);
        assertFalse(fragment.contains("<html"), "a fragment, not a page");
    }

    @Test
    void anUnknownCampaignIsANotFoundPage() {
        given().get("/campaigns/99").then().statusCode(404);
    }

    // ---------------------------------------------------------------- the order form

    @Test
    void aBuyerGetsTheOrderFormWithAFreshKeyTheProvincesAndHalfKiloSteps() {
        String page = given().header(BUYER, HANOI).get("/campaigns/1").then().statusCode(200).extract().asString();
        String first = key(page);
        String second = key(given().header(BUYER, HANOI).get("/campaigns/1").then().extract().asString());
        assertFalse(first.equals(second), "each rendered form has its own Idempotency-Key");
        assertTrue(page.contains("min=\"500\" max=\"10000\" step=\"500\""), "grams in 500 g steps up to the campaign's limit");
        assertTrue(page.contains("<option value=\"Hồ Chí Minh\">Hồ Chí Minh</option>"));
        assertEquals(34, page.split("<option value=\"[^\"]+\">[^<]+</option>", -1).length - 1 - 0,
                "the 34 provinces (the lot options carry a selected mark)");
        for (String label : new String[] { "f-lotId", "f-grams", "f-recipient", "f-phone", "f-province", "f-commune", "f-street" }) {
            assertTrue(page.contains("<label for=\"" + label + "\">"), label + " is labelled");
        }
        assertTrue(page.contains("value=\"BANK_TRANSFER\""));
    }

    @Test
    void aResubmittedFormSendsTheSameKeyTwiceAndMakesOneOrder() {
        Response page = given().header(BUYER, HANOI).get("/campaigns/1");
        String csrf = page.getCookie(Csrf.COOKIE);
        String key = key(page.asString());
        String first = post("/campaigns/1/orders", csrf, form(key, "1500", "0912 345 678"))
                .then().statusCode(303).extract().header("Location");
        String again = post("/campaigns/1/orders", csrf, form(key, "1500", "0912 345 678"))
                .then().statusCode(303).extract().header("Location");
        assertEquals(first, again, "the resubmit lands on the same order");
        assertTrue(first.matches(".*/my/orders/\\d+/placed"), first);
        List<BuyerOrderServiceStub.Sent> sent = orders.sent();
        assertEquals(2, sent.size());
        assertEquals(key, sent.get(0).key());
        assertEquals(key, sent.get(1).key());
        assertEquals("Bearer token-of-buyer-hanoi", sent.get(0).authorization());
        assertEquals(1, orders.ordersOf("buyer-hanoi"), "one order");
        assertEquals(1500, sent.get(0).body().path("lines").path(0).path("grams").asLong());
        assertEquals(10, sent.get(0).body().path("lines").path(0).path("lotId").asLong());
        assertEquals("VN", sent.get(0).body().path("delivery").path("country").asText());
        assertEquals("Hà Nội", sent.get(0).body().path("delivery").path("province").asText());
        assertEquals("CASH_ON_DELIVERY", sent.get(0).body().path("payment").asText());
    }

    @Test
    void aSecondPressWhileTheFirstIsStillBeingPlacedWaitsForItAndLandsOnTheOrder() {
        Response page = given().header(BUYER, HANOI).get("/campaigns/1");
        String csrf = page.getCookie(Csrf.COOKIE);
        orders.stillInFlight(2);
        post("/campaigns/1/orders", csrf, form(key(page.asString()), "1000", "0912 345 678")).then().statusCode(303)
                .header("Location", containsString("/placed"));
        assertEquals(3, orders.sent().size(), "asked again with the same key until the first answer was there");
        assertEquals(1, orders.sent().stream().map(BuyerOrderServiceStub.Sent::key).distinct().count());
        assertEquals(1, orders.ordersOf("buyer-hanoi"));
    }

    @Test
    void aSoldOutLotSaysSoWithTheKilogramsLeftAndKeepsWhatWasTyped() {
        Response page = given().header(BUYER, HANOI).get("/campaigns/1");
        String key = key(page.asString());
        String refused = post("/campaigns/1/orders", page.getCookie(Csrf.COOKIE),
                form(key, String.valueOf(BuyerOrderServiceStub.MORE_THAN_LEFT), "0912 345 678"))
                .then().statusCode(409).contentType(containsString("text/html")).extract().asString();
        assertTrue(refused.contains("<p class=\"error\" id=\"f-grams-error\" role=\"alert\">Lô này chỉ còn 2,5\u00a0kg"),
                refused);
        assertTrue(refused.contains("value=\"999500\""), "the grams typed");
        assertTrue(refused.contains("value=\"Nguyễn Văn An\""), "the name typed");
        assertTrue(refused.contains("<option value=\"Hà Nội\" selected>"), "the province chosen");
        assertEquals(key, key(refused), "the same key: nothing was ordered, so sending it again is safe");
        assertEquals(0, orders.ordersOf("buyer-hanoi"));
    }

    @Test
    void aServicesProblemIsShownNextToTheFieldItNames() {
        Response page = given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/campaigns/1");
        String refused = post("/campaigns/1/orders", page.getCookie(Csrf.COOKIE), form(key(page.asString()), "1000", "12"))
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"f-phone-error\" role=\"alert\">Không phải số điện thoại Việt Nam"), refused);
        assertTrue(refused.contains("aria-invalid=\"true\" aria-describedby=\"f-phone-error\""));
        assertTrue(refused.contains("Chưa đặt được đơn"));
        assertFalse(refused.contains("delivery.phone"), "never the service's raw words");
    }

    @Test
    void gramsThatAreNotANumberAreRefusedByFieldWithoutCallingTheService() {
        Response page = given().header(BUYER, HANOI).get("/campaigns/1");
        post("/campaigns/1/orders", page.getCookie(Csrf.COOKIE), form(key(page.asString()), "một cân", "0912 345 678"))
                .then().statusCode(400).body(allOf(containsString("id=\"f-grams-error\""), containsString("value=\"một cân\"")));
        assertEquals(0, orders.sent().size());
    }

    @Test
    void anOrderFormWithoutItsFormTokenOrFromSomeoneNotABuyerMakesNoOrder() {
        Response page = given().header(BUYER, HANOI).get("/campaigns/1");
        String key = key(page.asString());
        given().header(BUYER, HANOI).cookie(Csrf.COOKIE, page.getCookie(Csrf.COOKIE)).formParams(form(key, "1000", "0912 345 678"))
                .post("/campaigns/1/orders").then().statusCode(403);
        String csrf = page.getCookie(Csrf.COOKIE);
        given().header(BUYER, "farmer-lan farmer").cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf)
                .formParams(form(key, "1000", "0912 345 678")).post("/campaigns/1/orders").then().statusCode(403);
        given().cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf).formParams(form(key, "1000", "0912 345 678"))
                .redirects().follow(false).post("/campaigns/1/orders").then().statusCode(401);
        assertEquals(0, orders.sent().size());
    }

    @Test
    void aBankTransferOrderLandsOnItsPaymentPageAndItsConfirmationSaysHowMuchByWhenAndLinksThere() {
        Response page = given().header(BUYER, HANOI).get("/campaigns/1");
        Map<String, String> form = new java.util.HashMap<>(form(key(page.asString()), "2000", "0912 345 678"));
        form.put("payment", "BANK_TRANSFER");
        String placed = post("/campaigns/1/orders", page.getCookie(Csrf.COOKIE), form).then().statusCode(303)
                .extract().header("Location");
        assertTrue(placed.matches(".*/my/orders/\\d+/payment"), placed);
        long id = Long.parseLong(placed.replaceAll(".*/my/orders/(\\d+)/payment", "$1"));
        given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id + "/placed").then()
                .statusCode(200).body(allOf(containsString("Đơn số " + id), containsString("110.000\u00a0₫"),
                        containsString("Chuyển khoản VietQR"), containsString("08:35 10/06/2026"),
                        containsString("href=\"/my/orders/" + id + "/payment\"")));
    }

    @Test
    void theProductPageHasTheOrderFormAndItsStoryStaysInertText() {
        catalog.add(2, "Nhãn <img src=x onerror=alert(1)>", "<script>alert('story')</script> ngọt", "HTX");
        String page = given().header(BUYER, HANOI).get("/products/2").then().statusCode(200).extract().asString();
        assertFalse(page.contains("<script>alert"), "the story is text");
        assertFalse(page.contains("<img src=x"), "the name is text");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;story&#39;)&lt;/script&gt;"));
        assertTrue(page.contains("action=\"/products/2/orders\""));
        String key = key(page);
        Response again = given().header(BUYER, HANOI).get("/products/2");
        Map<String, String> form = new java.util.HashMap<>(form(key, "500", "0912 345 678"));
        form.put("lotId", "20");
        post("/products/2/orders", again.getCookie(Csrf.COOKIE), form).then().statusCode(303);
        assertEquals(20, orders.sent().get(0).body().path("lines").path(0).path("lotId").asLong());
    }

    // ---------------------------------------------------------------- my orders

    @Test
    void myOrdersListsOnlyMineNewestFirst() {
        long older = orders.add("buyer-hanoi", "CONFIRMED", "CASH_ON_DELIVERY");
        long newer = orders.add("buyer-hanoi", "DELIVERED", "CASH_ON_DELIVERY");
        long someoneElses = orders.add("buyer-hcm", "CONFIRMED", "CASH_ON_DELIVERY");
        String list = given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders").then()
                .statusCode(200).extract().asString();
        assertTrue(list.indexOf("/my/orders/" + newer) < list.indexOf("/my/orders/" + older));
        assertFalse(list.contains("/my/orders/" + someoneElses));
        assertTrue(list.contains("Đã giao"));
        given().header(BUYER, "buyer-hcm buyer").get("/my/orders/" + older).then().statusCode(404);
    }

    @Test
    void myOrdersNeedsABuyersSignIn() {
        given().redirects().follow(false).get("/my/orders").then().statusCode(401);
        given().header(BUYER, "farmer-lan farmer").get("/my/orders").then().statusCode(403);
    }

    @Test
    void anOrderShowsItsTimelineAndTheDeliveryCodeOnceHandedOver() {
        long id = orders.add("buyer-hanoi", "HANDED_OVER", "CASH_ON_DELIVERY");
        String page = given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id).then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("<p class=\"code\">482913</p>"), page);
        assertTrue(page.contains("08:05 10/06/2026") && page.contains("10:30 10/06/2026"), "the steps, Vietnam time");
        assertTrue(page.contains("Đã giao cho bên vận chuyển"));
        assertTrue(page.contains("&lt;b&gt;packed&lt;/b&gt;"), "a step's note is text");
        assertFalse(page.contains("/cancel\""), "no cancel once the carrier has it");
        long confirmed = orders.add("buyer-hanoi", "CONFIRMED", "CASH_ON_DELIVERY");
        assertFalse(given().header(BUYER, HANOI).get("/my/orders/" + confirmed).asString().contains("class=\"code\""),
                "no code before the handover");
    }

    @Test
    void aBuyerCancelsWithAReasonWhileAllowed() {
        long id = orders.add("buyer-hanoi", "CONFIRMED", "CASH_ON_DELIVERY");
        Response page = given().header(BUYER, HANOI).get("/my/orders/" + id);
        assertTrue(page.asString().contains("action=\"/my/orders/" + id + "/cancel\""));
        String csrf = page.getCookie(Csrf.COOKIE);
        given().header(BUYER, HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf).formParam("reason", "đặt nhầm")
                .redirects().follow(false).post("/my/orders/" + id + "/cancel").then().statusCode(303)
                .header("Location", endsWith("/my/orders/" + id));
        given().header(BUYER, HANOI).header("Accept-Language", "vi").get("/my/orders/" + id).then().statusCode(200)
                .body(allOf(containsString("Đã huỷ"), not(containsString("/cancel\""))));
    }

    @Test
    void aCancelTheServiceRefusesIsSaidInWords() {
        long id = orders.add("buyer-hanoi", "IN_TRANSIT", "CASH_ON_DELIVERY");
        String csrf = given().get("/").getCookie(Csrf.COOKIE);
        given().header(BUYER, HANOI).header("Accept-Language", "vi").contentType(FORM).cookie(Csrf.COOKIE, csrf)
                .formParam("csrf", csrf).formParam("reason", "muộn quá").post("/my/orders/" + id + "/cancel").then().statusCode(409)
                .body(allOf(containsString("Bên vận chuyển đã lấy hàng nên không huỷ được nữa"),
                        containsString("value=\"muộn quá\""), not(containsString("IN_TRANSIT:"))));
    }

    // ---------------------------------------------------------------- helpers

    private static CampaignCounter counter(long grams, long count) {
        return new CampaignCounter(1, Instant.parse("2026-06-10T02:00:00Z"), count, grams,
                List.of(new CampaignCounter.ProvinceCount("Hà Nội", 2, 10_000),
                        new CampaignCounter.ProvinceCount("Hồ Chí Minh", 1, grams - 10_000)));
    }

    private static String key(String page) {
        Matcher m = KEY.matcher(page);
        assertTrue(m.find(), () -> "the form has its Idempotency-Key: " + page);
        return m.group(1);
    }

    private static Map<String, String> form(String key, String grams, String phone) {
        return Map.of("key", key, "lotId", "10", "grams", grams, "recipient", "Nguyễn Văn An", "phone", phone,
                "province", "Hà Nội", "commune", "Phường Ba Đình", "street", "12 Phố Điện Biên Phủ", "payment",
                "CASH_ON_DELIVERY");
    }

    private static Response post(String path, String csrf, Map<String, String> form) {
        return given().header(BUYER, HANOI).contentType(FORM).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf).formParams(form)
                .redirects().follow(false).post(path);
    }
}
