package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.E2e.BUYER;
import static io.agrilink.suite.e2e.E2e.CARRIER;
import static io.agrilink.suite.e2e.E2e.FARMER;
import static io.agrilink.suite.e2e.E2e.STAFF;
import static io.agrilink.suite.e2e.E2e.STAFF_ROLE;
import static io.agrilink.suite.e2e.E2e.subject;
import static io.agrilink.suite.e2e.RunningSuite.anonymous;
import static io.agrilink.suite.e2e.RunningSuite.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.agrilink.suite.LocalKeys;
import io.agrilink.suite.Service;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * The same tokens at every door: a role reaches only its own endpoints in every service, a token
 * that is expired, signed by a stranger or issued by someone else is refused by all four
 * services, and an owner's things stay theirs across services.
 */
class SecurityAtTheSeamsTest {

    private static final List<String> ROLES = List.of("staff", "farmer", "buyer", "carrier", "service");

    /** One secured endpoint and the roles it lets in. */
    private record Door(Service service, String method, String path, Set<String> allowed) {

        @Override
        public String toString() {
            return service.shortName() + " " + method + " " + path;
        }
    }

    /** Every role-restricted endpoint of the four services with the roles its README names. */
    private static final List<Door> DOORS = List.of(
            new Door(Service.CATALOG, "POST", "/producers", Set.of("staff", "farmer")),
            new Door(Service.CATALOG, "PUT", "/producers/1", Set.of("staff", "farmer")),
            new Door(Service.CATALOG, "POST", "/products", Set.of("staff", "farmer")),
            new Door(Service.CATALOG, "PUT", "/products/1", Set.of("staff", "farmer")),
            new Door(Service.CATALOG, "POST", "/lots", Set.of("staff", "farmer")),
            new Door(Service.CATALOG, "PATCH", "/lots/1", Set.of("staff", "farmer")),
            new Door(Service.CATALOG, "POST", "/campaigns", Set.of("staff")),
            new Door(Service.CATALOG, "PUT", "/farmers/farmer-x/livestream-ready", Set.of("service")),
            new Door(Service.CATALOG, "GET", "/farmers/listings?subject=farmer-x", Set.of("service", "staff")),
            new Door(Service.CATALOG, "POST", "/stock/reservations", Set.of("service")),
            new Door(Service.CATALOG, "POST", "/stock/reservation-batches", Set.of("service")),
            new Door(Service.CATALOG, "GET", "/stock/reservations/o-x", Set.of("service", "staff")),
            new Door(Service.CATALOG, "POST", "/stock/reservations/o-x/confirm", Set.of("service")),
            new Door(Service.CATALOG, "DELETE", "/stock/reservations/o-x", Set.of("service")),
            new Door(Service.ORDER, "POST", "/orders", Set.of("buyer")),
            new Door(Service.ORDER, "GET", "/orders", Set.of("buyer", "staff")),
            new Door(Service.ORDER, "GET", "/orders/1", Set.of("buyer", "farmer", "staff")),
            new Door(Service.ORDER, "GET", "/orders/1/history", Set.of("buyer", "farmer", "staff")),
            new Door(Service.ORDER, "POST", "/orders/1/payment", Set.of("staff")),
            new Door(Service.ORDER, "POST", "/orders/1/packing", Set.of("farmer", "staff")),
            new Door(Service.ORDER, "POST", "/orders/1/cancel", Set.of("buyer", "staff")),
            new Door(Service.ORDER, "POST", "/orders/1/shipment-events", Set.of("service")),
            new Door(Service.ORDER, "GET", "/packing-list", Set.of("farmer", "staff")),
            new Door(Service.ORDER, "GET", "/dashboard/campaigns/1", Set.of("staff")),
            new Door(Service.TRAINING, "POST", "/courses", Set.of("staff")),
            new Door(Service.TRAINING, "GET", "/courses", Set.of("farmer", "buyer", "staff")),
            new Door(Service.TRAINING, "GET", "/courses/1", Set.of("farmer", "buyer", "staff")),
            new Door(Service.TRAINING, "GET", "/sessions", Set.of("farmer", "staff")),
            new Door(Service.TRAINING, "GET", "/sessions/1", Set.of("farmer", "staff")),
            new Door(Service.TRAINING, "PUT", "/courses/1", Set.of("staff")),
            new Door(Service.TRAINING, "POST", "/sessions", Set.of("staff")),
            new Door(Service.TRAINING, "PATCH", "/sessions/1", Set.of("staff")),
            new Door(Service.TRAINING, "POST", "/sessions/1/cancel", Set.of("staff")),
            new Door(Service.TRAINING, "POST", "/sessions/1/enrolments", Set.of("farmer", "staff")),
            new Door(Service.TRAINING, "GET", "/enrolments/1", Set.of("farmer", "staff")),
            new Door(Service.TRAINING, "DELETE", "/enrolments/1", Set.of("farmer", "staff")),
            new Door(Service.TRAINING, "GET", "/me/notices", Set.of("farmer")),
            new Door(Service.TRAINING, "GET", "/me/enrolments", Set.of("farmer")),
            new Door(Service.TRAINING, "GET", "/me/certificates", Set.of("farmer")),
            new Door(Service.TRAINING, "POST", "/certificates/ABCDEFGHJK/revoke", Set.of("staff")),
            new Door(Service.TRAINING, "GET", "/reports/training", Set.of("staff")),
            new Door(Service.LOGISTICS, "POST", "/carriers", Set.of("staff")),
            new Door(Service.LOGISTICS, "GET", "/carriers", Set.of("staff")),
            new Door(Service.LOGISTICS, "GET", "/carriers/me", Set.of("carrier")),
            new Door(Service.LOGISTICS, "GET", "/carriers/performance", Set.of("staff")),
            new Door(Service.LOGISTICS, "GET", "/carriers/1", Set.of("staff", "carrier")),
            new Door(Service.LOGISTICS, "POST", "/carriers/1/suspend", Set.of("staff")),
            new Door(Service.LOGISTICS, "POST", "/carriers/1/reinstate", Set.of("staff")),
            new Door(Service.LOGISTICS, "GET", "/carriers/1/history", Set.of("staff")),
            new Door(Service.LOGISTICS, "POST", "/shipments/withdrawals", Set.of("service")),
            new Door(Service.LOGISTICS, "POST", "/shipments/1/cancel", Set.of("staff")),
            new Door(Service.LOGISTICS, "POST", "/shipments", Set.of("service")),
            new Door(Service.LOGISTICS, "GET", "/shipments", Set.of("staff", "service")),
            new Door(Service.LOGISTICS, "GET", "/shipments/open", Set.of("carrier")),
            new Door(Service.LOGISTICS, "GET", "/shipments/mine", Set.of("carrier")),
            new Door(Service.LOGISTICS, "GET", "/shipments/at-risk", Set.of("staff")),
            new Door(Service.LOGISTICS, "GET", "/shipments/by-order/1", Set.of("staff", "service")),
            new Door(Service.LOGISTICS, "GET", "/shipments/1", Set.of("staff", "service", "carrier")),
            new Door(Service.LOGISTICS, "POST", "/shipments/1/accept", Set.of("carrier")),
            new Door(Service.LOGISTICS, "POST", "/shipments/1/decline", Set.of("carrier")),
            new Door(Service.LOGISTICS, "POST", "/shipments/1/assign", Set.of("staff")),
            new Door(Service.LOGISTICS, "POST", "/shipments/1/events", Set.of("carrier")),
            new Door(Service.LOGISTICS, "POST", "/shipments/1/temperatures", Set.of("carrier")),
            new Door(Service.LOGISTICS, "PUT", "/shipments/1/checklist/PHYTOSANITARY_CERTIFICATE", Set.of("staff", "carrier")));

