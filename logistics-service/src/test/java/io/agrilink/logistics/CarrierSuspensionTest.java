package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.carrier;
import static io.agrilink.logistics.Fixtures.createShipment;
import static io.agrilink.logistics.Fixtures.handoff;
import static io.agrilink.logistics.Fixtures.registerCarrier;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.step;
import static io.agrilink.logistics.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.logistics.Fixtures.CarrierRef;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Staff suspend a carrier: nothing new for it, what it carries goes on, and the trail says who and why. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CarrierSuspensionTest {

    private static final String PROVINCE = "Điện Biên";

    @Test
    void aSuspendedCarrierIsOfferedAndGivenNothingNewUntilReinstated() {
        CarrierRef carrier = carrierInDienBien();
        long id = createShipment(inDienBien(unique()));
        carrier(carrier.subject()).get("/shipments/open?size=100").then().body("items.id", hasItem((int) id));

        staff().body(Map.of("reason", "giao trễ nhiều lần")).post("/carriers/" + carrier.id() + "/suspend").then()
                .statusCode(200).body("carrier.suspendedAt", notNullValue(),
                        "carrier.suspensionReason", equalTo("giao trễ nhiều lần"), "heldShipments", equalTo(List.of()));

        carrier(carrier.subject()).get("/shipments/open?size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("suspended"));
        staff().body(Map.of("carrierId", carrier.id())).post("/shipments/" + id + "/assign").then().statusCode(409)
                .body("detail", containsString("suspended"));

        staff().body(Map.of("reason", "đã cam kết cải thiện")).post("/carriers/" + carrier.id() + "/reinstate").then()
                .statusCode(200).body("carrier.suspendedAt", nullValue());
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);

        staff().get("/carriers/" + carrier.id() + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("SUSPENDED", "REINSTATED")),
                        "reason", equalTo(List.of("giao trễ nhiều lần", "đã cam kết cải thiện")),
                        "actor", equalTo(List.of("staff-hoa", "staff-hoa")), "[0].at", notNullValue());
    }

    @Test
    void aSuspendedCarrierStillDeliversWhatItHolds() {
        CarrierRef carrier = carrierInDienBien();
        long id = createShipment(inDienBien(unique()));
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
        step(carrier, id, Map.of("status", "PICKED_UP"));

        staff().body(Map.of("reason", "hết hạn giấy phép")).post("/carriers/" + carrier.id() + "/suspend").then()
                .statusCode(200).body("heldShipments", equalTo(List.of((int) id)));

        step(carrier, id, Map.of("status", "IN_TRANSIT", "location", "Quốc lộ 12"));
        staff().get("/shipments/" + id).then().body("status", equalTo("IN_TRANSIT"));
    }

    @Test
    void suspensionIsStaffOnlyNeedsAReasonAndIsNotRepeated() {
        CarrierRef carrier = carrierInDienBien();
        staff().body(Map.of()).post("/carriers/" + carrier.id() + "/suspend").then().statusCode(400)
                .body("violations.field", hasItem(containsString("reason")));
        carrier(carrier.subject()).body(Map.of("reason", "x")).post("/carriers/" + carrier.id() + "/suspend").then()
                .statusCode(403);
        staff().body(Map.of("reason", "x")).post("/carriers/987654321/suspend").then().statusCode(404);
        staff().body(Map.of("reason", "x")).post("/carriers/" + carrier.id() + "/reinstate").then().statusCode(409);
        staff().body(Map.of("reason", "x")).post("/carriers/" + carrier.id() + "/suspend").then().statusCode(200);
        staff().body(Map.of("reason", "x")).post("/carriers/" + carrier.id() + "/suspend").then().statusCode(409)
                .contentType("application/problem+json");
        carrier(carrier.subject()).get("/carriers/" + carrier.id() + "/history").then().statusCode(403);
    }

    private static CarrierRef carrierInDienBien() {
        return registerCarrier("carrier-dienbien", List.of(PROVINCE), List.of("COLD_CHAIN"), 1000);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inDienBien(long orderId) {
        Map<String, Object> body = handoff(orderId, "VN");
        ((Map<String, Object>) body.get("pickup")).put("province", PROVINCE);
        return body;
    }
}
