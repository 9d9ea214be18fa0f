package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.carrier;
import static io.agrilink.logistics.Fixtures.createShipment;
import static io.agrilink.logistics.Fixtures.handoff;
import static io.agrilink.logistics.Fixtures.registerCarrier;
import static io.agrilink.logistics.Fixtures.service;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.step;
import static io.agrilink.logistics.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.logistics.Fixtures.CarrierRef;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Shipments taken back before pickup, by staff or because the order was cancelled, and refused after. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CancellationTest {

    /** A province no other test picks up in, so the open list holds only this test's shipments. */
    private static final String PROVINCE = "Cà Mau";

    @Test
    void staffCancelAnOpenShipmentItIsNoLongerOfferedAndOrderServiceHearsIt() {
        CarrierRef carrier = carrierInCaMau();
        long id = createShipment(inCaMau(unique()));
        carrier(carrier.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));

        staff().body(Map.of("reason", "đơn trùng")).post("/shipments/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"), "allowedNext", equalTo(List.of()));

        carrier(carrier.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("cancelled"));
        staff().get("/shipments/" + id + "/tracking").then().statusCode(200)
                .body("events.status", equalTo(List.of("CANCELLED")), "events[0].actor", equalTo("staff-hoa"),
                        "events[0].note", containsString("đơn trùng"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> OrderServiceDouble.appliedFor(id).stream()
                .anyMatch(r -> "CANCELLED".equals(r.event().status())));
    }

    @Test
    void theCarrierWhoAcceptedSeesTheShipmentCancelledAndCannotPickItUp() {
        CarrierRef carrier = carrierInCaMau();
        long id = createShipment(inCaMau(unique()));
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);

        staff().body(Map.of("reason", "nông dân báo mất mùa")).post("/shipments/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));

        carrier(carrier.subject()).get("/shipments/mine?status=CANCELLED&size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        carrier(carrier.subject()).body(Map.of("status", "PICKED_UP")).post("/shipments/" + id + "/events").then()
                .statusCode(409);
    }

    @Test
    void aShipmentPickedUpCannotBeCancelled() {
        CarrierRef carrier = carrierInCaMau();
        long id = createShipment(inCaMau(unique()));
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
        step(carrier, id, Map.of("status", "PICKED_UP"));

        staff().body(Map.of("reason", "khách đổi ý")).post("/shipments/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("PICKED_UP"));
        staff().get("/shipments/" + id).then().body("status", equalTo("PICKED_UP"));
    }

    @Test
    void cancellingNeedsStaffAndAReason() {
        CarrierRef carrier = carrierInCaMau();
        long id = createShipment(inCaMau(unique()));
        staff().body(Map.of()).post("/shipments/" + id + "/cancel").then().statusCode(400)
                .body("violations.field", hasItem(containsString("reason")));
        carrier(carrier.subject()).body(Map.of("reason", "x")).post("/shipments/" + id + "/cancel").then()
                .statusCode(403);
        staff().body(Map.of("reason", "x")).post("/shipments/987654321/cancel").then().statusCode(404);
        Fixtures.as(Roles.STAFF, "staff-hoa").body(Map.of("orderId", 1)).post("/shipments/withdrawals").then()
                .statusCode(403);
    }

    @Test
    void orderServiceWithdrawsAShipmentOnceHoweverOftenItAsks() {
        long orderId = unique();
        long id = createShipment(inCaMau(orderId));
        for (int i = 0; i < 3; i++) {
            service().body(Map.of("orderId", orderId, "reason", "buyer cancelled")).post("/shipments/withdrawals")
                    .then().statusCode(200).body("shipmentId", equalTo((int) id), "status", equalTo("CANCELLED"));
        }
        staff().get("/shipments/" + id + "/tracking").then().statusCode(200)
                .body("events.status", equalTo(List.of("CANCELLED")), "events[0].actor", equalTo("order-service"));
    }

    @Test
    void aHandoffArrivingAfterItsWithdrawalIsRefused() {
        long orderId = unique();
        service().body(Map.of("orderId", orderId)).post("/shipments/withdrawals").then().statusCode(200)
                .body("shipmentId", nullValue());
        service().body(inCaMau(orderId)).post("/shipments").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("withdrawn"));
        staff().get("/shipments/by-order/" + orderId).then().statusCode(404);
    }

    @Test
    void aWithdrawalAfterPickupIsRefused() {
        CarrierRef carrier = carrierInCaMau();
        long orderId = unique();
        long id = createShipment(inCaMau(orderId));
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
        step(carrier, id, Map.of("status", "PICKED_UP"));
        service().body(Map.of("orderId", orderId)).post("/shipments/withdrawals").then().statusCode(409)
                .body("currentStatus", equalTo("PICKED_UP"));
    }

    @Test
    void aWithdrawalRacingThePickupEndsOneWayOnly() throws Exception {
        CarrierRef carrier = carrierInCaMau();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                long orderId = unique();
                long id = createShipment(inCaMau(orderId));
                carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
                CountDownLatch start = new CountDownLatch(1);
                Future<Response> pickup = pool.submit(() -> {
                    start.await();
                    return carrier(carrier.subject()).body(Map.of("status", "PICKED_UP"))
                            .post("/shipments/" + id + "/events");
                });
                Future<Response> withdrawal = pool.submit(() -> {
                    start.await();
                    return service().body(Map.of("orderId", orderId)).post("/shipments/withdrawals");
                });
                start.countDown();
                int picked = pickup.get().statusCode();
                int withdrawn = withdrawal.get().statusCode();
                String status = staff().get("/shipments/" + id).then().statusCode(200).extract().path("status");
                List<Integer> answers = new ArrayList<>(List.of(picked, withdrawn));
                assertTrue(answers.equals(List.of(200, 409)) || answers.equals(List.of(409, 200)),
                        "pickup " + picked + ", withdrawal " + withdrawn);
                assertEquals(picked == 200 ? "PICKED_UP" : "CANCELLED", status);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static CarrierRef carrierInCaMau() {
        return registerCarrier("carrier-camau", List.of(PROVINCE), List.of("COLD_CHAIN"), 1000);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inCaMau(long orderId) {
        Map<String, Object> body = handoff(orderId, "VN");
        ((Map<String, Object>) body.get("pickup")).put("province", PROVINCE);
        return body;
    }
}
