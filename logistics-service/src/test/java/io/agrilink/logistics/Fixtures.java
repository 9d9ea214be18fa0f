package io.agrilink.logistics;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.Tokens;
import io.restassured.specification.RequestSpecification;

/** Builds what each test needs through the public API, with names no other test uses. */
final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(1000);

    private Fixtures() {
    }

    static long unique() {
        return SEQUENCE.incrementAndGet();
    }

    static RequestSpecification as(String role, String subject) {
        return given().auth().oauth2(Tokens.of(role, subject)).contentType("application/json");
    }

    static RequestSpecification staff() {
        return as(Roles.STAFF, "staff-hoa");
    }

    static RequestSpecification service() {
        return as(Roles.SERVICE, "order-service");
    }

    static RequestSpecification carrier(String subject) {
        return as(Roles.CARRIER, subject);
    }

    /** A registered carrier: its id and the subject it signs in with. */
    record CarrierRef(long id, String subject) {
    }

    static CarrierRef registerCarrier(String prefix, List<String> provinces, List<String> capabilities, int capacity) {
        String subject = prefix + "-" + unique();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("name", "Vận tải " + subject);
        body.put("provinces", provinces);
        body.put("capabilities", capabilities);
        body.put("dailyCapacity", capacity);
        long id = staff().body(body).post("/carriers").then().statusCode(201).extract().jsonPath().getLong("id");
        return new CarrierRef(id, subject);
    }

    /** A carrier in Bắc Ninh and Hà Nội that can do everything. */
    static CarrierRef allRounder() {
        return registerCarrier("carrier-all", List.of("Bắc Ninh", "Hà Nội"),
                List.of("COLD_CHAIN", "EXPORT", "COD_COLLECTION"), 1000);
    }

    /** A handoff body: lychee from Lục Ngạn to {@code country}, cold chain 2–5 °C. */
    static Map<String, Object> handoff(long orderId, String country) {
        Map<String, Object> pickup = new LinkedHashMap<>();
        pickup.put("producerId", 1);
        pickup.put("producerName", "HTX Vải thiều Lục Ngạn");
        pickup.put("province", "Bắc Giang");
        pickup.put("commune", "Xã Lục Ngạn");
        pickup.put("phone", "0912345678");
        Map<String, Object> destination = new LinkedHashMap<>();
        destination.put("recipient", "Phạm Thu Hà");
        destination.put("phone", "0987654321");
        destination.put("country", country);
        if ("VN".equals(country)) {
            destination.put("province", "Hà Nội");
            destination.put("commune", "Phường Ba Đình");
        }
        destination.put("street", "12 Phố Huế");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("orderRef", "o-" + orderId);
        body.put("pickup", pickup);
        body.put("destination", destination);
        List<Map<String, Object>> parcels = new ArrayList<>();
        parcels.add(Map.of("description", "Vải thiều loại 1, thùng 5 kg", "grams", 5000));
        body.put("parcels", parcels);
        body.put("codAmount", 0);
        body.put("coldChain", Map.of("minCelsius", 2, "maxCelsius", 5));
        body.put("deliverBy", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        return body;
    }

    /** A domestic cold-chain shipment, handed over; its id. */
    static long shipment() {
        return createShipment(handoff(unique(), "VN"));
    }

    static long createShipment(Map<String, Object> body) {
        return service().body(body).post("/shipments").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A shipment already taken by {@code carrier}. */
    static long assignedTo(CarrierRef carrier) {
        long id = shipment();
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
        return id;
    }

    static void step(CarrierRef carrier, long shipmentId, Map<String, Object> body) {
        carrier(carrier.subject()).body(body).post("/shipments/" + shipmentId + "/events").then().statusCode(200);
    }

    static String deliveryCode(long shipmentId) {
        return staff().get("/shipments/" + shipmentId).then().statusCode(200).extract().jsonPath()
                .getString("deliveryCode");
    }
}
