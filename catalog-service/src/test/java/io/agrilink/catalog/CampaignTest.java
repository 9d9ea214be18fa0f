package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.count;
import static io.agrilink.catalog.Fixtures.freshLot;
import static io.agrilink.catalog.Fixtures.reserve;
import static io.agrilink.catalog.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashMap;
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
class CampaignTest {

    @Inject
    AgroalDataSource db;

    private static Map<String, Object> body(long lot, Instant startsAt, Instant endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("Tuần lễ Vải thiều Lục Ngạn 2026"));
        body.put("host", "Phó Chủ tịch UBND tỉnh Bắc Ninh");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("perBuyerLimitGrams", 20_000);
        body.put("targetGrams", 54_000_000_000L);
        body.put("lots", List.of(Map.of("lotId", lot, "pricePerKg", 45_000)));
        return body;
    }

    @Test
    void runningCampaignPriceAppliesToReservationsAndProgressIsShown() {
        long lot = freshLot(100_000);
        long campaign = Fixtures.campaign(lot, 45_000, 20_000, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600));
        reserve(unique("o"), "buyer-hanoi", lot, 3_000).then().statusCode(201)
                .body("lines[0].unitPricePerKg", equalTo(45000), "lines[0].campaignId", equalTo((int) campaign));
        given().get("/campaigns/" + campaign).then().statusCode(200)
                .body("running", equalTo(true), "reservedGrams", equalTo(3000), "lots[0].lotId", equalTo((int) lot),
                        "lots[0].pricePerKg", equalTo(45000), "lots[0].regularPricePerKg", equalTo(60000));
        given().get("/lots/" + lot).then().body("pricePerKg", equalTo(45000), "campaignId", equalTo((int) campaign));
        given().get("/campaigns?running=true&size=100").then().statusCode(200).body("items.id", hasItem((int) campaign));
    }

    @Test
    void campaignNotRunningLeavesTheProductPrice() {
        long lot = freshLot(100_000);
        long campaign = Fixtures.campaign(lot, 45_000, 20_000, Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200));
        reserve(unique("o"), "buyer-hanoi", lot, 3_000).then().statusCode(201)
                .body("lines[0].unitPricePerKg", equalTo(60000), "lines[0].campaignId", equalTo(null));
        given().get("/campaigns?running=true&size=100").then().body("items.id", not(hasItem((int) campaign)));
    }

    @Test
    void perBuyerLimitIsEnforcedWithLimitAndGramsLeft() {
        long lot = freshLot(100_000);
        Fixtures.campaign(lot, 45_000, 5_000, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        String buyer = unique("buyer");
        reserve(unique("o"), buyer, lot, 3_000).then().statusCode(201);
        reserve(unique("o"), buyer, lot, 3_000).then().statusCode(409).contentType("application/problem+json")
                .body("limitGrams", equalTo(5000), "gramsLeft", equalTo(2000));
        reserve(unique("o"), buyer, lot, 2_000).then().statusCode(201);
        // another buyer has their own allowance
        reserve(unique("o"), unique("buyer"), lot, 5_000).then().statusCode(201);
        // a released hold gives the allowance back
        String ref = unique("o");
        String second = unique("buyer");
        reserve(ref, second, lot, 5_000).then().statusCode(201);
        Fixtures.asService().delete("/stock/reservations/" + ref).then().statusCode(204);
        reserve(unique("o"), second, lot, 5_000).then().statusCode(201);
    }

    @Test
    void badCampaignInputIsRefusedAndNothingIsWritten() {
        long lot = freshLot(1_000);
        long before = count(db, "select count(*) from campaign");
        Instant now = Instant.now();
        asStaff().body(body(lot, now.plusSeconds(3600), now)).post("/campaigns").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("endsAt"));
        asStaff().body(body(987_654_321L, now, now.plusSeconds(60))).post("/campaigns").then().statusCode(404)
                .body("field", equalTo("lots[0].lotId"));
        Map<String, Object> zeroLimit = body(lot, now, now.plusSeconds(60));
        zeroLimit.put("perBuyerLimitGrams", 0);
        asStaff().body(zeroLimit).post("/campaigns").then().statusCode(400)
                .body("violations.field", contains("perBuyerLimitGrams"));
        Map<String, Object> fractionalPrice = body(lot, now, now.plusSeconds(60));
        fractionalPrice.put("lots", List.of(Map.of("lotId", lot, "pricePerKg", 45_000.5)));
        asStaff().body(fractionalPrice).post("/campaigns").then().statusCode(400);
        Map<String, Object> twice = body(lot, now, now.plusSeconds(60));
        twice.put("lots", List.of(Map.of("lotId", lot, "pricePerKg", 1), Map.of("lotId", lot, "pricePerKg", 2)));
        asStaff().body(twice).post("/campaigns").then().statusCode(400)
                .body("violations.field", contains("lots[1].lotId"));
        Map<String, Object> longName = body(lot, now, now.plusSeconds(60));
        longName.put("name", "x".repeat(10_000));
        asStaff().body(longName).post("/campaigns").then().statusCode(400).body("violations.field", contains("name"));
        assertEquals(before, count(db, "select count(*) from campaign"));
    }

    @Test
    void onlyStaffCreateCampaigns() {
        long lot = freshLot(1_000);
        Instant now = Instant.now();
        as(Roles.FARMER, "farmer-lan").body(body(lot, now, now.plusSeconds(60))).post("/campaigns").then()
                .statusCode(403);
        as(Roles.BUYER, "buyer-hanoi").body(body(lot, now, now.plusSeconds(60))).post("/campaigns").then()
                .statusCode(403);
        given().contentType("application/json").body(body(lot, now, now.plusSeconds(60))).post("/campaigns").then()
                .statusCode(401);
        given().get("/campaigns/987654321").then().statusCode(404);
    }
}
