package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.carrier;
import static io.agrilink.logistics.Fixtures.createShipment;
import static io.agrilink.logistics.Fixtures.handoff;
import static io.agrilink.logistics.Fixtures.registerCarrier;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.agrilink.logistics.Fixtures.CarrierRef;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TenderingTest {

    private static final List<String> BAC_NINH = List.of("Bắc Ninh");

    @Test
    void twentyCarriersRaceForOneShipmentAndExactlyOneWins() throws Exception {
        int racers = 20;
        List<CarrierRef> carriers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            carriers.add(registerCarrier("carrier-race", BAC_NINH, List.of("COLD_CHAIN"), 100));
        }
        long id = Fixtures.shipment();
        carrier(carriers.get(0).subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (CarrierRef c : carriers) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return carrier(c.subject()).post("/shipments/" + id + "/accept");
                }));
            }
            start.countDown();
            int won = 0;
            int refused = 0;
            String winner = null;
            for (int i = 0; i < racers; i++) {
                Response r = answers.get(i).get();
                if (r.statusCode() == 200) {
                    won++;
                    winner = carriers.get(i).subject();
                    assertEquals(carriers.get(i).id(), r.jsonPath().getLong("carrierId"));
                } else if (r.statusCode() == 409) {
                    refused++;
                    assertEquals("application/problem+json", r.contentType());
                    assertEquals(409, r.jsonPath().getInt("status"));
                }
            }
            assertEquals(1, won, "exactly one carrier wins");
            assertEquals(racers - 1, refused, "every other carrier gets a clear 409");

            carrier(winner).get("/shipments/" + id + "/tracking").then().statusCode(200)
                    .body("events.status", equalTo(List.of("ASSIGNED")));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, OutboxRows.about(id).size(), "one ASSIGNED event for order-service");
    }

    @Test
    void openListMatchesProvinceAndCapabilities() {
        long cold = Fixtures.shipment();
        Map<String, Object> ambientBody = handoff(unique(), "VN");
        ambientBody.put("coldChain", null);
        long ambient = createShipment(ambientBody);
        long export = createShipment(handoff(unique(), "US"));
        Map<String, Object> codBody = handoff(unique(), "VN");
        codBody.put("codAmount", 350_000);
        long cod = createShipment(codBody);

        CarrierRef coldOnly = registerCarrier("carrier-cold", List.of("Bắc Giang"), List.of("COLD_CHAIN"), 50);
        carrier(coldOnly.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) cold), "items.id", hasItem((int) ambient),
                        "items.id", not(hasItem((int) export)), "items.id", not(hasItem((int) cod)));

        CarrierRef plain = registerCarrier("carrier-plain", BAC_NINH, List.of(), 50);
        carrier(plain.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) ambient), "items.id", not(hasItem((int) cold)));

        CarrierRef elsewhere = registerCarrier("carrier-south", List.of("Hồ Chí Minh"),
                List.of("COLD_CHAIN", "EXPORT", "COD_COLLECTION"), 50);
        carrier(elsewhere.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) cold)), "items.id", not(hasItem((int) export)));

        CarrierRef forwarder = registerCarrier("carrier-fwd", BAC_NINH,
                List.of("COLD_CHAIN", "EXPORT", "COD_COLLECTION"), 50);
        carrier(forwarder.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) export), "items.id", hasItem((int) cod));

        carrier(plain.subject()).post("/shipments/" + cold + "/accept").then().statusCode(409)
                .body("detail", containsString("COLD_CHAIN"), "unmet", hasItem("needs COLD_CHAIN"));
    }

    @Test
    void declinedShipmentIsNotOfferedToThatCarrierAgain() {
        long id = Fixtures.shipment();
        CarrierRef declining = Fixtures.allRounder();
        CarrierRef other = Fixtures.allRounder();
        carrier(declining.subject()).body(Map.of("reason", "Xe lạnh đang bảo dưỡng"))
                .post("/shipments/" + id + "/decline").then().statusCode(204);
        carrier(declining.subject()).post("/shipments/" + id + "/decline").then().statusCode(204);
        carrier(declining.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        carrier(declining.subject()).post("/shipments/" + id + "/accept").then().statusCode(409);
        carrier(other.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        long declines = QuarkusTransaction.requiringNew()
                .call(() -> ShipmentDecline.count("shipmentId = ?1 and carrierId = ?2", id, declining.id()));
        assertEquals(1, declines);
    }

    @Test
    void usedUpDailyCapacityHidesOpenShipmentsAndRefusesMore() {
        CarrierRef small = registerCarrier("carrier-small", BAC_NINH, List.of("COLD_CHAIN"), 1);
        long first = Fixtures.shipment();
        long second = Fixtures.shipment();
        carrier(small.subject()).post("/shipments/" + first + "/accept").then().statusCode(200);
        carrier(small.subject()).get("/shipments/open").then().statusCode(200).body("total", equalTo(0));
        carrier(small.subject()).post("/shipments/" + second + "/accept").then().statusCode(409)
                .body("dailyCapacity", equalTo(1));
        staff().get("/shipments/" + second).then().body("status", equalTo("OPEN"));
    }

    @Test
    void staffAssignDirectly() {
        long id = Fixtures.shipment();
        CarrierRef chosen = Fixtures.allRounder();
        staff().body(Map.of("carrierId", chosen.id())).post("/shipments/" + id + "/assign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED"), "carrierId", equalTo((int) chosen.id()));
        staff().body(Map.of("carrierId", chosen.id())).post("/shipments/" + id + "/assign").then().statusCode(409);
        carrier(chosen.subject()).get("/shipments/mine?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        carrier(chosen.subject()).body(Map.of("carrierId", chosen.id())).post("/shipments/" + id + "/assign").then()
                .statusCode(403);
        staff().body(Map.of("carrierId", 999_999_999)).post("/shipments/" + Fixtures.shipment() + "/assign").then()
                .statusCode(404);
    }

    @Test
    void unregisteredCarrierAccountCannotTender() {
        long id = Fixtures.shipment();
        carrier("carrier-ghost").get("/shipments/open").then().statusCode(403);
        carrier("carrier-ghost").post("/shipments/" + id + "/accept").then().statusCode(403);
        carrier(Fixtures.allRounder().subject()).post("/shipments/999999999/accept").then().statusCode(404);
    }
}
