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
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
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

    @Test
    void aDelistedProductIsNotFoundOrReservableWhileConfirmedOrdersKeepTheirStock() {
        String farmer = unique("farmer");
        long producer = Fixtures.producer(farmer);
        String name = unique("Mật ong hoa nhãn");
        Map<String, Object> body = productBody(producer, name, "Longan honey", 200_000);
        long product = as(Roles.FARMER, farmer).body(body).post("/products").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        long lot = Fixtures.lot(farmer, product, 10_000);
        String sold = unique("o");
        Fixtures.reserve(sold, "buyer-hanoi", lot, 2_000).then().statusCode(201);
        Fixtures.asService().post("/stock/reservations/" + sold + "/confirm").then().statusCode(200);
        given().queryParam("q", name).get("/products").then().body("items.id", contains((int) product));

        asStaff().body(Map.of("reason", "Mẫu kiểm nghiệm không đạt")).post("/products/" + product + "/delist").then()
                .statusCode(200).body("delistedAt", notNullValue());
        given().queryParam("q", name).get("/products").then().statusCode(200).body("items", empty(), "total", equalTo(0));
        given().queryParam("province", "Bắc Ninh").get("/products/season-calendar").then().statusCode(200)
                .body("months.products.flatten().id", not(hasItem((int) product)));
        given().get("/products/" + product).then().statusCode(200).body("delistedAt", notNullValue());
        Fixtures.reserve(unique("o"), "buyer-hcm", lot, 1_000).then().statusCode(409)
                .contentType("application/problem+json")
                .body("lotId", equalTo((int) lot), "gramsLeft", equalTo(0), "detail", containsString("delisted"));
        as(Roles.FARMER, farmer).body(Map.of("productId", product, "harvestDate", LocalDate.now().toString(),
                "quantityGrams", 5_000)).post("/lots").then().statusCode(409).body("field", equalTo("productId"));
        Fixtures.asService().get("/stock/reservations/" + sold).then().body("status", equalTo("CONFIRMED"));
        assertEquals(new Fixtures.Stock(10_000, 8_000, 0, 2_000), Fixtures.stock(db, lot));
        asStaff().body(Map.of("reason", "again")).post("/products/" + product + "/delist").then().statusCode(409);

        asStaff().body(Map.of("reason", "Mẫu kiểm nghiệm lại đạt")).post("/products/" + product + "/relist").then()
                .statusCode(200).body("delistedAt", nullValue());
        given().queryParam("q", name).get("/products").then().body("items.id", contains((int) product));
        Fixtures.reserve(unique("o"), "buyer-hcm", lot, 1_000).then().statusCode(201);
        // the owner farmer reads why
        as(Roles.FARMER, farmer).get("/products/" + product + "/audit").then().statusCode(200)
                .body("action", contains("DELISTED", "RELISTED"), "actor", contains("staff-hoa", "staff-hoa"),
                        "[0].reason", equalTo("Mẫu kiểm nghiệm không đạt"), "[0].at", notNullValue());
    }

    @Test
    void aProductWithGramsHeldForUnconfirmedOrdersIsNotDelisted() {
        String farmer = unique("farmer");
        long product = Fixtures.product(farmer, Fixtures.producer(farmer), 60_000);
        long lot = Fixtures.lot(farmer, product, 10_000);
        String held = unique("o");
        Fixtures.reserve(held, "buyer-hanoi", lot, 3_000).then().statusCode(201);
        asStaff().body(Map.of("reason", "Hết mùa")).post("/products/" + product + "/delist").then().statusCode(409)
                .contentType("application/problem+json")
                .body("lotId", equalTo((int) lot), "heldGrams", equalTo(3000), "detail", containsString("not confirmed"));
        given().get("/products/" + product).then().body("delistedAt", nullValue());
        asStaff().get("/products/" + product + "/audit").then().statusCode(200).body("$", empty());
        Fixtures.asService().post("/stock/reservations/" + held + "/confirm").then().statusCode(200);
        asStaff().body(Map.of("reason", "Hết mùa")).post("/products/" + product + "/delist").then().statusCode(200);
    }

    @Test
    void anExpiredReservationOfADelistedProductIsNotTakenAgain() {
        String farmer = unique("farmer");
        long product = Fixtures.product(farmer, Fixtures.producer(farmer), 60_000);
        long lot = Fixtures.lot(farmer, product, 10_000);
        String late = unique("o");
        Fixtures.asService().body(Fixtures.reservation(late, "buyer-jp", 1, lot, 3_000)).post("/stock/reservations")
                .then().statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> "EXPIRED".equals(Fixtures.asService().get("/stock/reservations/" + late).path("status")));
        asStaff().body(Map.of("reason", "Hết mùa")).post("/products/" + product + "/delist").then().statusCode(200);
        Fixtures.asService().post("/stock/reservations/" + late + "/confirm").then().statusCode(409)
                .body("lotId", equalTo((int) lot), "detail", containsString("delisted"));
        assertEquals(new Fixtures.Stock(10_000, 10_000, 0, 0), Fixtures.stock(db, lot));
    }

    @Test
    void onlyStaffDelistAndOnlyStaffOrItsOwnersReadTheAudit() {
        String farmer = unique("farmer");
        long product = Fixtures.product(farmer, Fixtures.producer(farmer), 60_000);
        as(Roles.FARMER, farmer).body(Map.of("reason", "mine")).post("/products/" + product + "/delist").then()
                .statusCode(403);
        given().contentType("application/json").body(Map.of("reason", "x")).post("/products/" + product + "/delist")
                .then().statusCode(401);
        asStaff().body(Map.of()).post("/products/" + product + "/delist").then().statusCode(400)
                .body("violations.field", contains("reason"));
        asStaff().body(Map.of("reason", "x")).post("/products/987654321/delist").then().statusCode(404);
        asStaff().body(Map.of("reason", "x")).post("/products/" + product + "/relist").then().statusCode(409);
        as(Roles.FARMER, unique("farmer")).get("/products/" + product + "/audit").then().statusCode(403);
        as(Roles.BUYER, "buyer-hanoi").get("/products/" + product + "/audit").then().statusCode(403);
        given().get("/products/" + product).then().statusCode(200).body("delistedAt", nullValue());
    }
}
