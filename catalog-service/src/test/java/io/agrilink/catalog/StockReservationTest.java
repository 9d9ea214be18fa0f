package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.asService;
import static io.agrilink.catalog.Fixtures.count;
import static io.agrilink.catalog.Fixtures.freshLot;
import static io.agrilink.catalog.Fixtures.reservation;
import static io.agrilink.catalog.Fixtures.reserve;
import static io.agrilink.catalog.Fixtures.stock;
import static io.agrilink.catalog.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class StockReservationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void reservationHoldsGramsAndDescribesTheLotForTheOrder() {
        long lot = freshLot(10_000);
        String ref = unique("o");
        reserve(ref, "buyer-hanoi", lot, 2_000).then().statusCode(201)
                .header("Location", containsString("/stock/reservations/" + ref))
                .body("orderRef", equalTo(ref), "status", equalTo("HELD"), "expiresAt", notNullValue(),
                        "lines[0].lotId", equalTo((int) lot), "lines[0].grams", equalTo(2000),
                        "lines[0].productName", containsString("Vải thiều"), "lines[0].producerName", notNullValue(),
                        "lines[0].farmers", hasItem(containsString("farmer")), "lines[0].province", equalTo("Bắc Ninh"),
                        "lines[0].phone", equalTo("+84912345678"), "lines[0].growingAreaCode", equalTo("VN-BGOR-0101"),
                        "lines[0].unitPricePerKg", equalTo(60000), "lines[0].campaignId", nullValue(),
                        "lines[0].coldChain", equalTo(true), "lines[0].minCelsius", equalTo(2),
                        "lines[0].maxCelsius", equalTo(5), "lines[0].bestBefore", notNullValue());
        assertEquals(new Fixtures.Stock(10_000, 8_000, 2_000, 0), stock(db, lot));
    }

    @Test
    void repeatedOrderRefReturnsTheExistingReservationWithoutHoldingTwice() {
        long lot = freshLot(10_000);
        String ref = unique("o");
        reserve(ref, "buyer-hanoi", lot, 3_000).then().statusCode(201);
        reserve(ref, "buyer-hanoi", lot, 3_000).then().statusCode(200).body("status", equalTo("HELD"),
                "lines[0].grams", equalTo(3000));
        assertEquals(new Fixtures.Stock(10_000, 7_000, 3_000, 0), stock(db, lot));
        assertEquals(1, count(db, "select count(*) from reservation where order_ref = ?", ref));
    }

    @Test
    void confirmMovesHeldToConfirmedAndIsIdempotent() {
        long lot = freshLot(10_000);
        String ref = unique("o");
        reserve(ref, "buyer-hcm", lot, 4_000).then().statusCode(201);
        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        assertEquals(new Fixtures.Stock(10_000, 6_000, 0, 4_000), stock(db, lot));
    }

    @Test
    void releaseGivesGramsBackIsIdempotentAndBlocksConfirm() {
        long lot = freshLot(10_000);
        String ref = unique("o");
        reserve(ref, "buyer-hcm", lot, 4_000).then().statusCode(201);
        asService().delete("/stock/reservations/" + ref).then().statusCode(204);
        asService().delete("/stock/reservations/" + ref).then().statusCode(204);
        assertEquals(new Fixtures.Stock(10_000, 10_000, 0, 0), stock(db, lot));
        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409), "reservationStatus", equalTo("RELEASED"));
        asService().get("/stock/reservations/" + ref).then().statusCode(200).body("status", equalTo("RELEASED"));
        // the reference stays used: reserving it again holds nothing
        reserve(ref, "buyer-hcm", lot, 4_000).then().statusCode(200).body("status", equalTo("RELEASED"));
        assertEquals(10_000, stock(db, lot).available());
    }

    @Test
    void releasingAConfirmedReservationReturnsItsGrams() {
        long lot = freshLot(10_000);
        String ref = unique("o");
        reserve(ref, "buyer-hcm", lot, 4_000).then().statusCode(201);
        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(200);
        asService().delete("/stock/reservations/" + ref).then().statusCode(204);
        assertEquals(new Fixtures.Stock(10_000, 10_000, 0, 0), stock(db, lot));
    }

    @Test
    void unknownReservationIsNotFoundForConfirmAndGet() {
        asService().post("/stock/reservations/no-such-order/confirm").then().statusCode(404)
                .contentType("application/problem+json");
        asService().get("/stock/reservations/no-such-order").then().statusCode(404);
        asService().delete("/stock/reservations/no-such-order").then().statusCode(204);
    }

    @Test
    void notEnoughLeftIsConflictWithGramsLeftAndHoldsNothing() {
        long lot = freshLot(5_000);
        reserve(unique("o"), "buyer-hanoi", lot, 4_000).then().statusCode(201);
        String ref = unique("o");
        reserve(ref, "buyer-hanoi", lot, 2_000).then().statusCode(409).contentType("application/problem+json")
                .body("lotId", equalTo((int) lot), "gramsLeft", equalTo(1000));
        assertEquals(0, count(db, "select count(*) from reservation where order_ref = ?", ref));
        assertEquals(new Fixtures.Stock(5_000, 1_000, 4_000, 0), stock(db, lot));
    }

    @Test
    void allLinesOrNone() {
        long plenty = freshLot(10_000);
        long scarce = freshLot(1_000);
        String ref = unique("o");
        asService().body(reservation(ref, "buyer-us", 900, plenty, 2_000, scarce, 2_000)).post("/stock/reservations")
                .then().statusCode(409).body("lotId", equalTo((int) scarce), "gramsLeft", equalTo(1000));
        assertEquals(10_000, stock(db, plenty).available());
        assertEquals(1_000, stock(db, scarce).available());

        asService().body(reservation(unique("o"), "buyer-us", 900, plenty, 2_000, scarce, 1_000))
                .post("/stock/reservations").then().statusCode(201).body("lines.lotId",
                        contains((int) plenty, (int) scarce));
        assertEquals(8_000, stock(db, plenty).available());
        assertEquals(0, stock(db, scarce).available());
    }

    @Test
    void unknownLotIsNotFoundAndNothingIsWritten() {
        long lot = freshLot(10_000);
        String ref = unique("o");
        asService().body(reservation(ref, "buyer-us", 900, lot, 1_000, 987_654_321L, 1_000))
                .post("/stock/reservations").then().statusCode(404).contentType("application/problem+json")
                .body("lotId", equalTo(987_654_321));
        assertEquals(10_000, stock(db, lot).available());
        assertEquals(0, count(db, "select count(*) from reservation where order_ref = ?", ref));
    }

    @Test
    void badReservationInputIsRefusedNamingTheField() {
        long lot = freshLot(10_000);
        asService().body(reservation(unique("o"), "b", 900, lot, 0)).post("/stock/reservations").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("lines[0].grams"));
        asService().body(reservation(unique("o"), "b", 900, lot, -5)).post("/stock/reservations").then()
                .statusCode(400).body("violations.field", hasItem("lines[0].grams"));
        asService().body("{\"orderRef\":\"x\",\"buyer\":\"b\",\"lines\":[{\"lotId\":" + lot + ",\"grams\":1.5}]}")
                .post("/stock/reservations").then().statusCode(400).body("detail", containsString("grams"));
        asService().body(reservation(unique("o"), "b", 900)).post("/stock/reservations").then()
                .statusCode(400).body("violations.field", hasItem("lines"));
        asService().body(reservation(unique("o"), "b", 900, lot, 10, lot, 10)).post("/stock/reservations").then()
                .statusCode(400).body("violations.field", hasItem("lines[1].lotId"));
        asService().body(reservation(unique("o"), "b", 10_000_000, lot, 10)).post("/stock/reservations").then()
                .statusCode(400).body("violations.field", hasItem("ttlSeconds"));
        asService().body(reservation("x".repeat(10_000), "b", 900, lot, 10)).post("/stock/reservations").then()
                .statusCode(400).body("violations.field", hasItem("orderRef"));
        assertEquals(10_000, stock(db, lot).available());
    }

    @Test
    void orderRefWithALoneSurrogateOrANulIsRefusedNamingIt() {
        long lot = freshLot(10_000);
        for (String ref : new String[] { "o-\\ud800", "o-\\u0000" }) {
            asService().body("{\"orderRef\":\"" + ref + "\",\"buyer\":\"b\",\"lines\":[{\"lotId\":" + lot
                    + ",\"grams\":10}]}").post("/stock/reservations").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("orderRef"));
        }
        asService().urlEncodingEnabled(false).get("/stock/reservations/o-%00").then().statusCode(400)
                .body("violations[0].field", equalTo("orderRef"));
        assertEquals(10_000, stock(db, lot).available());
    }

    @Test
    void onlyServicesReserve() {
        long lot = freshLot(10_000);
        Fixtures.as(Roles.BUYER, "buyer-hanoi").body(reservation(unique("o"), "buyer-hanoi", 900, lot, 10))
                .post("/stock/reservations").then().statusCode(403);
        Fixtures.as(Roles.FARMER, "farmer-lan").body(reservation(unique("o"), "buyer-hanoi", 900, lot, 10))
                .post("/stock/reservations").then().statusCode(403);
        given().contentType("application/json").body(reservation(unique("o"), "buyer-hanoi", 900, lot, 10))
                .post("/stock/reservations").then().statusCode(401);
        given().auth().oauth2(Tokens.expired(Roles.SERVICE, "order-service")).contentType("application/json")
                .body(reservation(unique("o"), "buyer-hanoi", 900, lot, 10)).post("/stock/reservations").then()
                .statusCode(401);
        Fixtures.as(Roles.BUYER, "buyer-hanoi").delete("/stock/reservations/x").then().statusCode(403);
        Fixtures.as(Roles.BUYER, "buyer-hanoi").post("/stock/reservations/x/confirm").then().statusCode(403);
        assertEquals(10_000, stock(db, lot).available());
    }

    @Test
    void expiredHoldGivesItsGramsBackThroughTheScheduledJobAndALateConfirmTakesThemAgain() {
        long lot = freshLot(10_000);
        String ref = unique("o");
        asService().body(reservation(ref, "buyer-jp", 1, lot, 3_000)).post("/stock/reservations").then()
                .statusCode(201);
        assertEquals(7_000, stock(db, lot).available());
        awaitExpired(ref);
        assertEquals(new Fixtures.Stock(10_000, 10_000, 0, 0), stock(db, lot));
        // order-service confirms late (catalogue was down past the hold): the grams are still there
        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"), "lines[0].grams", equalTo(3000));
        assertEquals(new Fixtures.Stock(10_000, 7_000, 0, 3_000), stock(db, lot));
        // idempotent: confirming again takes nothing more
        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        assertEquals(new Fixtures.Stock(10_000, 7_000, 0, 3_000), stock(db, lot));
    }

    @Test
    void expiredReservationWhoseGramsWereSoldMeanwhileIsRefusedAndChangesNothing() throws InterruptedException {
        long lot = freshLot(5_000);
        String ref = unique("o");
        asService().body(reservation(ref, "buyer-au", 1, lot, 4_000)).post("/stock/reservations").then()
                .statusCode(201);
        Thread.sleep(1_100);
        // another buyer takes the grams the expired hold gave back
        String other = unique("o");
        reserve(other, "buyer-hcm", lot, 3_000).then().statusCode(201);
        asService().get("/stock/reservations/" + ref).then().body("status", equalTo("EXPIRED"));
        assertEquals(new Fixtures.Stock(5_000, 2_000, 3_000, 0), stock(db, lot));

        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409), "reservationStatus", equalTo("EXPIRED"), "lotId", equalTo((int) lot),
                        "gramsLeft", equalTo(2000));
        asService().body(Map.of("orderRefs", List.of(ref))).post("/stock/confirmations").then().statusCode(200)
                .body("results[0].status", equalTo(409), "results[0].reservationStatus", equalTo("EXPIRED"),
                        "results[0].problem.lotId", equalTo((int) lot), "results[0].problem.gramsLeft", equalTo(2000));
        assertEquals(new Fixtures.Stock(5_000, 2_000, 3_000, 0), stock(db, lot));
        asService().get("/stock/reservations/" + ref).then().body("status", equalTo("EXPIRED"));
        // the other buyer's hold is untouched and confirms as usual
        asService().post("/stock/reservations/" + other + "/confirm").then().statusCode(200);
        assertEquals(new Fixtures.Stock(5_000, 2_000, 0, 3_000), stock(db, lot));
    }

    @Test
    void requestShortOfGramsWaitsForTheExpiryJobGivingAHoldBackInsteadOfSayingSoldOut() throws Exception {
        long lot = freshLot(5_000);
        String expired = unique("o");
        asService().body(reservation(expired, "buyer-au", 1, lot, 4_000)).post("/stock/reservations").then()
                .statusCode(201);
        // the expiry job is giving that hold back at this very moment: its transaction holds the row,
        // taken before the hold expires so that the real job (every second in tests) cannot give it back first
        try (java.sql.Connection job = db.getConnection()) {
            job.setAutoCommit(false);
            try (java.sql.Statement sql = job.createStatement()) {
                sql.execute("select id from reservation where order_ref = '" + expired + "' for update");
            }
            Thread.sleep(1_100);
            java.util.concurrent.CompletableFuture<io.restassured.response.Response> buyer = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> reserve(unique("o"), "buyer-hcm", lot, 3_000));
            Thread.sleep(500);
            try (java.sql.Statement sql = job.createStatement()) {
                sql.execute("update lot set held_grams = held_grams - 4000, available_grams = available_grams + 4000"
                        + " where id = " + lot);
                sql.execute("update reservation set status = 'EXPIRED' where order_ref = '" + expired + "'");
            }
            job.commit();
            buyer.get(30, java.util.concurrent.TimeUnit.SECONDS).then().statusCode(201);
        }
        assertEquals(new Fixtures.Stock(5_000, 2_000, 3_000, 0), stock(db, lot));
    }

    @Test
    void expiredReservationIsTakenAgainOnAllItsLotsOrNone() throws InterruptedException {
        long plenty = freshLot(5_000);
        long scarce = freshLot(2_000);
        String ref = unique("o");
        asService().body(reservation(ref, "buyer-us", 1, plenty, 1_000, scarce, 1_000)).post("/stock/reservations")
                .then().statusCode(201);
        Thread.sleep(1_100);
        reserve(unique("o"), "buyer-hanoi", scarce, 1_500).then().statusCode(201);
        assertEquals(new Fixtures.Stock(5_000, 5_000, 0, 0), stock(db, plenty));

        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(409)
                .body("lotId", equalTo((int) scarce), "gramsLeft", equalTo(500));
        assertEquals(new Fixtures.Stock(5_000, 5_000, 0, 0), stock(db, plenty));
        assertEquals(new Fixtures.Stock(2_000, 500, 1_500, 0), stock(db, scarce));
    }

    @Test
    void confirmationBatchTakesExpiredReservationsAgainInOrderWhileGramsLast() {
        long lot = freshLot(5_000);
        String first = unique("o");
        String second = unique("o");
        asService().body(reservation(first, "buyer-jp", 1, lot, 3_000)).post("/stock/reservations").then()
                .statusCode(201);
        asService().body(reservation(second, "buyer-jp", 1, lot, 2_000)).post("/stock/reservations").then()
                .statusCode(201);
        awaitExpired(first);
        awaitExpired(second);
        reserve(unique("o"), "buyer-hcm", lot, 1_000).then().statusCode(201);

        asService().body(Map.of("orderRefs", List.of(first, second))).post("/stock/confirmations").then()
                .statusCode(200)
                .body("results.status", contains(200, 409))
                .body("results.reservationStatus", contains("CONFIRMED", "EXPIRED"))
                .body("results[1].problem.lotId", equalTo((int) lot), "results[1].problem.gramsLeft", equalTo(1000));
        assertEquals(new Fixtures.Stock(5_000, 1_000, 1_000, 3_000), stock(db, lot));
        assertTrue(stock(db, lot).balanced());
    }

    @Test
    void lateConfirmationOfAnExpiredReservationRechecksTheBuyersCampaignLimit() {
        long lot = freshLot(20_000);
        long campaign = Fixtures.campaign(lot, 45_000, 5_000, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600));
        String buyer = unique("buyer");
        String late = unique("o");
        asService().body(reservation(late, buyer, 1, lot, 4_000)).post("/stock/reservations").then().statusCode(201);
        awaitExpired(late);
        // the expiry gave the allowance back, and the buyer used most of it on another order
        String other = unique("o");
        reserve(other, buyer, lot, 3_000).then().statusCode(201);
        asService().post("/stock/reservations/" + other + "/confirm").then().statusCode(200);

        asService().post("/stock/reservations/" + late + "/confirm").then().statusCode(409)
                .contentType("application/problem+json")
                .body("campaignId", equalTo((int) campaign), "limitGrams", equalTo(5000), "gramsLeft", equalTo(2000));
        asService().body(Map.of("orderRefs", List.of(late))).post("/stock/confirmations").then().statusCode(200)
                .body("results[0].status", equalTo(409), "results[0].reservationStatus", equalTo("EXPIRED"),
                        "results[0].problem.limitGrams", equalTo(5000));
        assertEquals(new Fixtures.Stock(20_000, 17_000, 0, 3_000), stock(db, lot));
        assertEquals(3_000, count(db, "select grams from campaign_buyer_usage where campaign_id = ? and buyer = ?",
                campaign, buyer));
        asService().get("/stock/reservations/" + late).then().body("status", equalTo("EXPIRED"));
    }

    @Test
    void lateConfirmationOfAnExpiredReservationIsRefusedOnceTheLotIsPastItsBestBefore() throws Exception {
        long lot = freshLot(10_000);
        String ref = unique("o");
        asService().body(reservation(ref, "buyer-jp", 1, lot, 3_000)).post("/stock/reservations").then()
                .statusCode(201);
        awaitExpired(ref);
        // the catalogue was down for days: the lot's best-before date has passed meanwhile
        try (Connection c = db.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("update lot set harvest_date = current_date - 9, best_before = current_date - 2 where id = " + lot);
        }
        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(409)
                .contentType("application/problem+json")
                .body("lotId", equalTo((int) lot), "gramsLeft", equalTo(0), "bestBefore", notNullValue(),
                        "detail", containsString("best-before"));
        asService().body(Map.of("orderRefs", List.of(ref))).post("/stock/confirmations").then().statusCode(200)
                .body("results[0].status", equalTo(409), "results[0].problem.lotId", equalTo((int) lot));
        assertEquals(new Fixtures.Stock(10_000, 10_000, 0, 0), stock(db, lot));
        asService().get("/stock/reservations/" + ref).then().body("status", equalTo("EXPIRED"));
    }

    private void awaitExpired(String ref) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> "EXPIRED".equals(asService().get("/stock/reservations/" + ref).then().statusCode(200)
                        .extract().path("status")));
    }

    @Test
    void expiredHoldIsReturnedAtOnceWhenTheLotIsShort() throws InterruptedException {
        long lot = freshLot(5_000);
        String first = unique("o");
        asService().body(reservation(first, "buyer-au", 1, lot, 5_000)).post("/stock/reservations").then()
                .statusCode(201);
        Thread.sleep(1_100);
        // the lot looks sold out, but the hold has expired: it gives way without waiting for the job
        reserve(unique("o"), "buyer-au", lot, 5_000).then().statusCode(201);
        Fixtures.Stock stock = stock(db, lot);
        assertEquals(new Fixtures.Stock(5_000, 0, 5_000, 0), stock);
        asService().get("/stock/reservations/" + first).then().body("status", equalTo("EXPIRED"));
    }

    @Test
    void confirmingAHoldPastItsTimeConfirmsItWhileItsGramsAreThere() throws InterruptedException {
        long lot = freshLot(5_000);
        String ref = unique("o");
        asService().body(reservation(ref, "buyer-au", 1, lot, 1_000)).post("/stock/reservations").then()
                .statusCode(201);
        Thread.sleep(1_050);
        // held past its time or already expired by the job: either way the grams are there to confirm
        asService().post("/stock/reservations/" + ref + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        assertEquals(new Fixtures.Stock(5_000, 4_000, 0, 1_000), stock(db, lot));
    }

    @Test
    void batchReservationReportsMixedOutcomesInOrder() {
        long lot = freshLot(5_000);
        long other = freshLot(1_000);
        String held = unique("o");
        reserve(held, "buyer-hanoi", lot, 1_000).then().statusCode(201);
        String a = unique("o");
        String b = unique("o");
        String c = unique("o");
        String d = unique("o");
        String e = unique("o");
        asService().body(Map.of("reservations", List.of(
                reservation(a, "buyer-hanoi", 900, lot, 3_000),
                reservation(held, "buyer-hanoi", 900, lot, 1_000),
                reservation(b, "buyer-hanoi", 900, lot, 3_000),
                reservation(c, "buyer-hanoi", 900, 987_654_321L, 10),
                reservation(d, "buyer-hanoi", 900, lot, 0),
                reservation(e, "buyer-hcm", 900, other, 1_000))))
                .post("/stock/reservation-batches").then().statusCode(200)
                .body("results.orderRef", contains(a, held, b, c, d, e))
                .body("results.status", contains(201, 200, 409, 404, 400, 201))
                .body("results[0].reservation.lines[0].grams", equalTo(3000))
                .body("results[1].reservation.status", equalTo("HELD"))
                .body("results[2].problem.gramsLeft", equalTo(1000), "results[2].problem.lotId", equalTo((int) lot),
                        "results[2].reservation", nullValue())
                .body("results[3].problem.status", equalTo(404))
                .body("results[4].problem.violations.field", hasItem("lines[0].grams"))
                .body("results[5].reservation.lines[0].lotId", equalTo((int) other));
        assertEquals(new Fixtures.Stock(5_000, 1_000, 4_000, 0), stock(db, lot));
        assertEquals(new Fixtures.Stock(1_000, 0, 1_000, 0), stock(db, other));
        assertTrue(stock(db, lot).balanced());
    }

    @Test
    void batchRepeatsOfOneOrderRefHoldOnce() {
        long lot = freshLot(5_000);
        String ref = unique("o");
        asService().body(Map.of("reservations", List.of(
                reservation(ref, "buyer-hanoi", 900, lot, 1_000),
                reservation(ref, "buyer-hanoi", 900, lot, 1_000))))
                .post("/stock/reservation-batches").then().statusCode(200)
                .body("results.status", contains(201, 200));
        assertEquals(4_000, stock(db, lot).available());
    }

    @Test
    void confirmationBatchConfirmsHeldReservationsInOneCallAndReportsEachOutcome() throws InterruptedException {
        long lot = freshLot(10_000);
        long other = freshLot(5_000);
        String a = unique("o");
        String b = unique("o");
        String released = unique("o");
        String already = unique("o");
        String late = unique("o");
        reserve(a, "buyer-hanoi", lot, 2_000).then().statusCode(201);
        reserve(b, "buyer-hcm", other, 1_000).then().statusCode(201);
        reserve(released, "buyer-hcm", lot, 1_000).then().statusCode(201);
        asService().delete("/stock/reservations/" + released).then().statusCode(204);
        reserve(already, "buyer-us", lot, 500).then().statusCode(201);
        asService().post("/stock/reservations/" + already + "/confirm").then().statusCode(200);
        asService().body(reservation(late, "buyer-au", 1, lot, 1_500)).post("/stock/reservations").then()
                .statusCode(201);
        Thread.sleep(1_050);

        asService().body(Map.of("orderRefs", List.of(a, b, released, "no-such-order", already, late, a)))
                .post("/stock/confirmations").then().statusCode(200)
                .body("results.orderRef", contains(a, b, released, "no-such-order", already, late, a))
                .body("results.status", contains(200, 200, 409, 404, 200, 200, 200))
                .body("results.reservationStatus",
                        contains("CONFIRMED", "CONFIRMED", "RELEASED", null, "CONFIRMED", "CONFIRMED", "CONFIRMED"))
                .body("results[2].problem.status", equalTo(409), "results[3].problem.status", equalTo(404),
                        "results[0].problem", nullValue());
        // a, already and late (past its time, its grams still there) confirmed; released is never revived
        assertEquals(new Fixtures.Stock(10_000, 6_000, 0, 4_000), stock(db, lot));
        assertEquals(new Fixtures.Stock(5_000, 4_000, 0, 1_000), stock(db, other));
        // confirming again changes nothing
        asService().body(Map.of("orderRefs", List.of(a, b, late))).post("/stock/confirmations").then().statusCode(200)
                .body("results.status", contains(200, 200, 200));
        assertEquals(new Fixtures.Stock(10_000, 6_000, 0, 4_000), stock(db, lot));
    }

    @Test
    void confirmationBatchRefusesBadInputAndNonServices() {
        asService().body(Map.of("orderRefs", List.of())).post("/stock/confirmations").then().statusCode(400)
                .contentType("application/problem+json");
        asService().body(Map.of("orderRefs", List.of(" "))).post("/stock/confirmations").then().statusCode(400);
        given().contentType("application/json").body(Map.of("orderRefs", List.of("o-1")))
                .post("/stock/confirmations").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Roles.BUYER, "buyer-hanoi")).contentType("application/json")
                .body(Map.of("orderRefs", List.of("o-1"))).post("/stock/confirmations").then().statusCode(403);
    }
}
