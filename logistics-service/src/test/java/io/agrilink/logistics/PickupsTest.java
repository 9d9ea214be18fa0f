package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.carrier;
import static io.agrilink.logistics.Fixtures.handoff;
import static io.agrilink.logistics.Fixtures.registerCarrier;
import static io.agrilink.logistics.Fixtures.service;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.logistics.Fixtures.CarrierRef;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An order with lines from several producers: one shipment, collected at every producer. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PickupsTest {

    @Test
    void everyProducerOfTheOrderIsAPickupTheCarrierSees() {
        long id = service().body(twoProducers(unique())).post("/shipments").then().statusCode(201)
                .body("pickups.size()", equalTo(2),
                        "pickups[0].province", equalTo("Sơn La"), "pickups[1].province", equalTo("Lâm Đồng"),
                        "pickups[1].producerName", equalTo("HTX Bơ Đà Lạt"),
                        "parcels[0].pickup.province", equalTo("Sơn La"),
                        "parcels[1].pickup.province", equalTo("Lâm Đồng"), "parcels[1].pickup.commune",
                        equalTo("Phường Lâm Viên - Đà Lạt"))
                .extract().jsonPath().getLong("id");

        CarrierRef both = registerCarrier("carrier-twopickups", List.of("Sơn La", "Lâm Đồng"), List.of("COLD_CHAIN"), 100);
        CarrierRef northOnly = registerCarrier("carrier-sonla", List.of("Sơn La"), List.of("COLD_CHAIN"), 100);
        carrier(northOnly.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        carrier(northOnly.subject()).post("/shipments/" + id + "/accept").then().statusCode(409)
                .body("unmet", hasItem(containsString("Lâm Đồng")));
        carrier(both.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        carrier(both.subject()).post("/shipments/" + id + "/accept").then().statusCode(200)
                .body("pickups.province", equalTo(List.of("Sơn La", "Lâm Đồng")));
    }

    @Test
    void pickupsReadBackWithEveryFieldAndParcelsWithoutTheirOwnShowTheShipmentsPickup() {
        Map<String, Object> body = twoProducers(unique());
        List<Object> parcels = new java.util.ArrayList<>((List<?>) body.get("parcels"));
        parcels.add(Map.of("description", "Mận hậu, thùng 10 kg", "grams", 10000));
        body.put("parcels", parcels);
        long id = service().body(body).post("/shipments").then().statusCode(201).extract().jsonPath().getLong("id");

        Map<String, Object> sonLa = Map.of("producerId", 11, "producerName", "HTX Mận Mộc Châu",
                "province", "Sơn La", "commune", "Phường Mộc Châu", "phone", "0912345678");
        Map<String, Object> lamDong = Map.of("producerId", 12, "producerName", "HTX Bơ Đà Lạt",
                "province", "Lâm Đồng", "commune", "Phường Lâm Viên - Đà Lạt", "phone", "0263 382 2222");
        staff().get("/shipments/" + id).then().statusCode(200)
                .body("pickup", equalTo(sonLa), "pickups", equalTo(List.of(sonLa, lamDong)),
                        "parcels.pickup", equalTo(List.of(sonLa, lamDong, sonLa)),
                        "parcels.grams", equalTo(List.of(5000, 3000, 10000)), "totalGrams", equalTo(18000));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> twoProducers(long orderId) {
        Map<String, Object> body = handoff(orderId, "VN");
        Map<String, Object> first = (Map<String, Object>) body.get("pickup");
        first.put("province", "Sơn La");
        first.put("commune", "Phường Mộc Châu");
        first.put("producerId", 11);
        first.put("producerName", "HTX Mận Mộc Châu");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("producerId", 12);
        second.put("producerName", "HTX Bơ Đà Lạt");
        second.put("province", "Lâm Đồng");
        second.put("commune", "Phường Lâm Viên - Đà Lạt");
        second.put("phone", "0263 382 2222");
        body.put("parcels", List.of(
                Map.of("description", "Mận hậu, thùng 5 kg", "grams", 5000, "pickup", first),
                Map.of("description", "Bơ 034, thùng 3 kg", "grams", 3000, "pickup", second)));
        return body;
    }
}
