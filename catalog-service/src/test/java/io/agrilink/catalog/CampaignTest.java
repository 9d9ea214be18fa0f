package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.count;
import static io.agrilink.catalog.Fixtures.freshLot;
import static io.agrilink.catalog.Fixtures.reserve;
import static io.agrilink.catalog.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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
    void staffChangeACampaignAndItsAuditTrailSaysWhoWhenWhyAndWhat() {
        long lot = freshLot(100_000);
        long other = freshLot(50_000);
        Instant now = Instant.now();
        Map<String, Object> body = body(lot, now.minusSeconds(60), now.plusSeconds(3600));
        long campaign = asStaff().body(body).post("/campaigns").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Map<String, Object> change = new HashMap<>(body);
        change.put("perBuyerLimitGrams", 10_000);
        change.put("lots", List.of(Map.of("lotId", lot, "pricePerKg", 40_000), Map.of("lotId", other, "pricePerKg", 50_000)));
        change.put("reason", "Giá thu mua giảm; thêm lô vải mới");
        as(Roles.STAFF, "staff-minh").body(change).put("/campaigns/" + campaign).then().statusCode(200)
                .body("perBuyerLimitGrams", equalTo(10000), "lots.lotId", containsInAnyOrder((int) lot, (int) other),
                        "lots.find { it.lotId == " + lot + " }.pricePerKg", equalTo(40000));
        reserve(unique("o"), unique("buyer"), other, 1_000).then().statusCode(201)
                .body("lines[0].unitPricePerKg", equalTo(50000), "lines[0].campaignId", equalTo((int) campaign));
        asStaff().get("/campaigns/" + campaign + "/audit").then().statusCode(200)
                .body("action", contains("CREATED", "CHANGED"), "actor", contains("staff-hoa", "staff-minh"),
                        "[1].reason", equalTo("Giá thu mua giảm; thêm lô vải mới"),
                        "[1].at", notNullValue(),
                        "[1].detail", containsString("perBuyerLimitGrams 20000 → 10000"),
                        "[1].detail", containsString("lot " + lot + " pricePerKg 45000 → 40000"),
                        "[1].detail", containsString("lot " + other + " pricePerKg (added) → 50000"));
    }

    @Test
    void changingACampaignNeedsAReason() {
        long lot = freshLot(1_000);
        Instant now = Instant.now();
        Map<String, Object> body = body(lot, now.minusSeconds(60), now.plusSeconds(3600));
        long campaign = asStaff().body(body).post("/campaigns").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        asStaff().body(body).put("/campaigns/" + campaign).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("reason"));
        body.put("reason", "x".repeat(501));
        asStaff().body(body).put("/campaigns/" + campaign).then().statusCode(400)
                .body("violations.field", contains("reason"));
        body.put("reason", "typo");
        asStaff().body(body).put("/campaigns/987654321").then().statusCode(404);
    }

    @Test
    void aLotWithGramsHeldForUnconfirmedOrdersInTheCampaignCannotLeaveIt() {
        long lot = freshLot(100_000);
        long kept = freshLot(100_000);
        Instant now = Instant.now();
        Map<String, Object> body = body(lot, now.minusSeconds(60), now.plusSeconds(3600));
        body.put("lots", List.of(Map.of("lotId", lot, "pricePerKg", 45_000), Map.of("lotId", kept, "pricePerKg", 45_000)));
        long campaign = asStaff().body(body).post("/campaigns").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String ref = unique("o");
        reserve(ref, unique("buyer"), lot, 2_000).then().statusCode(201);
        Map<String, Object> change = new HashMap<>(body);
        change.put("lots", List.of(Map.of("lotId", kept, "pricePerKg", 45_000)));
        change.put("reason", "Lô này bị mưa đá");
        asStaff().body(change).put("/campaigns/" + campaign).then().statusCode(409)
                .contentType("application/problem+json")
                .body("lotId", equalTo((int) lot), "heldGrams", equalTo(2000), "detail", containsString("not confirmed"));
        given().get("/campaigns/" + campaign).then().body("lots.lotId", containsInAnyOrder((int) lot, (int) kept));
        asStaff().get("/campaigns/" + campaign + "/audit").then().body("action", contains("CREATED"));
        // once the order is confirmed nothing is in flight: the lot may leave, the order keeps its price
        Fixtures.asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(200);
        asStaff().body(change).put("/campaigns/" + campaign).then().statusCode(200)
                .body("lots.lotId", contains((int) kept));
        Fixtures.asService().get("/stock/reservations/" + ref).then().body("lines[0].unitPricePerKg", equalTo(45000));
        reserve(unique("o"), unique("buyer"), lot, 1_000).then().statusCode(201)
                .body("lines[0].unitPricePerKg", equalTo(60000), "lines[0].campaignId", equalTo(null));
    }

    @Test
    void endingACampaignEarlyStopsItsPriceForNewOrdersWhileHeldOnesKeepIt() {
        long lot = freshLot(100_000);
        long campaign = Fixtures.campaign(lot, 45_000, 20_000, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600));
        String held = unique("o");
        reserve(held, unique("buyer"), lot, 2_000).then().statusCode(201).body("lines[0].unitPricePerKg", equalTo(45000));
        asStaff().body(Map.of("reason", "Chủ tịch tỉnh kết thúc phiên live sớm")).post("/campaigns/" + campaign + "/end")
                .then().statusCode(200).body("running", equalTo(false));
        given().get("/campaigns?running=true&size=100").then().body("items.id", not(hasItem((int) campaign)));
        reserve(unique("o"), unique("buyer"), lot, 1_000).then().statusCode(201)
                .body("lines[0].unitPricePerKg", equalTo(60000), "lines[0].campaignId", equalTo(null));
        Fixtures.asService().post("/stock/reservations/" + held + "/confirm").then().statusCode(200)
                .body("lines[0].unitPricePerKg", equalTo(45000));
        asStaff().get("/campaigns/" + campaign + "/audit").then().statusCode(200)
                .body("action", contains("CREATED", "ENDED"), "[1].reason", equalTo("Chủ tịch tỉnh kết thúc phiên live sớm"),
                        "[1].detail", containsString("endsAt"));
        asStaff().body(Map.of("reason", "again")).post("/campaigns/" + campaign + "/end").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already ended"));
    }

    @Test
    void aCampaignThatHasNotStartedIsNotEndedButChanged() {
        long lot = freshLot(1_000);
        long campaign = Fixtures.campaign(lot, 45_000, 20_000, Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(7200));
        asStaff().body(Map.of("reason", "hoãn")).post("/campaigns/" + campaign + "/end").then().statusCode(409)
                .body("detail", containsString("has not started"));
        asStaff().body(Map.of("reason", " ")).post("/campaigns/" + campaign + "/end").then().statusCode(400)
                .body("violations.field", contains("reason"));
        asStaff().get("/campaigns/" + campaign + "/audit").then().body("action", contains("CREATED"));
    }

    @Test
    void onlyStaffChangeOrEndCampaignsAndReadTheirAudit() {
        long lot = freshLot(1_000);
        Instant now = Instant.now();
        Map<String, Object> body = body(lot, now.minusSeconds(60), now.plusSeconds(3600));
        long campaign = asStaff().body(body).post("/campaigns").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        body.put("reason", "mine now");
        as(Roles.FARMER, "farmer-lan").body(body).put("/campaigns/" + campaign).then().statusCode(403);
        as(Roles.BUYER, "buyer-hanoi").body(Map.of("reason", "no")).post("/campaigns/" + campaign + "/end").then()
                .statusCode(403);
        as(Roles.FARMER, "farmer-lan").get("/campaigns/" + campaign + "/audit").then().statusCode(403);
        given().contentType("application/json").body(body).put("/campaigns/" + campaign).then().statusCode(401);
        given().get("/campaigns/" + campaign + "/audit").then().statusCode(401);
        given().get("/campaigns/" + campaign).then().statusCode(200).body("running", equalTo(true));
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
