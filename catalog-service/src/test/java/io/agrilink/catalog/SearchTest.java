package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.producerBody;
import static io.agrilink.catalog.Fixtures.productBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Public search: every product here carries a marker word unique to the test, so products other
 * tests create do not change the counts.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SearchTest {

    private String marker;
    private long lychee;
    private long honey;
    private long longan;
    private long driedLychee;

    private long producer(String farmer, String name, String province, Map<String, Object> extra) {
        Map<String, Object> body = producerBody(name, province);
        body.putAll(extra);
        return as(Roles.FARMER, farmer).body(body).post("/producers").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private long product(String farmer, long producer, String category, String vi, String en, long price,
            List<Integer> months) {
        Map<String, Object> body = productBody(producer, vi, en, price);
        body.put("category", category);
        body.put("seasonMonths", months);
        return as(Roles.FARMER, farmer).body(body).post("/products").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    @BeforeEach
    void catalogue() {
        marker = "mk" + Fixtures.unique("").replace("-", "");
        int thisMonth = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getMonthValue();
        int otherMonth = thisMonth % 12 + 1;
        String farmer = Fixtures.unique("farmer");
        long cooperative = producer(farmer, "HTX Nông sản Hồng Giang " + marker, "Bắc Giang", Map.of(
                "certifications", List.of(Map.of("scheme", "VIETGAP", "issuedOn", "2025-01-01",
                        "expiresOn", "2099-01-01")),
                "ocop", Map.of("stars", 4, "level", "PROVINCIAL")));
        long beekeeper = producer(farmer, "Hộ nuôi ong " + marker, "Bắc Ninh", Map.of(
                "ocop", Map.of("stars", 3, "level", "PROVINCIAL")));
        long orchard = producer(farmer, "Hộ nhãn lồng " + marker, "Hưng Yên", Map.of(
                "certifications", List.of(Map.of("scheme", "GLOBALGAP", "issuedOn", "2019-01-01",
                        "expiresOn", "2020-01-01")),
                "ocop", Map.of("stars", 5, "level", "NATIONAL")));
        lychee = product(farmer, cooperative, "FRUIT", "Vải thiều Lục Ngạn " + marker, "Luc Ngan lychee", 60_000,
                List.of(thisMonth));
        driedLychee = product(farmer, cooperative, "DRIED", "Vải sấy Lục Ngạn " + marker, "Dried lychee", 150_000,
                List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        honey = product(farmer, beekeeper, "HONEY", "Mật ong hoa vải " + marker, "Lychee flower honey", 250_000,
                List.of(otherMonth));
        longan = product(farmer, orchard, "FRUIT", "Nhãn lồng Hưng Yên " + marker, "Hung Yen longan", 55_000,
                List.of(otherMonth));
    }

    private static List<Integer> ids(long... ids) {
        return java.util.Arrays.stream(ids).mapToInt(i -> (int) i).boxed().toList();
    }

    @Test
    void freeTextIgnoresDiacriticsAndCase() {
        given().get("/products?q=vai thieu luc ngan " + marker).then().statusCode(200)
                .body("total", equalTo(1), "items.id", contains((int) lychee));
        given().get("/products?q=VẢI THIỀU " + marker.toUpperCase()).then()
                .body("items.id", contains((int) lychee));
        given().get("/products?q=" + marker + " mat ong").then().body("items.id", contains((int) honey));
        // the producer's name, and the former province name, are searched too
        given().get("/products?q=" + marker + " bac giang").then().body("total", equalTo(2));
        given().get("/products?q=" + marker + " sầu riêng").then().body("total", equalTo(0), "items", empty());
        given().get("/products?q=" + marker + " 100%_").then().body("total", equalTo(0));
    }

    @Test
    void nulInTheSearchTextIsRefusedNamingTheParameter() {
        given().urlEncodingEnabled(false).get("/products?q=" + marker + "%00").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("q"),
                        "detail", containsString("U+0000"));
    }

    @Test
    void filtersCombine() {
        given().get("/products?q=" + marker + "&category=FRUIT").then()
                .body("items.id", containsInAnyOrder(ids(lychee, longan).toArray()));
        given().get("/products?q=" + marker + "&province=Hưng Yên").then().body("items.id", contains((int) longan));
        given().get("/products?q=" + marker + "&province=Bắc Giang").then()
                .body("items.id", containsInAnyOrder(ids(lychee, driedLychee, honey).toArray()));
        // an expired certificate does not count
        given().get("/products?q=" + marker + "&certification=VIETGAP").then()
                .body("items.id", containsInAnyOrder(ids(lychee, driedLychee).toArray()));
        given().get("/products?q=" + marker + "&certification=GLOBALGAP").then().body("total", equalTo(0));
        given().get("/products?q=" + marker + "&ocopStars=4").then()
                .body("items.id", containsInAnyOrder(ids(lychee, driedLychee, longan).toArray()));
        given().get("/products?q=" + marker + "&ocopStars=5&category=FRUIT").then()
                .body("items.id", contains((int) longan));
        given().get("/products?q=" + marker + "&inSeason=true").then()
                .body("items.id", containsInAnyOrder(ids(lychee, driedLychee).toArray()));
    }

    @Test
    void inCampaignFindsProductsWithALotInARunningCampaign() {
        String farmerOfLychee = given().get("/products/" + lychee).then().extract().jsonPath()
                .getString("producer.name");
        long lot = asStaff().body(Map.of("productId", lychee, "harvestDate", LocalDate.now().toString(),
                "quantityGrams", 54_000_000)).post("/lots").then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/products?q=" + marker + "&inCampaign=true").then().body("total", equalTo(0));
        Fixtures.campaign(lot, 45_000, 20_000, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        given().get("/products?q=" + marker + "&inCampaign=true").then().body("items.id", contains((int) lychee),
                "items[0].producer.name", equalTo(farmerOfLychee));
    }

    @Test
    void pagedAndSortedWithTotal() {
        given().get("/products?q=" + marker + "&sort=price&size=2").then()
                .body("total", equalTo(4), "page", equalTo(0), "size", equalTo(2),
                        "items.id", contains((int) longan, (int) lychee));
        given().get("/products?q=" + marker + "&sort=price&size=2&page=1").then()
                .body("items.id", contains((int) driedLychee, (int) honey));
        given().get("/products?q=" + marker + "&sort=price&size=2&page=2").then()
                .body("total", equalTo(4), "items", empty());
        given().get("/products?q=" + marker + "&sort=-price").then()
                .body("items.id", contains((int) honey, (int) driedLychee, (int) lychee, (int) longan));
        given().get("/products?q=" + marker + "&sort=name").then()
                .body("items", hasSize(4), "items[0].id", equalTo((int) honey));
        given().header("Accept-Language", "en").get("/products?q=" + marker + "&sort=newest").then()
                .body("items[0].id", equalTo((int) longan), "items[0].name", equalTo("Hung Yen longan"));
    }

    @Test
    void badSearchParametersAreRefusedNamingTheField() {
        given().get("/products?province=Gondor").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("province"));
        given().get("/products?category=SPACESHIP").then().statusCode(400)
                .body("violations.field", contains("category"));
        given().get("/products?certification=ISO9001").then().statusCode(400)
                .body("violations.field", contains("certification"));
        given().get("/products?sort=random").then().statusCode(400).body("violations.field", contains("sort"));
        given().get("/products?size=1000").then().statusCode(400).body("violations.field", contains("size"));
        given().get("/products?page=-1").then().statusCode(400).body("violations.field", contains("page"));
        given().get("/products?ocopStars=2").then().statusCode(400).body("violations.field", contains("ocopStars"));
        given().get("/products?q=" + "x".repeat(300)).then().statusCode(400)
                .body("violations.field", contains("q"));
    }
}