    /** One protected read per service that a staff token may make. */
    private static final Map<Service, String> STAFF_READS = Map.of(
            Service.CATALOG, "/farmers/listings?subject=farmer-x",
            Service.ORDER, "/dashboard/campaigns/1",
            Service.TRAINING, "/courses",
            Service.LOGISTICS, "/carriers");

    @Test
    void everyRoleIsRefusedAtEveryOtherRolesEndpointInEveryService() {
        List<String> wrong = new ArrayList<>();
        int probes = 0;
        for (Door door : DOORS) {
            for (String role : ROLES) {
                if (door.allowed().contains(role)) {
                    continue;
                }
                probes++;
                int status = call(as(door.service(), role, subject(role + "-intruder")), door).statusCode();
                if (status != 403) {
                    wrong.add(door + " as " + role + " → " + status + " (expected 403)");
                }
            }
        }
        assertTrue(probes > 150, "the table covers " + probes + " endpoint × role pairs");
        assertEquals(List.of(), wrong, "endpoints that let a wrong role through (or answered something else)");
    }

    @Test
    void theSameGoodTokenIsAcceptedByAllFourServices() {
        String token = RunningSuite.token(STAFF_ROLE, STAFF);
        STAFF_READS.forEach((service, path) -> anonymous(service).auth().oauth2(token).get(path).then()
                .statusCode(200));
    }

