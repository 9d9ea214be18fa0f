package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.carrier;
import static io.agrilink.logistics.Fixtures.handoff;
import static io.agrilink.logistics.Fixtures.service;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class HandoffTest {

    @Test
    void handoffCreatesOpenShipmentWithDeliveryCode() {
        long orderId = unique();
        service().body(handoff(orderId, "VN")).post("/shipments").then().statusCode(201)
                .header("Location", containsString("/shipments/"))
                .body("orderId", equalTo((int) orderId),
                        "status", equalTo("OPEN"),
                        "pickup.province", equalTo("Bắc Ninh"),
                        "destination.province", equalTo("Hà Nội"),
                        "coldChain.minCelsius", equalTo(2.0f),
                        "coldChain.maxCelsius", equalTo(5.0f),
                        "export", equalTo(false),
                        "checklist", emptyIterable(),
                        "totalGrams", equalTo(5000),
                        "deliveryCode", matchesPattern("\\d{6}"),
                        "allowedNext", contains("ASSIGNED"));
    }

    @Test
    void repeatedHandoffReturnsTheSameShipment() {
        Map<String, Object> body = handoff(unique(), "VN");
        Response first = service().body(body).post("/shipments");
        first.then().statusCode(201);
        service().body(body).post("/shipments").then().statusCode(200)
                .body("id", equalTo(first.path("id")), "deliveryCode", equalTo(first.path("deliveryCode")));
    }

    @Test
    void concurrentHandoffsOfOneOrderCreateOneShipment() throws Exception {
        long orderId = unique();
        Map<String, Object> body = handoff(orderId, "VN");
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return service().body(body).post("/shipments");
                }));
            }
            start.countDown();
            int created = 0;
            int repeated = 0;
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                if (r.statusCode() == 201) {
                    created++;
                } else if (r.statusCode() == 200) {
                    repeated++;
                }
                ids.add(r.jsonPath().getLong("id"));
            }
            assertEquals(1, created);
            assertEquals(callers - 1, repeated);
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        long rows = QuarkusTransaction.requiringNew().call(() -> Shipment.count("orderId", orderId));
        assertEquals(1, rows);
    }

    @Test
    void onlyOrderServiceHandsOver() {
        staff().body(handoff(unique(), "VN")).post("/shipments").then().statusCode(403);
        Fixtures.as(Roles.CARRIER, "carrier-x").body(handoff(unique(), "VN")).post("/shipments").then()
                .statusCode(403);
        Fixtures.as(Roles.BUYER, "buyer-hanoi").body(handoff(unique(), "VN")).post("/shipments").then()
                .statusCode(403);
    }

    @Test
    void negativeWeightIsRefusedNamingTheFieldAndNothingIsWritten() {
        long orderId = unique();
        Map<String, Object> body = handoff(orderId, "VN");
        body.put("parcels", List.of(Map.of("description", "Vải thiều", "grams", 2000),
                Map.of("description", "Vải thiều", "grams", -500)));
        service().body(body).post("/shipments").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("parcels[1].grams"));
        staff().get("/shipments/by-order/" + orderId).then().statusCode(404);
    }

    @Test
    void fractionalGramsAndMissingParcelsAreRefused() {
        Map<String, Object> body = handoff(unique(), "VN");
        body.put("parcels", List.of(Map.of("description", "Vải thiều", "grams", 12.5)));
        service().body(body).post("/shipments").then().statusCode(400)
                .body("violations.field", hasItem("parcels[0].grams"));
        body.put("parcels", List.of());
        service().body(body).post("/shipments").then().statusCode(400)
                .body("violations.field", hasItem("parcels"));
    }

    @Test
    void unknownProvinceAndInvertedRangeAreRefusedNamingTheField() {
        Map<String, Object> body = handoff(unique(), "VN");
        @SuppressWarnings("unchecked")
        Map<String, Object> destination = (Map<String, Object>) body.get("destination");
        destination.put("province", "Gotham");
        service().body(body).post("/shipments").then().statusCode(400)
                .body("violations.field", hasItem("destination.province"));

        Map<String, Object> inverted = handoff(unique(), "VN");
        inverted.put("coldChain", Map.of("minCelsius", 6, "maxCelsius", 2));
        service().body(inverted).post("/shipments").then().statusCode(400)
                .body("violations.field", hasItem("coldChain.maxCelsius"));

        Map<String, Object> country = handoff(unique(), "USA");
        service().body(country).post("/shipments").then().statusCode(400)
                .body("violations.field", hasItem("destination.country"));
    }

    @Test
    void exportChecklistFollowsTheDestinationCountry() {
        service().body(handoff(unique(), "US")).post("/shipments").then().statusCode(201)
                .body("export", equalTo(true), "checklist.requirement",
                        contains("IRRADIATION_400GY", "REGISTERED_ORCHARD", "PHYTOSANITARY_CERTIFICATE"),
                        "checklist.done", contains(false, false, false));
        service().body(handoff(unique(), "AU")).post("/shipments").then().statusCode(201)
                .body("checklist.requirement",
                        contains("IRRADIATION_400GY", "IMPORT_PERMIT", "PHYTOSANITARY_CERTIFICATE"));
        service().body(handoff(unique(), "jp")).post("/shipments").then().statusCode(201)
                .body("destination.country", equalTo("JP"), "checklist.requirement",
                        contains("METHYL_BROMIDE_FUMIGATION", "PHYTOSANITARY_CERTIFICATE"));
        service().body(handoff(unique(), "SG")).post("/shipments").then().statusCode(201)
                .body("checklist.requirement", contains("PHYTOSANITARY_CERTIFICATE"));
    }

    @Test
    void deadlineDefaultsToTheShelfLifeWhenOrderSendsNone() {
        Map<String, Object> cold = handoff(unique(), "VN");
        cold.remove("deliverBy");
        Instant coldBy = Instant.parse(service().body(cold).post("/shipments").then().statusCode(201).extract()
                .path("deliverBy"));
        Map<String, Object> ambient = handoff(unique(), "VN");
        ambient.remove("deliverBy");
        ambient.put("coldChain", null);
        Instant ambientBy = Instant.parse(service().body(ambient).post("/shipments").then().statusCode(201)
                .body("coldChain", nullValue()).extract().path("deliverBy"));
        Duration coldLeft = Duration.between(Instant.now(), coldBy);
        Duration ambientLeft = Duration.between(Instant.now(), ambientBy);
        assertTrue(coldLeft.toDays() >= 20 && coldLeft.toDays() <= 21, "cold chain keeps about 3 weeks: " + coldLeft);
        assertTrue(ambientLeft.toHours() >= 71 && ambientLeft.toHours() <= 72, "ambient keeps 3 days: " + ambientLeft);

        Map<String, Object> harvested = handoff(unique(), "VN");
        harvested.remove("deliverBy");
        harvested.put("harvestDate", "2026-06-10");
        service().body(harvested).post("/shipments").then().statusCode(201)
                .body("deliverBy", equalTo("2026-06-30T17:00:00Z"));
    }

    @Test
    void carrierNeverSeesTheDeliveryCode() {
        long id = Fixtures.shipment();
        Fixtures.CarrierRef carrier = Fixtures.allRounder();
        carrier(carrier.subject()).get("/shipments/" + id).then().statusCode(200)
                .body("deliveryCode", nullValue());
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(200)
                .body("deliveryCode", nullValue());
        service().get("/shipments/" + id).then().statusCode(200).body("deliveryCode", matchesPattern("\\d{6}"));
    }
}
