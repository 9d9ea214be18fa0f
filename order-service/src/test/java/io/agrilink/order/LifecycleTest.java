package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.packAll;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.shipmentEvent;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInRelativeOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LifecycleTest {

    @Inject
    CatalogDouble catalog;

    @Test
    void orderMovesFromPlacementToDeliveryWithItsAuditTrail() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        long id = placed(buyer, cod(lot, 1_000));
        packAll("farmer-lan", id, 1_010).then().statusCode(200).body("status", equalTo("READY_FOR_PICKUP"),
                "lines[0].packedGrams", equalTo(1_010));
        shipmentEvent(id, UUID.randomUUID().toString(), "ASSIGNED").then().statusCode(200)
                .body("status", equalTo("READY_FOR_PICKUP"), "applied", equalTo(true));
        shipmentEvent(id, UUID.randomUUID().toString(), "PICKED_UP").then().statusCode(200)
                .body("status", equalTo("HANDED_OVER"));
        shipmentEvent(id, UUID.randomUUID().toString(), "IN_TRANSIT").then().statusCode(200)
                .body("status", equalTo("IN_TRANSIT"));
        shipmentEvent(id, UUID.randomUUID().toString(), "OUT_FOR_DELIVERY").then().statusCode(200)
                .body("status", equalTo("IN_TRANSIT"));
        shipmentEvent(id, UUID.randomUUID().toString(), "DELIVERED").then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id + "/history").then().statusCode(200)
                .body("action", containsInRelativeOrder("PLACED", "CONFIRMED", "LINE_PACKED", "READY_FOR_PICKUP",
                        "SHIPMENT_ASSIGNED", "SHIPMENT_PICKED_UP", "SHIPMENT_IN_TRANSIT",
                        "SHIPMENT_OUT_FOR_DELIVERY", "SHIPMENT_DELIVERED"),
                        "[0].actor", equalTo(buyer), "[2].actor", equalTo("farmer-lan"));
    }

    @Test
    void repeatedShipmentEventHasNoEffect() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        long id = placed(unique("buyer"), cod(lot, 1_000));
        packAll("farmer-lan", id, 1_000).then().statusCode(200);
        String eventId = UUID.randomUUID().toString();
        shipmentEvent(id, eventId, "PICKED_UP").then().statusCode(200).body("applied", equalTo(true));
        shipmentEvent(id, eventId, "PICKED_UP").then().statusCode(200).body("applied", equalTo(false),
                "status", equalTo("HANDED_OVER"));
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).get("/orders/" + id + "/history").then()
                .body("findAll { it.action == 'SHIPMENT_PICKED_UP' }.size()", equalTo(1));
    }

    @Test
    void backwardShipmentStepIsRefused() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        long id = placed(unique("buyer"), cod(lot, 1_000));
        packAll("farmer-lan", id, 1_000).then().statusCode(200);
        shipmentEvent(id, UUID.randomUUID().toString(), "IN_TRANSIT").then().statusCode(200);
        shipmentEvent(id, UUID.randomUUID().toString(), "PICKED_UP").then().statusCode(409)
                .contentType("application/problem+json");
        shipmentEvent(id, UUID.randomUUID().toString(), "DELIVERED").then().statusCode(200);
        shipmentEvent(id, UUID.randomUUID().toString(), "IN_TRANSIT").then().statusCode(409);
    }

    @Test
    void shipmentEventForUnknownOrderOrOrderNotHandedToLogisticsIsRefused() {
        shipmentEvent(987_654_321L, UUID.randomUUID().toString(), "PICKED_UP").then().statusCode(404)
                .contentType("application/problem+json");
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        long id = placed(unique("buyer"), cod(lot, 1_000));
        shipmentEvent(id, UUID.randomUUID().toString(), "PICKED_UP").then().statusCode(409);
        given().auth().oauth2(Tokens.of(Roles.SERVICE, "logistics-service")).contentType("application/json")
                .body(Map.of("eventId", "x", "status", "TELEPORTED")).post("/orders/" + id + "/shipment-events")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.of(Roles.BUYER, "someone")).contentType("application/json")
                .body(Map.of("eventId", "x", "status", "DELIVERED")).post("/orders/" + id + "/shipment-events")
                .then().statusCode(403);
    }

    @Test
    void invalidTransitionsAreConflicts() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        String staff = Tokens.of(Roles.STAFF, "staff-hoa");
        // a bank-transfer order cannot be packed before it is paid
        long unpaid = placed(buyer, order(lot, 1_000, "BANK_TRANSFER", hanoi("Ngô Thị Thu")));
        packAll("farmer-lan", unpaid, 1_000).then().statusCode(409).body("status", equalTo(409));
        // a cash-on-delivery order is not "paid" by staff
        long cashOnDelivery = placed(buyer, cod(lot, 1_000));
        given().auth().oauth2(staff).contentType("application/json").body("{}")
                .post("/orders/" + cashOnDelivery + "/payment").then().statusCode(409);
        // packed twice
        packAll("farmer-lan", cashOnDelivery, 1_000).then().statusCode(200);
        packAll("farmer-lan", cashOnDelivery, 1_000).then().statusCode(409);
        // once the carrier has it, neither the buyer nor staff cancel: the shipment goes on
        shipmentEvent(cashOnDelivery, UUID.randomUUID().toString(), "PICKED_UP").then().statusCode(200);
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json").body("{}")
                .post("/orders/" + cashOnDelivery + "/cancel").then().statusCode(409);
        given().auth().oauth2(staff).contentType("application/json").body(Map.of("reason", "hàng hỏng"))
                .post("/orders/" + cashOnDelivery + "/cancel").then().statusCode(409)
                .body("orderStatus", equalTo("HANDED_OVER"));
        // nothing moves a cancelled order
        long cancelled = placed(buyer, cod(lot, 1_000));
        given().auth().oauth2(staff).contentType("application/json").body(Map.of("reason", "khách đổi ý"))
                .post("/orders/" + cancelled + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(staff).contentType("application/json").body("{}")
                .post("/orders/" + cancelled + "/cancel").then().statusCode(409);
        shipmentEvent(cancelled, UUID.randomUUID().toString(), "DELIVERED").then().statusCode(409);
    }
}
