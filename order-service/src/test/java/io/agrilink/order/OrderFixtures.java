package io.agrilink.order;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.Tokens;
import io.restassured.response.Response;

/** Bodies and calls the order tests share. */
final class OrderFixtures {

    private OrderFixtures() {
    }

    static Map<String, Object> hanoi(String recipient) {
        return Map.of("recipient", recipient, "phone", "0912 345 678", "country", "VN", "province", "Hà Nội",
                "commune", "Phường Ba Đình", "street", "12 Phố Điện Biên Phủ");
    }

    static Map<String, Object> abroad(String country, String postalCode) {
        return Map.of("recipient", "Jane Doe", "phone", "+1 415 555 0100", "country", country, "street",
                "500 Market Street, San Francisco, CA", "postalCode", postalCode);
    }

    static Map<String, Object> order(long lotId, long grams, String payment, Map<String, Object> delivery) {
        return Map.of("lines", List.of(Map.of("lotId", lotId, "grams", grams)), "delivery", delivery, "payment",
                payment);
    }

    static Map<String, Object> cod(long lotId, long grams) {
        return order(lotId, grams, "CASH_ON_DELIVERY", hanoi("Nguyễn Văn An"));
    }

    static Response place(String buyer, String key, Object body) {
        return given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json")
                .header("Idempotency-Key", key).body(body).post("/orders");
    }

    /** Places an order that must succeed and returns its id. */
    static long placed(String buyer, Object body) {
        return place(buyer, UUID.randomUUID().toString(), body).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response packAll(String farmer, long orderId, long packedGrams) {
        List<Integer> lineIds = given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).get("/orders/" + orderId)
                .then().statusCode(200).extract().jsonPath().getList("lines.id");
        List<Map<String, Object>> lines = lineIds.stream()
                .map(id -> Map.<String, Object> of("lineId", id, "packedGrams", packedGrams)).toList();
        return given().auth().oauth2(Tokens.of(Roles.FARMER, farmer)).contentType("application/json")
                .body(Map.of("lines", lines)).post("/orders/" + orderId + "/packing");
    }

    static Response shipmentEvent(long orderId, String eventId, String status) {
        return given().auth().oauth2(Tokens.of(Roles.SERVICE, "logistics-service")).contentType("application/json")
                .body(Map.of("eventId", eventId, "shipmentId", 7, "status", status, "occurredAt",
                        "2026-06-10T08:00:00Z", "location", "Lục Ngạn"))
                .post("/orders/" + orderId + "/shipment-events");
    }
}
