package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.packAll;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.shipmentEvent;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInRelativeOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.doubles.LogisticsDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A cancelled order and its shipment in logistics-service never disagree. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CancellationTest {

    private static final String STAFF = Tokens.of(Roles.STAFF, "staff-hoa");

    @Inject
    CatalogDouble catalog;

    @Inject
    LogisticsDouble logistics;

    @Test
    void cancelAfterTheHandoffWithdrawsTheShipmentThenCancelsTheOrder() {
        String buyer = unique("buyer");
        long id = handedOver(buyer);

        cancel(Tokens.of(Roles.BUYER, buyer), id).then().statusCode(200).body("status", equalTo("CANCELLING"));

        awaitStatus(id, "CANCELLED");
        assertTrue(logistics.withdrawn(id), "logistics-service was asked to withdraw the shipment");
        assertEquals(1, logistics.withdrawals(id));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> catalog.releases().contains(orderRef(id)));
        history(id).body("action", containsInRelativeOrder("SHIPMENT_CREATED", "CANCEL_REQUESTED", "CANCELLED"),
                "toStatus", containsInRelativeOrder("CANCELLING", "CANCELLED"));
    }

    @Test
    void aCancelTheCarrierBeatLeavesTheOrderOnItsWayAndItsStockHeld() {
        String buyer = unique("buyer");
        long id = handedOver(buyer);
        logistics.pickedUp(id);

        cancel(Tokens.of(Roles.BUYER, buyer), id).then().statusCode(200).body("status", equalTo("CANCELLING"));

        awaitStatus(id, "READY_FOR_PICKUP");
        history(id).body("action", hasItem("CANCEL_REFUSED"));
        shipmentEvent(id, UUID.randomUUID().toString(), "PICKED_UP").then().statusCode(200)
                .body("status", equalTo("HANDED_OVER"));
        assertFalse(catalog.releases().contains(orderRef(id)), "the stock left with the carrier is not released");
    }

    @Test
    void aCancelDuringALogisticsOutageWaitsAndTheHandoffNeverHappens() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        long id = placed(buyer, cod(lot, 1_000));
        logistics.down(true);
        try {
            packAll("farmer-lan", id, 1_000).then().statusCode(200);
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> logistics.refusedWhileDown(id) >= 1);
            cancel(Tokens.of(Roles.BUYER, buyer), id).then().statusCode(200).body("status", equalTo("CANCELLING"));
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
            assertEquals("CANCELLING", status(id), "not cancelled before logistics-service answers");
        } finally {
            logistics.down(false);
        }
        awaitStatus(id, "CANCELLED");
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertEquals(0, logistics.created(id), "no shipment is created after the cancel");
        history(id).body("action", not(hasItem("CREATE_SHIPMENT_FAILED")));
    }

    @Test
    void onceTheCarrierPickedUpNobodyCancels() {
        String buyer = unique("buyer");
        long id = handedOver(buyer);
        shipmentEvent(id, UUID.randomUUID().toString(), "PICKED_UP").then().statusCode(200);

        cancel(Tokens.of(Roles.BUYER, buyer), id).then().statusCode(409).contentType("application/problem+json");
        cancel(STAFF, id).then().statusCode(409).contentType("application/problem+json")
                .body("orderStatus", equalTo("HANDED_OVER"));
        assertEquals("HANDED_OVER", status(id));
        assertEquals(0, logistics.withdrawals(id));
    }

    @Test
    void aShipmentCancelledInLogisticsCancelsTheOrderOnce() {
        long id = handedOver(unique("buyer"));
        String eventId = UUID.randomUUID().toString();

        shipmentEvent(id, eventId, "CANCELLED").then().statusCode(200)
                .body("status", equalTo("CANCELLED"), "applied", equalTo(true));
        shipmentEvent(id, eventId, "CANCELLED").then().statusCode(200).body("applied", equalTo(false));

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> catalog.releases().contains(orderRef(id)));
        history(id).body("findAll { it.action == 'SHIPMENT_CANCELLED' }.size()", equalTo(1));
        shipmentEvent(id, UUID.randomUUID().toString(), "PICKED_UP").then().statusCode(409);
    }

    @Test
    void aCancelBeforeTheHandoffIsImmediateAndNothingReachesLogistics() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        long id = placed(buyer, cod(lot, 1_000));
        cancel(Tokens.of(Roles.BUYER, buyer), id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        packAll("farmer-lan", id, 1_000).then().statusCode(409);
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertEquals(0, logistics.created(id));
        assertEquals(0, logistics.withdrawals(id));
    }

    /** A cash-on-delivery order, packed and handed to logistics-service. */
    private long handedOver(String buyer) {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        long id = placed(buyer, cod(lot, 1_000));
        packAll("farmer-lan", id, 1_000).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> logistics.created(id) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> history(id)
                .body("action", hasItem("SHIPMENT_CREATED")));
        return id;
    }

    private static Response cancel(String token, long id) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("reason", "đổi ý"))
                .post("/orders/" + id + "/cancel");
    }

    private static String status(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id).then().statusCode(200).extract().path("status");
    }

    private static void awaitStatus(long id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(status, status(id)));
    }

    private static String orderRef(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id).then().statusCode(200).extract().path("orderRef");
    }

    private static io.restassured.response.ValidatableResponse history(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id + "/history").then().statusCode(200);
    }
}
