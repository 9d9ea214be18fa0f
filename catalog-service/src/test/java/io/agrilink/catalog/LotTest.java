package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.count;
import static io.agrilink.catalog.Fixtures.reserve;
import static io.agrilink.catalog.Fixtures.stock;
import static io.agrilink.catalog.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class LotTest {

    @Inject
    AgroalDataSource db;

    @Test
    void lotIsTraceableToProducerAndGrowingAreaWithBestBeforeFromShelfLife() {
        String farmer = unique("farmer");
        long producer = Fixtures.producer(farmer);
        long product = Fixtures.product(farmer, producer, 60_000);
        long lot = as(Roles.FARMER, farmer)
                .body(Map.of("productId", product, "harvestDate", "2026-06-10", "quantityGrams", 54_000_000_000L))
                .post("/lots").then().statusCode(201)
                .body("productId", equalTo((int) product), "producerId", equalTo((int) producer),
                        "farmers", contains(farmer), "growingAreaCode", equalTo("VN-BGOR-0101"),
                        "province", equalTo("Bắc Ninh"), "harvestDate", equalTo("2026-06-10"),
                        "bestBefore", equalTo("2026-06-17"), "quantityGrams", equalTo(54_000_000_000L),
                        "availableGrams", equalTo(54_000_000_000L), "heldGrams", equalTo(0),
                        "pricePerKg", equalTo(60000), "coldChain", equalTo(true))
                .extract().jsonPath().getLong("id");
        given().get("/lots/" + lot).then().statusCode(200).body("id", equalTo((int) lot));
        given().get("/products/" + product + "/lots").then().statusCode(200).body("id", contains((int) lot));
    }

    @Test
    void badLotInputIsRefusedAndNothingIsWritten() {
        String farmer = unique("farmer");
        long product = Fixtures.product(farmer, Fixtures.producer(farmer), 60_000);
        long before = count(db, "select count(*) from lot");
        as(Roles.FARMER, farmer).body(Map.of("productId", product, "harvestDate", "2026-06-10", "quantityGrams", 0))
                .post("/lots").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("quantityGrams"));
        as(Roles.FARMER, farmer).body(Map.of("productId", product, "harvestDate", "2026-06-10", "quantityGrams", -1))
                .post("/lots").then().statusCode(400).body("violations.field", contains("quantityGrams"));
        as(Roles.FARMER, farmer).body(Map.of("productId", product, "harvestDate", "2026-06-10", "quantityGrams", 1.5))
                .post("/lots").then().statusCode(400).body("violations.field", contains("quantityGrams"));
        as(Roles.FARMER, farmer).body(Map.of("productId", product, "harvestDate", "10/06/2026", "quantityGrams", 1))
                .post("/lots").then().statusCode(400).body("violations.field", contains("harvestDate"));
        as(Roles.FARMER, farmer).body(Map.of("productId", 987_654_321, "harvestDate", "2026-06-10", "quantityGrams", 1))
                .post("/lots").then().statusCode(404).contentType("application/problem+json");
        assertEquals(before, count(db, "select count(*) from lot"));
    }

    @Test
    void onlyOwnersOrStaffRecordAndCorrectLots() {
        String owner = unique("farmer");
        long product = Fixtures.product(owner, Fixtures.producer(owner), 60_000);
        as(Roles.FARMER, unique("farmer"))
                .body(Map.of("productId", product, "harvestDate", "2026-06-10", "quantityGrams", 1_000))
                .post("/lots").then().statusCode(403);
        as(Roles.BUYER, "buyer-hanoi")
                .body(Map.of("productId", product, "harvestDate", "2026-06-10", "quantityGrams", 1_000))
                .post("/lots").then().statusCode(403);
        long lot = Fixtures.lot(owner, product, 10_000);
        as(Roles.FARMER, unique("farmer")).body(Map.of("quantityGrams", 1)).patch("/lots/" + lot).then()
                .statusCode(403);
        asStaff().body(Map.of("quantityGrams", 12_000)).patch("/lots/" + lot).then().statusCode(200)
                .body("quantityGrams", equalTo(12000), "availableGrams", equalTo(12000));
    }

    @Test
    void quantityCorrectionKeepsWhatIsHeldAndNeverGoesBelowIt() {
        String owner = unique("farmer");
        long product = Fixtures.product(owner, Fixtures.producer(owner), 60_000);
        long lot = Fixtures.lot(owner, product, 10_000);
        reserve(unique("o"), "buyer-hanoi", lot, 6_000).then().statusCode(201);
        as(Roles.FARMER, owner).body(Map.of("quantityGrams", 5_000)).patch("/lots/" + lot).then().statusCode(409)
                .contentType("application/problem+json").body("reservedGrams", equalTo(6000));
        assertEquals(new Fixtures.Stock(10_000, 4_000, 6_000, 0), stock(db, lot));
        as(Roles.FARMER, owner).body(Map.of("quantityGrams", 7_000, "harvestDate", "2026-06-01"))
                .patch("/lots/" + lot).then().statusCode(200)
                .body("quantityGrams", equalTo(7000), "availableGrams", equalTo(1000), "heldGrams", equalTo(6000),
                        "bestBefore", equalTo("2026-06-08"));
        assertEquals(new Fixtures.Stock(7_000, 1_000, 6_000, 0), stock(db, lot));
    }
}
