package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.abroad;
import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.place;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PlaceOrderTest {

    @Inject
    CatalogDouble catalog;

    @Test
    void cashOnDeliveryOrderIsConfirmedAtCatalogPricesRoundedHalfUp() {
        long lot = catalog.addLot(50_000, 99_999, 7L, "farmer-lan");
        String buyer = unique("buyer");
        Map<String, Object> body = Map.of("lines", List.of(Map.of("lotId", lot, "grams", 1_500)), "delivery",
                hanoi("Nguyễn Văn An"), "payment", "CASH_ON_DELIVERY", "unitPricePerKg", 1);
        JsonPath order = place(buyer, UUID.randomUUID().toString(), body).then().statusCode(201)
                .header("Location", containsString("/orders/"))
                .body("status", equalTo("CONFIRMED"), "buyer", equalTo(buyer), "payment", equalTo("CASH_ON_DELIVERY"))
                .extract().jsonPath();
        // 99,999 đ/kg × 1,500 g = 149,998.5 đ → 149,999 đ (half up), whatever price the client sent
        assertEquals(99_999, order.getLong("lines[0].unitPricePerKg"));
        assertEquals(149_999, order.getLong("lines[0].amount"));
        assertEquals(149_999, order.getLong("totalAmount"));
        assertEquals(1_500, order.getLong("totalGrams"));
        assertEquals(7, order.getLong("lines[0].campaignId"));
        assertEquals("+84912345678", order.getString("delivery.phone"));
        assertEquals(48_500, catalog.gramsLeft(lot));
        String orderRef = order.getString("orderRef");
        // the reservation is confirmed in catalog-service through the outbox
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> "CONFIRMED".equals(catalog.reservation(orderRef).status));
    }

    @Test
    void bankTransferOrderWaitsForPaymentWithItsStockHeld() {
        long lot = catalog.addLot(10_000, 120_000, null, "farmer-lan");
        String buyer = unique("buyer");
        JsonPath order = place(buyer, UUID.randomUUID().toString(), order(lot, 2_000, "BANK_TRANSFER", hanoi("Lê Thị Hà")))
                .then().statusCode(201).body("status", equalTo("PLACED"), "paymentDueAt", notNullValue(),
                        "confirmedAt", nullValue(), "totalAmount", equalTo(240_000))
                .extract().jsonPath();
        CatalogDouble.Held held = catalog.reservation(order.getString("orderRef"));
        assertEquals("HELD", held.status);
        // held for the 30 minutes of the payment window and the grace after it
        assertTrue(held.expiresAt.isAfter(java.time.Instant.now().plus(Duration.ofMinutes(35))));

        long id = order.getLong("id");
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).contentType("application/json")
                .body(Map.of("reference", "VCB-123")).post("/orders/" + id + "/payment").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> "CONFIRMED".equals(held.status));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id + "/history").then().statusCode(200)
                .body("action", hasItem("PAID"), "actor", hasItem("staff-hoa"));
    }

    @Test
    void orderAbroadNeedsCountryAndPostalCode() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer-us");
        place(buyer, UUID.randomUUID().toString(), order(lot, 1_000, "BANK_TRANSFER", abroad("US", "94105")))
                .then().statusCode(201).body("delivery.country", equalTo("US"), "delivery.postalCode", equalTo("94105"),
                        "delivery.phone", equalTo("+14155550100"));
        place(buyer, UUID.randomUUID().toString(),
                order(lot, 1_000, "BANK_TRANSFER", Map.of("recipient", "Jane", "phone", "+61 2 9999 0000", "country",
                        "AU", "street", "1 George St, Sydney")))
                .then().statusCode(400).body("violations[0].field", equalTo("delivery.postalCode"));
        place(buyer, UUID.randomUUID().toString(), order(lot, 1_000, "BANK_TRANSFER", abroad("XX", "1")))
                .then().statusCode(400).body("violations[0].field", equalTo("delivery.country"));
    }

    @Test
    void formerProvinceNameIsStoredAsTheCurrentProvince() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        Map<String, Object> delivery = Map.of("recipient", "Trần Văn Bình", "phone", "+84 987 654 321", "country", "VN",
                "province", "Bắc Giang", "commune", "Xã Lục Ngạn", "street", "Thôn Kép");
        place(unique("buyer"), UUID.randomUUID().toString(), order(lot, 1_000, "CASH_ON_DELIVERY", delivery))
                .then().statusCode(201).body("delivery.province", equalTo("Bắc Ninh"));
    }

    @Test
    void theCommuneIsOneOfTheProvincesUnitsAndIsStoredByItsCanonicalName() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        place(unique("buyer"), UUID.randomUUID().toString(),
                order(lot, 1_000, "CASH_ON_DELIVERY", vietnam("Hà Nội", "  phường  ba đình ")))
                .then().statusCode(201).body("delivery.commune", equalTo("Phường Ba Đình"));
        place(unique("buyer"), UUID.randomUUID().toString(),
                order(lot, 1_000, "CASH_ON_DELIVERY", vietnam("Bắc Giang", "Thị trấn Phì Điền")))
                .then().statusCode(201)
                .body("delivery.province", equalTo("Bắc Ninh"), "delivery.commune", equalTo("Xã Lục Ngạn"));
        place(unique("buyer"), UUID.randomUUID().toString(),
                order(lot, 1_000, "CASH_ON_DELIVERY", vietnam("Hồ Chí Minh", "Phường Ba Đình")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("delivery.commune"),
                        "violations[0].message", containsString("Hồ Chí Minh"));
        place(unique("buyer"), UUID.randomUUID().toString(),
                order(lot, 1_000, "CASH_ON_DELIVERY", vietnam("Hà Nội", "Phường Kim Mã")))
                .then().statusCode(400)
                .body("violations[0].field", equalTo("delivery.commune"),
                        "violations[0].message", containsString("Phường Ngọc Hà, Phường Giảng Võ"));
        place(unique("buyer"), UUID.randomUUID().toString(),
                order(lot, 1_000, "CASH_ON_DELIVERY", vietnam("Hà Nội", " ")))
                .then().statusCode(400).body("violations[0].field", equalTo("delivery.commune"));
        assertEquals(8_000, catalog.gramsLeft(lot));
    }

    private static Map<String, Object> vietnam(String province, String commune) {
        return Map.of("recipient", "Trần Văn Bình", "phone", "+84 987 654 321", "country", "VN",
                "province", province, "commune", commune, "street", "Thôn Kép");
    }

    @Test
    void invalidAddressesAreRefusedNamingTheField() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        Map<String, Object> badProvince = Map.of("recipient", "A", "phone", "0912345678", "country", "VN", "province",
                "Atlantis", "commune", "Phường Ba Đình", "street", "Y");
        place(unique("buyer"), UUID.randomUUID().toString(), order(lot, 1_000, "CASH_ON_DELIVERY", badProvince))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("delivery.province"));
        Map<String, Object> badPhone = Map.of("recipient", "A", "phone", "12345", "country", "VN", "province",
                "Hà Nội", "commune", "Phường Ba Đình", "street", "Y");
        place(unique("buyer"), UUID.randomUUID().toString(), order(lot, 1_000, "CASH_ON_DELIVERY", badPhone))
                .then().statusCode(400).body("violations[0].field", equalTo("delivery.phone"));
        place(unique("buyer"), UUID.randomUUID().toString(), Map.of("lines", List.of(Map.of("lotId", lot, "grams", 1.5)),
                "delivery", hanoi("A"), "payment", "CASH_ON_DELIVERY"))
                .then().statusCode(400);
        assertEquals(10_000, catalog.gramsLeft(lot));
    }

    @Test
    void nulInAnAddressIsRefusedNamingTheFieldAndTheKeyStaysUsable() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        String key = UUID.randomUUID().toString();
        Map<String, Object> nul = Map.of("recipient", "A", "phone", "0912345678", "country", "VN", "province",
                "Hà Nội", "commune", "Phường Ba Đình", "street", "Ngõ 5\u0000");
        place(buyer, key, order(lot, 1_000, "CASH_ON_DELIVERY", nul)).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("delivery.street"));
        assertEquals(10_000, catalog.gramsLeft(lot));
        place(buyer, key, order(lot, 1_000, "CASH_ON_DELIVERY", hanoi("A"))).then().statusCode(201);
    }

    @Test
    void missingIdempotencyKeyIsRefused() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        given().auth().oauth2(Tokens.of(Roles.BUYER, unique("buyer"))).contentType("application/json")
                .body(cod(lot, 1_000)).post("/orders").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("Idempotency-Key"));
        assertEquals(10_000, catalog.gramsLeft(lot));
    }

    @Test
    void unknownLotIsRefusedNamingTheLine() {
        place(unique("buyer"), UUID.randomUUID().toString(), cod(999_999_999L, 1_000)).then().statusCode(400)
                .body("violations[0].field", equalTo("lines[0].lotId"));
    }

    @Test
    void catalogDownIsServiceUnavailableAndLeavesNoOrder() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        catalog.down(true);
        try {
            place(buyer, UUID.randomUUID().toString(), cod(lot, 1_000)).then().statusCode(503)
                    .contentType("application/problem+json").body("status", equalTo(503));
        } finally {
            catalog.down(false);
        }
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders").then().statusCode(200)
                .body("total", equalTo(0));
        assertEquals(10_000, catalog.gramsLeft(lot));
        // and the same buyer succeeds once the catalogue is back
        place(buyer, UUID.randomUUID().toString(), cod(lot, 1_000)).then().statusCode(201);
    }
}
