package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.packAll;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.doubles.LogisticsDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Packed orders reach logistics-service through the outbox, exactly once, even across an outage. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class HandoffTest {

    @Inject
    CatalogDouble catalog;

    @Inject
    LogisticsDouble logistics;

    @Test
    void everyPackedOrderIsHandedOverExactlyOnceAcrossALogisticsOutage() {
        long lot = catalog.addLot(100_000, 150_000, 9L, "farmer-lan");
        List<Long> orders = new ArrayList<>();
        logistics.down(true);
        try {
            for (int i = 0; i < 5; i++) {
                long id = placed(unique("buyer"), order(lot, 2_000, i % 2 == 0 ? "CASH_ON_DELIVERY" : "BANK_TRANSFER",
                        i == 3 ? OrderFixtures.abroad("JP", "100-0001") : OrderFixtures.hanoi("Vũ Thị Lan")));
                if (i % 2 == 1) {
                    given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).contentType("application/json")
                            .body("{}").post("/orders/" + id + "/payment").then().statusCode(200);
                }
                packAll("farmer-lan", id, 1_980).then().statusCode(200).body("status", equalTo("READY_FOR_PICKUP"));
                orders.add(id);
            }
            // the outbox keeps trying while logistics-service is down
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> orders.stream().allMatch(id -> logistics.refusedWhileDown(id) >= 2));
            orders.forEach(id -> assertEquals(0, logistics.created(id)));
        } finally {
            logistics.down(false);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.stream().allMatch(id -> logistics.created(id) == 1));
        // and nothing more arrives once they are delivered
        Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        for (long id : orders) {
            assertEquals(1, logistics.created(id), "one shipment for order " + id);
            assertEquals(1, logistics.answeredOk(id), "the outbox stopped after the handoff of order " + id);
            given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).get("/orders/" + id).then()
                    .body("shipmentId", equalTo(logistics.shipmentOf(id).intValue()));
            given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).get("/orders/" + id + "/history").then()
                    .body("action", hasItem("SHIPMENT_CREATED"));
        }
    }

    @Test
    void shipmentFollowsTheContract() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        long id = placed(unique("buyer"), order(lot, 3_000, "CASH_ON_DELIVERY", OrderFixtures.hanoi("Hoàng Văn Nam")));
        packAll("farmer-lan", id, 2_950).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> logistics.created(id) == 1);
        JsonNode shipment = logistics.payload(id);
        assertNotNull(shipment);
        assertEquals(id, shipment.get("orderId").asLong());
        assertTrue(shipment.get("orderRef").asText().startsWith("o-"));
        assertEquals("Bắc Ninh", shipment.at("/pickup/province").asText());
        assertEquals("VN", shipment.at("/destination/country").asText());
        assertEquals("Hà Nội", shipment.at("/destination/province").asText());
        assertEquals(2_950, shipment.at("/parcels/0/grams").asLong());
        assertEquals(450_000, shipment.get("codAmount").asLong());
        assertEquals(2, shipment.at("/coldChain/minCelsius").asInt());
        assertEquals(5, shipment.at("/coldChain/maxCelsius").asInt());
        assertTrue(shipment.hasNonNull("deliverBy"));
    }

    @Test
    void buyerLearnsTheDeliveryCodeAndTheFarmerDoesNot() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        long id = placed(buyer, order(lot, 2_000, "CASH_ON_DELIVERY", OrderFixtures.hanoi("Đỗ Thị Hạnh")));
        packAll("farmer-lan", id, 2_000).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> logistics.created(id) == 1);

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id).then().statusCode(200)
                .body("deliveryCode", org.hamcrest.Matchers.matchesPattern("\\d{6}")));
        given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-lan")).get("/orders/" + id).then().statusCode(200)
                .body("deliveryCode", org.hamcrest.Matchers.nullValue());
    }
}
