package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.packAll;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.doubles.LogisticsDouble;
import io.agrilink.order.outbox.OutboxKinds;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.OutboxShape;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** order-service's outbox is the platform's: its one table shape, and staff's way out of a refusal for good. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OutboxTest {

    private static final String STAFF = Tokens.of(Roles.STAFF, "staff-hoa");

    @Inject
    CatalogDouble catalog;

    @Inject
    LogisticsDouble logistics;

    @Inject
    OutboxRows rows;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theMigrationsGiveTheOutboxThePlatformsShape() throws Exception {
        OutboxShape.check(dataSource);
    }

    @Test
    void aHandoffRefusedForGoodWaitsForStaffAndIsDeliveredOnceWhenRedriven() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        long id = placed(buyer, cod(lot, 1_000));
        logistics.refuseHandoffs(id, 422);
        packAll("farmer-lan", id, 1_000).then().statusCode(200);

        // refused for good: not retried, listed for staff, and the order's history says so
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> rows.of(OutboxKinds.CREATE_SHIPMENT, id).failedAt() != null);
        long message = rows.of(OutboxKinds.CREATE_SHIPMENT, id).id();
        given().auth().oauth2(STAFF).get("/outbox/failed").then().statusCode(200)
                .body("find { it.id == " + message + " }.subject", equalTo(Long.toString(id)),
                        "find { it.id == " + message + " }.kind", equalTo(OutboxKinds.CREATE_SHIPMENT),
                        "find { it.id == " + message + " }.lastError", startsWith("HTTP 422"));
        given().auth().oauth2(STAFF).get("/outbox").then().statusCode(200)
                .body("kind", hasItems(OutboxKinds.CREATE_SHIPMENT, OutboxKinds.WITHDRAW_SHIPMENT,
                        OutboxKinds.CONFIRM_RESERVATION, OutboxKinds.RELEASE_RESERVATION));
        history(id).body("action", hasItem("CREATE_SHIPMENT_FAILED"));
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertEquals(1, logistics.refused(id), "a refusal for good is not retried");

        // logistics-service is fixed; staff re-drive the message, which is then delivered once
        logistics.acceptHandoffs(id);
        given().auth().oauth2(STAFF).contentType("application/json")
                .body(Map.of("reason", "logistics fixed the district table")).post("/outbox/" + message + "/redrive")
                .then().statusCode(200).body("state", equalTo("PENDING"), "actions[0].action", equalTo("REDRIVEN"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> logistics.created(id) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> history(id)
                .body("action", hasItem("SHIPMENT_CREATED")));
        Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertEquals(1, logistics.created(id));
        assertEquals(1, logistics.answeredOk(id), "delivered exactly once");
        given().auth().oauth2(STAFF).get("/outbox/" + message).then().statusCode(200)
                .body("state", equalTo("DELIVERED"), "actions.action", equalTo(java.util.List.of("REDRIVEN")),
                        "actions[0].actor", equalTo("staff-hoa"));
        given().auth().oauth2(STAFF).get("/orders/" + id).then().statusCode(200)
                .body("shipmentId", equalTo(logistics.shipmentOf(id).intValue()));
    }

    @Test
    void onlyStaffSeeTheOutbox() {
        given().get("/outbox").then().statusCode(401);
        given().get("/outbox/failed").then().statusCode(401);
        given().auth().oauth2(Tokens.of(Roles.BUYER, "buyer-an")).get("/outbox").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.FARMER, "farmer-lan")).get("/outbox/failed").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.BUYER, "buyer-an")).contentType("application/json")
                .body(Map.of("reason", "let me in")).post("/outbox/1/redrive").then().statusCode(403);
        given().auth().oauth2(STAFF).get("/outbox").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse history(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id + "/history").then().statusCode(200);
    }
}