    @Test
    void expiredForeignAndWrongIssuerTokensAreRefusedByAllFourServices() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair stranger = generator.generateKeyPair();
        Map<String, String> badTokens = Map.of(
                "expired", RunningSuite.get().keys().token(STAFF_ROLE, STAFF, Duration.ofMinutes(-10)),
                "signed by another key", Jwt.issuer(LocalKeys.ISSUER).subject(STAFF).upn(STAFF)
                        .groups(Set.of(STAFF_ROLE)).claim("name", STAFF).expiresIn(Duration.ofHours(1))
                        .sign(stranger.getPrivate()),
                "from another issuer", RunningSuite.get().keys().token(STAFF_ROLE, STAFF, Duration.ofHours(1),
                        "https://id.someone-else.example"),
                "tampered", tampered(RunningSuite.token(STAFF_ROLE, STAFF)));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Service, String> read : STAFF_READS.entrySet()) {
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                int status = anonymous(read.getKey()).auth().oauth2(bad.getValue()).get(read.getValue()).statusCode();
                if (status != 401) {
                    wrong.add(read.getKey().shortName() + " GET " + read.getValue() + " with a token " + bad.getKey()
                            + " → " + status);
                }
            }
            anonymous(read.getKey()).get(read.getValue()).then().statusCode(401)
                    .contentType(startsWith("application/problem+json"));
        }
        assertEquals(List.of(), wrong, "bad tokens that were not refused with 401");
    }

    @Test
    void aFarmerCannotTouchAnotherFarmersProducerProductsOrLots() {
        String owner = subject("farmer-owner");
        String neighbour = subject("farmer-neighbour");
        long producer = E2e.producer(owner, "HTX Chủ Lô " + E2e.RUN, "Sơn La", "Phường Mộc Châu");
        long product = E2e.product(owner, producer, 60_000);
        long lot = E2e.lot(owner, product, 5_000);
        E2e.freshLot(neighbour, "Sơn La", 1_000);

        as(Service.CATALOG, FARMER, neighbour).body(Map.of("quantityGrams", 1)).patch("/lots/" + lot).then()
                .statusCode(403);
        as(Service.CATALOG, FARMER, neighbour)
                .body(Map.of("productId", product, "harvestDate", "2026-06-10", "quantityGrams", 1_000)).post("/lots")
                .then().statusCode(403);
        as(Service.CATALOG, FARMER, neighbour).body(Map.of("producerId", producer, "category", "FRUIT",
                "texts", Map.of("vi", Map.of("name", "Mận"), "en", Map.of("name", "Plum")), "pricePerKg", 1,
                "seasonMonths", List.of(6), "shelfLifeDays", 5, "coldChain", false))
                .post("/products").then().statusCode(403);
        assertEquals(5_000, E2e.lotView(lot).getLong("quantityGrams"), "the lot is unchanged");
        as(Service.CATALOG, FARMER, owner).body(Map.of("quantityGrams", 6_000)).patch("/lots/" + lot).then()
                .statusCode(200);
    }

    @Test
    void aBuyerCannotSeeOrCancelAnotherBuyersOrderNorAFarmerPackAnotherFarmersOrder() {
        String farmer = subject("farmer-seller");
        String otherFarmer = subject("farmer-other");
        long lot = E2e.freshLot(farmer, "Sơn La", 5_000);
        String buyer = subject("buyer-owner");
        String stranger = subject("buyer-stranger");
        long orderId = E2e.place(buyer, "mine-1", E2e.codOrder(lot, 1_000)).then().statusCode(201).extract()
                .jsonPath().getLong("id");

        as(Service.ORDER, BUYER, stranger).get("/orders/" + orderId).then().statusCode(anyOf(equalTo(404), equalTo(403)));
        as(Service.ORDER, BUYER, stranger).get("/orders/" + orderId + "/history").then()
                .statusCode(anyOf(equalTo(404), equalTo(403)));
        as(Service.ORDER, BUYER, stranger).body(Map.of("reason", "not mine")).post("/orders/" + orderId + "/cancel")
                .then().statusCode(anyOf(equalTo(404), equalTo(403)));
        as(Service.ORDER, BUYER, stranger).get("/orders").then().statusCode(200).body("total", equalTo(0));
        as(Service.ORDER, FARMER, otherFarmer).get("/orders/" + orderId).then()
                .statusCode(anyOf(equalTo(404), equalTo(403)));
        long lineId = E2e.orderAsStaff(orderId).getLong("lines[0].id");
        as(Service.ORDER, FARMER, otherFarmer)
                .body(Map.of("lines", List.of(Map.of("lineId", lineId, "packedGrams", 1_000))))
                .post("/orders/" + orderId + "/packing").then().statusCode(anyOf(equalTo(404), equalTo(403)));
        as(Service.ORDER, BUYER, buyer).get("/orders/" + orderId).then().statusCode(200).body("status",
                equalTo("CONFIRMED"));
    }

    @Test
    void aCarrierCannotTouchAnotherCarriersShipment() {
        String farmer = subject("farmer-shipper");
        long lot = E2e.freshLot(farmer, "Điện Biên", 5_000);
        long orderId = E2e.place(subject("buyer-parcel"), "parcel-1", E2e.codOrder(lot, 2_000)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        E2e.pack(farmer, orderId);
        long shipmentId = await("the shipment of order " + orderId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> as(Service.LOGISTICS, STAFF_ROLE, STAFF).get("/shipments/by-order/" + orderId),
                        r -> r.statusCode() == 200)
                .jsonPath().getLong("id");
        String holder = subject("carrier-holder");
        String rival = subject("carrier-rival");
        long holderId = registerCarrier(holder);
        registerCarrier(rival);
        as(Service.LOGISTICS, CARRIER, holder).post("/shipments/" + shipmentId + "/accept").then().statusCode(200);

        as(Service.LOGISTICS, CARRIER, rival).get("/shipments/" + shipmentId).then().statusCode(403);
        as(Service.LOGISTICS, CARRIER, rival).get("/shipments/" + shipmentId + "/tracking").then().statusCode(403);
        as(Service.LOGISTICS, CARRIER, rival).body(Map.of("status", "PICKED_UP"))
                .post("/shipments/" + shipmentId + "/events").then().statusCode(403);
        as(Service.LOGISTICS, CARRIER, rival).body(Map.of("value", 3.0, "unit", "C"))
                .post("/shipments/" + shipmentId + "/temperatures").then().statusCode(403);
        as(Service.LOGISTICS, CARRIER, rival).body(Map.of("documentRef", "PC-1"))
                .put("/shipments/" + shipmentId + "/checklist/PHYTOSANITARY_CERTIFICATE").then().statusCode(403);
        as(Service.LOGISTICS, CARRIER, rival).get("/carriers/" + holderId + "/performance").then().statusCode(403);
        List<Number> rivals = as(Service.LOGISTICS, CARRIER, rival).get("/shipments/mine").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertFalse(rivals.stream().anyMatch(id -> id.longValue() == shipmentId), "the rival holds it: " + rivals);
        as(Service.LOGISTICS, CARRIER, holder).get("/shipments/" + shipmentId).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"));
    }

    @Test
    void aFarmerCannotReadOrCancelAnotherFarmersEnrolment() {
        long course = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("code", "PACKAGING-" + E2e.RUN.toUpperCase(),
                "topic", "PACKAGING_DESIGN", "hours", 4, "title", Map.of("vi", "Thiết kế bao bì"),
                "description", Map.of("vi", "Bao bì cho vải xuất khẩu")))
                .post("/courses").then().statusCode(201).extract().jsonPath().getLong("id");
        Instant start = Instant.now().plus(Duration.ofDays(2));
        long session = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("courseId", course,
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(3)).toString(),
                "venue", Map.of("kind", "ONLINE", "url", "https://meet.example.vn/bao-bi"), "capacity", 10,
                "trainer", subject("trainer-an")))
                .post("/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
        String farmer = subject("farmer-learner");
        long enrolment = as(Service.TRAINING, FARMER, farmer).body(Map.of()).post("/sessions/" + session + "/enrolments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String other = subject("farmer-curious");
        as(Service.TRAINING, FARMER, other).get("/enrolments/" + enrolment).then().statusCode(403);
        as(Service.TRAINING, FARMER, other).delete("/enrolments/" + enrolment).then().statusCode(403);
        as(Service.TRAINING, FARMER, other).body(Map.of("records",
                List.of(Map.of("enrolmentId", enrolment, "attendance", "ATTENDED"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(403);
        as(Service.TRAINING, FARMER, farmer).get("/enrolments/" + enrolment).then().statusCode(200)
                .body("status", equalTo("SEATED"));
    }

    private static long registerCarrier(String subject) {
        return as(Service.LOGISTICS, STAFF_ROLE, STAFF).body(Map.of("subject", subject, "name", "Firm " + subject,
                "nationwide", true, "capabilities", List.of("COLD_CHAIN", "COD_COLLECTION"), "dailyCapacity", 20))
                .post("/carriers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.Response call(RequestSpecification request, Door door) {
        if (!door.method().equals("GET") && !door.method().equals("DELETE")) {
            request = request.body("{}");
        }
        return request.request(door.method(), door.path());
    }

    /** The token with one character of its signature changed. */
    private static String tampered(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }
}
