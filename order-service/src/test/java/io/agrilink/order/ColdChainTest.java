package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.place;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.doubles.LogisticsDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.Tokens;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An order is placed only if one shipment can carry it: its cold-chain lines share a temperature
 * range, within what logistics-service carries; and it is collected at every producer of its lines.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ColdChainTest {

    @Inject
    CatalogDouble catalog;

    @Inject
    LogisticsDouble logistics;

    @Test
    void linesWhoseTemperatureRangesDoNotOverlapAreRefusedAtPlacementNamingThem() {
        long lychee = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        long banana = catalog.addLot(10_000, 40_000, null, "farmer-lan");
        catalog.keptAt(banana, 13, 15);
        String buyer = unique("buyer");

        place(buyer, UUID.randomUUID().toString(), twoLines(lychee, banana)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("lines[0].lotId", "lines[1].lotId")),
                        "detail", containsString("one cold chain"));

        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders").then().body("total", equalTo(0));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(10_000, catalog.gramsLeft(lychee), "lychee stock given back");
            assertEquals(10_000, catalog.gramsLeft(banana), "banana stock given back");
        });
    }

    @Test
    void aRangeLogisticsCannotKeepIsRefusedAtPlacement() {
        long frozen = catalog.addLot(10_000, 90_000, null, "farmer-lan");
        catalog.keptAt(frozen, -35, -25);
        place(unique("buyer"), UUID.randomUUID().toString(), OrderFixtures.cod(frozen, 1_000)).then().statusCode(422)
                .body("violations.field", equalTo(List.of("lines[0].lotId")),
                        "detail", containsString("between -30 and 30"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> catalog.gramsLeft(frozen) == 10_000);
    }

    @Test
    void overlappingRangesShipTogetherInTheRangeTheyShare() {
        long lychee = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        long longan = catalog.addLot(10_000, 90_000, null, "farmer-lan");
        catalog.keptAt(lychee, 2, 8);
        catalog.keptAt(longan, 4, 10);
        long id = placed(unique("buyer"), twoLines(lychee, longan));
        packAsStaff(id);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> logistics.created(id) == 1);
        JsonNode shipment = logistics.payload(id);
        assertEquals(4, shipment.at("/coldChain/minCelsius").asInt());
        assertEquals(8, shipment.at("/coldChain/maxCelsius").asInt());
    }

    @Test
    void anOrderFromTwoProducersIsCollectedAtBoth() {
        long lychee = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        long avocado = catalog.addLot(10_000, 60_000, null, "farmer-minh");
        catalog.producedIn(avocado, "Lâm Đồng");
        long id = placed(unique("buyer"), twoLines(lychee, avocado));
        packAsStaff(id);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> logistics.created(id) == 1);

        JsonNode shipment = logistics.payload(id);
        assertEquals("Bắc Ninh", shipment.at("/pickup/province").asText());
        assertEquals(2, shipment.get("parcels").size());
        assertEquals(lychee + 500, shipment.at("/parcels/0/pickup/producerId").asLong());
        assertEquals("Bắc Ninh", shipment.at("/parcels/0/pickup/province").asText());
        assertEquals(avocado + 500, shipment.at("/parcels/1/pickup/producerId").asLong());
        assertEquals("Lâm Đồng", shipment.at("/parcels/1/pickup/province").asText());
        given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-minh")).get("/orders/" + id).then().statusCode(200)
                .body("lines", hasSize(2), "lines.producerId", hasItem((int) (avocado + 500)));
    }

    private static Map<String, Object> twoLines(long firstLot, long secondLot) {
        return Map.of("lines", List.of(Map.of("lotId", firstLot, "grams", 1_000), Map.of("lotId", secondLot, "grams", 2_000)),
                "delivery", hanoi("Trần Thị Mai"), "payment", "CASH_ON_DELIVERY");
    }

    private static void packAsStaff(long orderId) {
        String staff = Tokens.of(Roles.STAFF, "staff-hoa");
        List<Integer> lineIds = given().auth().oauth2(staff).get("/orders/" + orderId).then().statusCode(200)
                .extract().jsonPath().getList("lines.id");
        given().auth().oauth2(staff).contentType("application/json")
                .body(Map.of("lines", lineIds.stream().map(l -> Map.of("lineId", l, "packedGrams", 1_000)).toList()))
                .post("/orders/" + orderId + "/packing").then().statusCode(200).body("status", equalTo("READY_FOR_PICKUP"));
    }
}
