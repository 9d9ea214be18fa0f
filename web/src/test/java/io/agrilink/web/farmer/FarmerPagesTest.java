package io.agrilink.web.farmer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.FakeCatalog;
import io.agrilink.web.forms.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/** The farmer's pages: her producer, her products and lots, a new lot, today's packing list. */
@QuarkusTest
@TestProfile(FarmerPagesTest.PackingStubProfile.class)
class FarmerPagesTest {

    /** The order client goes to this class's own stub of order-service's packing endpoints. */
    public static class PackingStubProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.order.url", "http://localhost:${quarkus.http.test-port}/stub/order/packing");
        }
    }

    private static final String LAN = "farmer-lan farmer";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Inject
    @RestClient
    FakeCatalog catalog;

    private MyProducer cooperative;
    private MyProduct premium;
    private MyProduct grade1;

    @BeforeEach
    void catalogue() {
        catalog.reset();
        PackingStub.reset();
        cooperative = catalog.ownedBy("farmer-lan", new MyProducer(1, "HTX Vải thiều Lục Ngạn", "COOPERATIVE", "Bắc Ninh",
                "Bắc Giang", "Xã Lục Ngạn", "+842043882468", "VN-BGOR-0101", List.of(
                        new MyProducer.Certification("VIETGAP", "VG-0015", TODAY.minusYears(1), TODAY.plusYears(2), true),
                        new MyProducer.Certification("GLOBALGAP", "GGN-406", TODAY.minusYears(1), TODAY.plusDays(12), true),
                        new MyProducer.Certification("ORGANIC", "TCVN-11041", TODAY.minusYears(3), TODAY.minusDays(3), false)),
                new MyProducer.Ocop(4, "PROVINCIAL", TODAY.plusYears(2))));
        premium = catalog.farmerProduct(new MyProduct(11, new MyProduct.Maker(1, cooperative.name()),
                "Vải thiều Lục Ngạn – loại đặc biệt", "Hái lúc sáng sớm.", 65_000, 10, null));
        grade1 = catalog.farmerProduct(new MyProduct(12, new MyProduct.Maker(1, cooperative.name()),
                "Vải thiều Lục Ngạn – loại 1", "Chín cây.", 45_000, 7, null));
        // another producer whose name holds every word of hers: catalog's search finds it too
        catalog.farmerProduct(new MyProduct(21, new MyProduct.Maker(2, "HTX Vải thiều Lục Ngạn Mới"),
                "Vải của người khác", "", 40_000, 7, null));
        catalog.farmerLot(new MyLot(101, 11, TODAY.minusDays(1), TODAY.plusDays(9), 54_000_000, 53_950_000, 55_000, 1L));
    }

    private static RequestSpecification as(String user) {
        return as(user, "vi");
    }

    private static RequestSpecification as(String user, String language) {
        return given().header("X-Test-User", user).header("Accept-Language", language).redirects().follow(false);
    }

    /** A signed-in farmer's browser: the form token's cookie, as a page she opened gave it. */
    private static RequestSpecification posting(String user) {
        String token = as(user).get("/farmer").getCookie(Csrf.COOKIE);
        return as(user).cookie(Csrf.COOKIE, token).formParam("csrf", token);
    }

    // ---- /farmer

    @Test
    void homeShowsHerProducerWithItsCertificationsTheExpiredAndExpiringOnesMarked() {
        String page = as(LAN).get("/farmer").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<a href=\"/farmer\">Vườn của tôi</a>"), "the header links her farm");
        assertTrue(page.contains("<h2 id=\"producer-1\">HTX Vải thiều Lục Ngạn</h2>"), page);
        assertTrue(page.contains("Hợp tác xã · Xã Lục Ngạn · Bắc Ninh (trước đây: Bắc Giang)"), page);
        assertTrue(page.contains("OCOP 4 sao"), page);
        assertTrue(page.contains("<li class=\"cert-valid\">"), page);
        assertTrue(page.contains("<li class=\"cert-expiring\">"), page);
        assertTrue(page.contains("Sắp hết hạn: còn 12 ngày"), page);
        assertTrue(page.contains("<li class=\"cert-expired\">"), page);
        assertTrue(page.contains("Đã hết hạn"), page);
        for (String link : List.of("/farmer/products", "/farmer/packing", "/farmer/courses", "/farmer/certificates")) {
            assertTrue(page.contains("href=\"" + link + "\""), link);
        }
    }

    @Test
    void homeInEnglishToo() {
        as(LAN, "en").get("/farmer").then().statusCode(200)
                .body(containsString("My farm")).body(containsString("Expiring: 12 days left"))
                .body(containsString("Cooperative"));
    }

    @Test
    void aFarmerWithoutAProducerIsToldWhoCanLinkHer() {
        as("farmer-new farmer").get("/farmer").then().statusCode(200)
                .body(containsString("chưa gắn với cơ sở sản xuất nào"));
    }

    @Test
    void aProducerNamedWithMarkupRendersAsInertText() {
        catalog.ownedBy("farmer-x", new MyProducer(3, "<img src=x onerror=alert(1)>", "HOUSEHOLD", "Bắc Ninh",
                "Bắc Ninh", "<script>alert(2)</script>", null, null, List.of(), null));
        catalog.farmerProduct(new MyProduct(31, new MyProduct.Maker(3, "<img src=x onerror=alert(1)>"),
                "<img src=x onerror=alert(3)>", "<script>alert(4)</script>", 10_000, 5, null));
        for (String path : List.of("/farmer", "/farmer/products")) {
            as("farmer-x farmer").get(path).then().statusCode(200)
                    .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
                    .body(not(containsString("<img src=x"))).body(not(containsString("<script>alert")));
        }
    }

    @Test
    void aBuyerGetsTheForbiddenPageAndNoOneSignedInIsAskedToSignIn() {
        for (String path : List.of("/farmer", "/farmer/products", "/farmer/packing")) {
            as("buyer-hanoi buyer").get(path).then().statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("Bạn không có quyền xem trang này"));
            given().redirects().follow(false).get(path).then().statusCode(401);
        }
        String token = as("buyer-hanoi buyer").get("/").getCookie(Csrf.COOKIE);
        as("buyer-hanoi buyer").cookie(Csrf.COOKIE, token).formParam("csrf", token)
                .formParam("productId", "11").formParam("harvestDate", TODAY.toString()).formParam("quantityKg", "5")
                .post("/farmer/products/lots").then().statusCode(403);
        assertEquals(0, catalog.lotsPosted().size());
    }

    // ---- /farmer/products

    @Test
    void productsShowsHerProductsOnlyWithTheirLots() {
        String page = as(LAN).get("/farmer/products").then().statusCode(200).extract().asString();
        assertEquals("HTX Vải thiều Lục Ngạn", catalog.lastProducerQuery());
        assertTrue(page.contains("Vải thiều Lục Ngạn – loại đặc biệt"), page);
        assertTrue(page.contains("Vải thiều Lục Ngạn – loại 1"), page);
        assertTrue(!page.contains("Vải của người khác"), "another producer's product is not hers");
        assertTrue(page.contains("<tr id=\"lot-101\"><td>" + date(TODAY.minusDays(1)) + "<br><span class=\"muted\">"
                + date(TODAY.plusDays(9)) + "</span></td><td>53.950\u00a0kg<br><span class=\"muted\">/ 54.000\u00a0kg</span></td>"
                + "<td>55.000\u00a0₫<br><span class=\"farmer-badge\">giá chiến dịch</span></td></tr>"), page);
        assertTrue(page.contains("Chưa có lô nào."), "loại 1 has none yet");
        assertTrue(page.contains("<p class=\"story\">Hái lúc sáng sớm.</p>"), "the product's story");
        assertTrue(page.contains("<input id=\"f-harvestDate\" name=\"harvestDate\" type=\"date\" value=\"" + TODAY + "\""),
                "the harvest date is today unless changed");
        assertTrue(page.contains("65.000\u00a0₫/kg, bảo quản 10 ngày"), "the price and shelf life a new lot gets");
    }

    @Test
    void aNewLotIsPostedOnceAndShowsAtOnceMarkedAsJustAdded() {
        var answer = posting(LAN).formParam("productId", "12").formParam("harvestDate", TODAY.toString())
                .formParam("quantityKg", "12,5").post("/farmer/products/lots");
        answer.then().statusCode(303);
        assertEquals(List.of(new NewLot(12, TODAY, 12_500)), catalog.lotsPosted());
        String location = answer.header("Location");
        assertTrue(location.endsWith("/farmer/products?added=9001#lot-9001"), location);
        String page = as(LAN).get("/farmer/products?added=9001").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<tr id=\"lot-9001\" class=\"added\"><td>" + date(TODAY)
                + " <strong class=\"farmer-badge\">Vừa thêm</strong><br><span class=\"muted\">" + date(TODAY.plusDays(7))
                + "</span></td><td>12,5\u00a0kg"), page);
    }

    @Test
    void aLotFormWithMistakesIsShownAgainWithASentenceByEachFieldAndWhatWasTyped() {
        String page = posting(LAN).formParam("productId", "12").formParam("harvestDate", "")
                .formParam("quantityKg", "12,5005").post("/farmer/products/lots").then().statusCode(422)
                .extract().asString();
        assertTrue(page.contains("id=\"f-harvestDate-error\" role=\"alert\">Vui lòng nhập ngày thu hoạch."), page);
        assertTrue(page.contains("id=\"f-quantityKg-error\" role=\"alert\">Vui lòng nhập số kg"), page);
        assertTrue(page.contains("value=\"12,5005\""), "what she typed is kept");
        assertTrue(page.contains("<option value=\"12\" selected>"), "the product she chose is kept");
        assertEquals(0, catalog.lotsPosted().size(), "nothing sent to catalog");
    }

    @Test
    void catalogsRefusalLandsNextToTheFieldItNames() {
        catalog.refuseNextLot(400, """
                {"status":400,"title":"Invalid request","violations":[{"field":"quantityGrams","message":"must be greater than 0"}]}""");
        posting(LAN).formParam("productId", "11").formParam("harvestDate", TODAY.toString()).formParam("quantityKg", "0")
                .post("/farmer/products/lots").then().statusCode(422)
                .body(containsString("id=\"f-quantityKg-error\" role=\"alert\">Phải lớn hơn 0."));
        catalog.refuseNextLot(409, """
                {"status":409,"title":"Conflict","detail":"Product 11 is delisted: no new lots can be put on sale","field":"productId"}""");
        posting(LAN).formParam("productId", "11").formParam("harvestDate", TODAY.toString()).formParam("quantityKg", "5")
                .post("/farmer/products/lots").then().statusCode(422)
                .body(containsString("id=\"f-productId-error\" role=\"alert\">Sản phẩm này đã ngừng bán"));
        catalog.refuseNextLot(403, "{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"You do not own product 11\"}");
        posting(LAN).formParam("productId", "11").formParam("harvestDate", TODAY.toString()).formParam("quantityKg", "5")
                .post("/farmer/products/lots").then().statusCode(422)
                .body(containsString("id=\"f-productId-error\" role=\"alert\">Sản phẩm này không thuộc cơ sở của bạn."));
        assertEquals(0, catalog.lotsPosted().size());
    }

    @Test
    void aLotSentWhileCatalogIsDownSaysSoAndKeepsTheForm() {
        String token = as(LAN).get("/farmer").getCookie(Csrf.COOKIE);
        catalog.down(true);
        as(LAN).cookie(Csrf.COOKIE, token).formParam("csrf", token).formParam("productId", "11")
                .formParam("harvestDate", TODAY.toString()).formParam("quantityKg", "40").post("/farmer/products/lots")
                .then().statusCode(422).body(containsString("class=\"banner\" role=\"alert\""))
                .body(containsString("Chưa lưu được lô")).body(containsString("value=\"40\""));
    }

    @Test
    void aLotFormWithoutItsTokenIsRefused() {
        as(LAN).formParam("productId", "11").formParam("harvestDate", TODAY.toString()).formParam("quantityKg", "5")
                .post("/farmer/products/lots").then().statusCode(403);
        assertEquals(0, catalog.lotsPosted().size());
    }

    // ---- /farmer/packing

    @Test
    void packingShowsTodaysLinesTheDaysTotalAndWhatIsStillToPack() {
        PackingStub.line(1, 11, "READY_FOR_PICKUP", "Vải thiều Lục Ngạn – loại đặc biệt", 3_000, 2_970L, "Hà Nội");
        PackingStub.line(2, 21, "CONFIRMED", "Vải thiều Lục Ngạn – loại 1", 5_000, null, "Hà Nội");
        PackingStub.line(3, 31, "CONFIRMED", "Vải thiều Lục Ngạn – loại đặc biệt", 15_000, null, null);
        String page = as(LAN).get("/farmer/packing").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<dt>Tổng cả ngày</dt><dd>23\u00a0kg</dd>"), page);
        assertTrue(page.contains("<dt>Đã đóng gói</dt><dd>2,97\u00a0kg</dd>"), page);
        assertTrue(page.contains("<dt>Còn phải đóng</dt><dd>20\u00a0kg · 2 dòng</dd>"), page);
        assertTrue(page.contains("Đã đóng: 2,97\u00a0kg"), page);
        assertTrue(page.contains("action=\"/farmer/packing/2/lines/21\""), page);
        assertTrue(page.contains("action=\"/farmer/packing/3/lines/31\""), page);
        assertTrue(!page.contains("action=\"/farmer/packing/1/lines/11\""), "a packed line has no form");
        assertTrue(page.contains("<input id=\"pack-21\" name=\"packedKg\" type=\"number\" min=\"0.001\" step=\"0.001\" "
                + "inputmode=\"decimal\" required value=\"5\""), "prefilled with the ordered weight");
    }

    @Test
    void aPackedWeightIsSentOnceAsHerAndTheLineShowsPacked() {
        PackingStub.line(2, 21, "CONFIRMED", "Vải thiều Lục Ngạn – loại 1", 5_000, null, "Hà Nội");
        posting(LAN).formParam("packedKg", "4.95").post("/farmer/packing/2/lines/21").then().statusCode(303)
                .header("Location", containsString("/farmer/packing#line-21"));
        assertEquals(1, PackingStub.POSTED.size());
        PackingStub.Posted posted = PackingStub.POSTED.get(0);
        assertEquals(2, posted.orderId());
        assertEquals("Bearer token-of-farmer-lan", posted.authorization());
        assertEquals("{\"lines\":[{\"lineId\":21,\"packedGrams\":4950}]}", posted.body());
        as(LAN).get("/farmer/packing").then().statusCode(200).body(containsString("Đã đóng: 4,95\u00a0kg"))
                .body(containsString("<dt>Còn phải đóng</dt><dd>0\u00a0kg · 0 dòng</dd>"));
    }

    @Test
    void aPackedWeightThatIsNotANumberOrAnOrderNoLongerToPackIsSaidByTheLine() {
        PackingStub.line(2, 21, "CONFIRMED", "Vải thiều Lục Ngạn – loại 1", 5_000, null, "Hà Nội");
        posting(LAN).formParam("packedKg", "five").post("/farmer/packing/2/lines/21").then().statusCode(422)
                .body(containsString("id=\"pack-21-error\" role=\"alert\">Vui lòng nhập số kg lớn hơn 0"))
                .body(containsString("value=\"five\""));
        assertEquals(0, PackingStub.POSTED.size(), "nothing sent");
        PackingStub.line(2, 21, "READY_FOR_PICKUP", "Vải thiều Lục Ngạn – loại 1", 5_000, null, "Hà Nội");
        posting(LAN).formParam("packedKg", "5").post("/farmer/packing/2/lines/21").then().statusCode(422)
                .body(containsString("id=\"pack-21-error\" role=\"alert\">Đơn này không còn chờ đóng gói"));
    }

    @Test
    void packingWhileOrderServiceIsDownShowsTheBanner() {
        PackingStub.down = true;
        as(LAN).get("/farmer/packing").then().statusCode(200).body(containsString("class=\"banner\" role=\"alert\""))
                .body(containsString("Chưa tải được danh sách đóng gói."));
    }

    private static String date(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
