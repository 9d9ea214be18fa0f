package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.count;
import static io.agrilink.catalog.Fixtures.productBody;
import static io.agrilink.catalog.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProductTest {

    @Inject
    AgroalDataSource db;

    private Map<String, Object> multilingual(long producerId) {
        Map<String, Object> body = productBody(producerId, "Vải thiều Lục Ngạn loại 1", "Luc Ngan lychee, grade 1",
                65_000);
        body.put("texts", Map.of(
                "vi", Map.of("name", "Vải thiều Lục Ngạn loại 1", "story", "Vải chín cây."),
                "en", Map.of("name", "Luc Ngan lychee, grade 1", "story", "Tree-ripened."),
                "ja", Map.of("name", "ルックガン・ライチ 1級", "story", "樹上完熟。"),
                "zh-Hans", Map.of("name", "陆岸荔枝 一级")));
        return body;
    }

    @Test
    void productIsShownInTheCallersLanguageWithItsProducer() {
        String farmer = unique("farmer");
        long producer = Fixtures.producer(farmer);
        long id = as(Roles.FARMER, farmer).body(multilingual(producer)).post("/products").then().statusCode(201)
                .body("producer.id", equalTo((int) producer), "producer.province", equalTo("Bắc Ninh"),
                        "pricePerKg", equalTo(65000), "coldChain", equalTo(true), "minCelsius", equalTo(2),
                        "maxCelsius", equalTo(5), "shelfLifeDays", equalTo(7), "seasonMonths", contains(5, 6, 7),
                        "languages", contains("en", "ja", "vi", "zh-Hans"))
                .extract().jsonPath().getLong("id");
        given().header("Accept-Language", "ja-JP,ja;q=0.9").get("/products/" + id).then().statusCode(200)
                .body("language", equalTo("ja"), "name", equalTo("ルックガン・ライチ 1級"));
        given().header("Accept-Language", "vi").get("/products/" + id).then()
                .body("language", equalTo("vi"), "name", equalTo("Vải thiều Lục Ngạn loại 1"));
        given().header("Accept-Language", "zh-CN, zh;q=0.8").get("/products/" + id).then()
                .body("language", equalTo("zh-Hans"));
        // French is missing: English is the fallback, then Vietnamese
        given().header("Accept-Language", "fr-FR").get("/products/" + id).then()
                .body("language", equalTo("en"), "name", equalTo("Luc Ngan lychee, grade 1"));
        given().get("/products/" + id).then().body("language", equalTo("en"));
    }

    @Test
    void badProductInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        String farmer = unique("farmer");
        long producer = Fixtures.producer(farmer);
        long before = count(db, "select count(*) from product");

        Map<String, Object> fractional = productBody(producer, "Vải", "Lychee", 1);
        fractional.put("pricePerKg", 65000.5);
        as(Roles.FARMER, farmer).body(fractional).post("/products").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("pricePerKg"));

        Map<String, Object> zero = productBody(producer, "Vải", "Lychee", 0);
        as(Roles.FARMER, farmer).body(zero).post("/products").then().statusCode(400)
                .body("violations.field", contains("pricePerKg"));

        Map<String, Object> badTag = productBody(producer, "Vải", "Lychee", 1000);
        badTag.put("texts", Map.of("vi", Map.of("name", "Vải"), "en", Map.of("name", "Lychee"),
                "english!", Map.of("name", "Lychee")));
        as(Roles.FARMER, farmer).body(badTag).post("/products").then().statusCode(400)
                .body("violations.field", contains("texts"), "detail", containsString("english!"));

        Map<String, Object> noEnglish = productBody(producer, "Vải", "Lychee", 1000);
        noEnglish.put("texts", Map.of("vi", Map.of("name", "Vải")));
        as(Roles.FARMER, farmer).body(noEnglish).post("/products").then().statusCode(400)
                .body("violations.field", hasItem("texts"));

        Map<String, Object> longName = productBody(producer, "x".repeat(10_000), "Lychee", 1000);
        as(Roles.FARMER, farmer).body(longName).post("/products").then().statusCode(400)
                .body("violations.field", hasItem(containsString("name")));

        Map<String, Object> coldWithoutRange = productBody(producer, "Vải", "Lychee", 1000);
        coldWithoutRange.remove("minCelsius");
        as(Roles.FARMER, farmer).body(coldWithoutRange).post("/products").then().statusCode(400)
                .body("violations.field", contains("minCelsius"));

        Map<String, Object> reversedRange = productBody(producer, "Vải", "Lychee", 1000);
        reversedRange.put("minCelsius", 8);
        as(Roles.FARMER, farmer).body(reversedRange).post("/products").then().statusCode(400)
                .body("violations.field", contains("maxCelsius"));

        Map<String, Object> badMonth = productBody(producer, "Vải", "Lychee", 1000);
        badMonth.put("seasonMonths", List.of(5, 13));
        as(Roles.FARMER, farmer).body(badMonth).post("/products").then().statusCode(400)
                .body("violations.field", hasItem(containsString("seasonMonths")));

        as(Roles.FARMER, farmer).body(productBody(987_654_321L, "Vải", "Lychee", 1000)).post("/products").then()
                .statusCode(404).contentType("application/problem+json");
        assertEquals(before, count(db, "select count(*) from product"));
    }

    @Test
    void onlyOwnersOfTheProducerListAndChangeItsProducts() {
        String owner = unique("farmer");
        String stranger = unique("farmer");
        long producer = Fixtures.producer(owner);
        as(Roles.FARMER, stranger).body(productBody(producer, "Vải", "Lychee", 1000)).post("/products").then()
                .statusCode(403).contentType("application/problem+json");
        as(Roles.BUYER, "buyer-hanoi").body(productBody(producer, "Vải", "Lychee", 1000)).post("/products").then()
                .statusCode(403);
        long id = Fixtures.product(owner, producer, 60_000);
        Map<String, Object> change = productBody(producer, "Vải thiều sấy khô", "Dried lychee", 120_000);
        as(Roles.FARMER, stranger).body(change).put("/products/" + id).then().statusCode(403);
        given().contentType("application/json").body(change).put("/products/" + id).then().statusCode(401);
        as(Roles.FARMER, owner).body(change).put("/products/" + id).then().statusCode(200)
                .body("pricePerKg", equalTo(120000));
        asStaff().body(productBody(producer, "Vải", "Lychee", 99_000)).put("/products/" + id).then().statusCode(200)
                .body("pricePerKg", equalTo(99000));
        given().get("/products/" + id).then().statusCode(200).body("pricePerKg", equalTo(99000));
        given().get("/products/987654321").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void seasonCalendarShowsWhatIsInSeasonEachMonthInAProvince() {
        String farmer = unique("farmer");
        Map<String, Object> body = Fixtures.producerBody(unique("Hộ nhãn"), "Thái Bình");
        long producer = as(Roles.FARMER, farmer).body(body).post("/producers").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        Map<String, Object> longan = productBody(producer, "Nhãn lồng Hưng Yên", "Hung Yen longan", 55_000);
        longan.put("seasonMonths", List.of(7, 8));
        long id = as(Roles.FARMER, farmer).body(longan).post("/products").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        given().header("Accept-Language", "vi").get("/products/season-calendar?province=Hưng Yên").then()
                .statusCode(200).body("province", equalTo("Hưng Yên"), "months.month", hasItem(12),
                        "months[6].products.id", hasItem((int) id), "months[6].products.name",
                        hasItem("Nhãn lồng Hưng Yên"), "months[0].products.id", org.hamcrest.Matchers.not(
                                hasItem((int) id)));
        given().get("/products/season-calendar?province=Narnia").then().statusCode(400)
                .body("violations.field", contains("province"));
        given().get("/products/season-calendar").then().statusCode(400);
        given().get("/products/season-calendar?province=Điện Biên").then().statusCode(200)
                .body("months[0].products", empty());
    }
}
