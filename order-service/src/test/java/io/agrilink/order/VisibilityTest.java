package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Buyers see their own orders, farmers the lines of their products, staff everything. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class VisibilityTest {

    @Inject
    CatalogDouble catalog;

    @Test
    void buyerCannotReadAnotherBuyersOrder() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String alice = unique("buyer-alice");
        String bob = unique("buyer-bob");
        long aliceOrder = placed(alice, cod(lot, 1_000));
        long bobOrder = placed(bob, cod(lot, 1_000));
        given().auth().oauth2(Tokens.of(Roles.BUYER, bob)).get("/orders/" + aliceOrder).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Roles.BUYER, bob)).get("/orders/" + aliceOrder + "/history").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.of(Roles.BUYER, bob)).contentType("application/json").body("{}")
                .post("/orders/" + aliceOrder + "/cancel").then().statusCode(404);
        given().auth().oauth2(Tokens.of(Roles.BUYER, bob)).get("/orders").then().statusCode(200)
                .body("total", equalTo(1), "items.id", everyItem(equalTo((int) bobOrder)));
        given().auth().oauth2(Tokens.of(Roles.BUYER, alice)).get("/orders/" + aliceOrder).then().statusCode(200);
        given().auth().oauth2(Tokens.of(Roles.BUYER, alice)).get("/orders?status=CONFIRMED").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(Tokens.of(Roles.BUYER, alice)).get("/orders?status=SHIPPED").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).get("/orders?buyer=" + alice).then()
                .statusCode(200).body("total", equalTo(1), "items[0].id", equalTo((int) aliceOrder));
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).urlEncodingEnabled(false).get("/orders?buyer=a%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("buyer"));
        given().auth().oauth2(Tokens.of(Roles.CARRIER, "carrier-x")).get("/orders/" + aliceOrder).then()
                .statusCode(403);
    }

    @Test
    void farmersSeeOnlyTheLinesOfTheirProducts() {
        String lan = unique("farmer-lan");
        String minh = unique("farmer-minh");
        long lanLot = catalog.addLot(10_000, 150_000, null, lan);
        long minhLot = catalog.addLot(10_000, 90_000, null, minh);
        String buyer = unique("buyer");
        long mixed = placed(buyer, Map.of("lines", List.of(Map.of("lotId", lanLot, "grams", 2_000),
                Map.of("lotId", minhLot, "grams", 3_000)), "delivery", OrderFixtures.hanoi("Bùi Văn Tú"), "payment",
                "CASH_ON_DELIVERY"));
        long lanOnly = placed(buyer, cod(lanLot, 1_500));

        given().auth().oauth2(Tokens.of(Roles.FARMER, lan)).get("/packing-list").then().statusCode(200)
                .body("farmer", equalTo(lan), "total", equalTo(2), "totalGrams", equalTo(3_500),
                        "items.lotId", everyItem(equalTo((int) lanLot)), "items.orderId", hasItem((int) lanOnly));
        given().auth().oauth2(Tokens.of(Roles.FARMER, minh)).get("/packing-list").then().statusCode(200)
                .body("total", equalTo(1), "totalGrams", equalTo(3_000), "items[0].lotId", equalTo((int) minhLot),
                        "items.orderId", not(hasItem((int) lanOnly)));
        given().auth().oauth2(Tokens.of(Roles.FARMER, minh)).get("/packing-list?date=2020-01-01").then()
                .statusCode(200).body("total", equalTo(0));
        // a farmer reads an order with their lines, but not another farmer's order
        given().auth().oauth2(Tokens.of(Roles.FARMER, minh)).get("/orders/" + mixed).then().statusCode(200);
        given().auth().oauth2(Tokens.of(Roles.FARMER, minh)).get("/orders/" + lanOnly).then().statusCode(404);
        // and packs only their own lines
        given().auth().oauth2(Tokens.of(Roles.FARMER, minh)).contentType("application/json")
                .body(Map.of("lines", List.of(Map.of("lineId", lineOf(mixed, lanLot), "packedGrams", 2_000))))
                .post("/orders/" + mixed + "/packing").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.FARMER, minh)).contentType("application/json")
                .body(Map.of("lines", List.of(Map.of("lineId", lineOf(mixed, minhLot), "packedGrams", 3_020))))
                .post("/orders/" + mixed + "/packing").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        given().auth().oauth2(Tokens.of(Roles.FARMER, lan)).contentType("application/json")
                .body(Map.of("lines", List.of(Map.of("lineId", lineOf(mixed, lanLot), "packedGrams", 1_990))))
                .post("/orders/" + mixed + "/packing").then().statusCode(200)
                .body("status", equalTo("READY_FOR_PICKUP"));
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).get("/packing-list").then().statusCode(400);
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).get("/packing-list?farmer=" + minh).then()
                .statusCode(200).body("items[0].packedGrams", equalTo(3_020));
    }

    private static int lineOf(long orderId, long lotId) {
        List<Map<String, Object>> lines = given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa"))
                .get("/orders/" + orderId).then().extract().jsonPath().getList("lines");
        return lines.stream().filter(l -> ((Number) l.get("lotId")).longValue() == lotId)
                .map(l -> ((Number) l.get("id")).intValue()).findFirst().orElseThrow();
    }
}
