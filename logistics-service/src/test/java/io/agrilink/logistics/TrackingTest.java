package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.assignedTo;
import static io.agrilink.logistics.Fixtures.carrier;
import static io.agrilink.logistics.Fixtures.createShipment;
import static io.agrilink.logistics.Fixtures.deliveryCode;
import static io.agrilink.logistics.Fixtures.handoff;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.step;
import static io.agrilink.logistics.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.logistics.Fixtures.CarrierRef;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TrackingTest {

    private static Map<String, Object> status(String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        return body;
    }

    private static Map<String, Object> inTransit(String location) {
        Map<String, Object> body = status("IN_TRANSIT");
        body.put("location", location);
        return body;
    }

    private static Map<String, Object> delivered(String code, Long cash) {
        Map<String, Object> body = status("DELIVERED");
        body.put("proof", Map.of("recipientName", "Phạm Thu Hà", "photoRef", "s3://proof/1.jpg", "deliveryCode", code));
        if (cash != null) {
            body.put("cashCollected", cash);
        }
        return body;
    }

    private static long outForDelivery(CarrierRef c, long id) {
        step(c, id, status("PICKED_UP"));
        step(c, id, inTransit("Kho lạnh Long Biên"));
        step(c, id, status("OUT_FOR_DELIVERY"));
        return id;
    }

    @Test
    void carrierTracksShipmentFromPickupToDelivery() {
        CarrierRef c = Fixtures.allRounder();
        long id = assignedTo(c);
        step(c, id, status("PICKED_UP"));
        step(c, id, inTransit("Quốc lộ 1A, Bắc Ninh"));
        step(c, id, inTransit("Kho lạnh Long Biên"));
        step(c, id, status("OUT_FOR_DELIVERY"));
        carrier(c.subject()).body(delivered(deliveryCode(id), null)).post("/shipments/" + id + "/events").then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"), "proof.recipientName", equalTo("Phạm Thu Hà"),
                        "proof.photoRef", equalTo("s3://proof/1.jpg"), "deliveredAt", notNullValue(),
                        "lastLocation", equalTo("Kho lạnh Long Biên"), "codMismatch", equalTo(false),
                        "allowedNext", emptyIterable());
        carrier(c.subject()).get("/shipments/" + id + "/tracking").then().statusCode(200)
                .body("events.status", contains("ASSIGNED", "PICKED_UP", "IN_TRANSIT", "IN_TRANSIT",
                        "OUT_FOR_DELIVERY", "DELIVERED"));
    }

    @Test
    void carrierCannotTrackShipmentItDoesNotHold() {
        CarrierRef holder = Fixtures.allRounder();
        CarrierRef other = Fixtures.allRounder();
        long id = assignedTo(holder);
        carrier(other.subject()).body(status("PICKED_UP")).post("/shipments/" + id + "/events").then()
                .statusCode(403).contentType("application/problem+json");
        carrier(other.subject()).body(Map.of("value", 4, "unit", "C")).post("/shipments/" + id + "/temperatures")
                .then().statusCode(403);
        carrier(other.subject()).get("/shipments/" + id).then().statusCode(403);
        carrier(other.subject()).get("/shipments/" + id + "/tracking").then().statusCode(403);
        staff().get("/shipments/" + id).then().body("status", equalTo("ASSIGNED"));

        long open = Fixtures.shipment();
        carrier(holder.subject()).body(status("PICKED_UP")).post("/shipments/" + open + "/events").then()
                .statusCode(403);
    }

    @Test
    void skippedAndBackwardStepsAreRefusedNamingCurrentAndAllowedNext() {
        CarrierRef c = Fixtures.allRounder();
        long id = assignedTo(c);
        carrier(c.subject()).body(delivered(deliveryCode(id), null)).post("/shipments/" + id + "/events").then()
                .statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("ASSIGNED"), "allowedNext", contains("PICKED_UP"),
                        "detail", containsString("ASSIGNED"), "violations.field", hasItem("status"));
        step(c, id, status("PICKED_UP"));
        step(c, id, inTransit("Lạng Sơn"));
        carrier(c.subject()).body(status("PICKED_UP")).post("/shipments/" + id + "/events").then()
                .statusCode(409)
                .body("currentStatus", equalTo("IN_TRANSIT"), "allowedNext", contains("IN_TRANSIT", "OUT_FOR_DELIVERY"));
        carrier(c.subject()).body(status("ASSIGNED")).post("/shipments/" + id + "/events").then()
                .statusCode(400).body("violations.field", hasItem("status"));
        carrier(c.subject()).get("/shipments/" + id + "/tracking").then()
                .body("events.status", contains("ASSIGNED", "PICKED_UP", "IN_TRANSIT"));
        staff().get("/shipments/" + id).then().body("status", equalTo("IN_TRANSIT"));
    }

    @Test
    void unknownStatusAndMissingFieldsAreBadRequestsNamingTheField() {
        CarrierRef c = Fixtures.allRounder();
        long id = assignedTo(c);
        carrier(c.subject()).body(status("TELEPORTED")).post("/shipments/" + id + "/events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("status"));
        carrier(c.subject()).body(Map.of("location", "Hà Nội")).post("/shipments/" + id + "/events").then()
                .statusCode(400).body("violations.field", hasItem("status"));
        step(c, id, status("PICKED_UP"));
        carrier(c.subject()).body(status("IN_TRANSIT")).post("/shipments/" + id + "/events").then()
                .statusCode(400).body("violations.field", hasItem("location"));
        staff().get("/shipments/" + id).then().body("status", equalTo("PICKED_UP"));
    }

    @Test
    void wrongDeliveryCodeIsRefusedAndNothingChanges() {
        CarrierRef c = Fixtures.allRounder();
        long id = outForDelivery(c, assignedTo(c));
        String code = deliveryCode(id);
        String wrong = code.equals("000000") ? "111111" : "000000";
        carrier(c.subject()).body(delivered(wrong, null)).post("/shipments/" + id + "/events").then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("proof.deliveryCode"));
        carrier(c.subject()).body(status("DELIVERED")).post("/shipments/" + id + "/events").then()
                .statusCode(400).body("violations.field", hasItem("proof"));
        staff().get("/shipments/" + id).then().body("status", equalTo("OUT_FOR_DELIVERY"),
                "proof", org.hamcrest.Matchers.nullValue());
        carrier(c.subject()).get("/shipments/" + id + "/tracking").then()
                .body("events.status", contains("ASSIGNED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY"));
    }

    @Test
    void failedAttemptNeedsReasonThenGoesOutAgainOrBack() {
        CarrierRef c = Fixtures.allRounder();
        long id = outForDelivery(c, assignedTo(c));
        carrier(c.subject()).body(status("FAILED_ATTEMPT")).post("/shipments/" + id + "/events").then()
                .statusCode(400).body("violations.field", hasItem("reason"));
        Map<String, Object> failed = status("FAILED_ATTEMPT");
        failed.put("reason", "Người nhận vắng nhà");
        step(c, id, failed);
        step(c, id, status("OUT_FOR_DELIVERY"));
        step(c, id, failed);
        step(c, id, status("RETURNED"));
        carrier(c.subject()).body(status("OUT_FOR_DELIVERY")).post("/shipments/" + id + "/events").then()
                .statusCode(409).body("currentStatus", equalTo("RETURNED"), "allowedNext", emptyIterable());
        carrier(c.subject()).get("/shipments/" + id + "/tracking").then()
                .body("events.note", hasItem("Người nhận vắng nhà"));
    }

    @Test
    void cashOnDeliveryIsRecordedAndAMismatchIsFlagged() {
        CarrierRef c = Fixtures.allRounder();
        Map<String, Object> body = handoff(unique(), "VN");
        body.put("codAmount", 350_000);
        long exact = createShipment(body);
        carrier(c.subject()).post("/shipments/" + exact + "/accept").then().statusCode(200);
        outForDelivery(c, exact);
        carrier(c.subject()).body(delivered(deliveryCode(exact), null)).post("/shipments/" + exact + "/events")
                .then().statusCode(400).body("violations.field", hasItem("cashCollected"));
        carrier(c.subject()).body(delivered(deliveryCode(exact), 350_000L)).post("/shipments/" + exact + "/events")
                .then().statusCode(200).body("cashCollected", equalTo(350_000), "codMismatch", equalTo(false),
                        "alerts", emptyIterable());

        Map<String, Object> short_ = handoff(unique(), "VN");
        short_.put("codAmount", 350_000);
        long shortPaid = createShipment(short_);
        carrier(c.subject()).post("/shipments/" + shortPaid + "/accept").then().statusCode(200);
        outForDelivery(c, shortPaid);
        carrier(c.subject()).body(delivered(deliveryCode(shortPaid), 300_000L))
                .post("/shipments/" + shortPaid + "/events").then().statusCode(200)
                .body("status", equalTo("DELIVERED"), "cashCollected", equalTo(300_000),
                        "codMismatch", equalTo(true), "alerts.kind", hasItem("COD_MISMATCH"));
    }

    @Test
    void exportShipmentCannotBePickedUpWithItsChecklistIncomplete() {
        CarrierRef forwarder = Fixtures.allRounder();
        CarrierRef other = Fixtures.allRounder();
        long id = createShipment(handoff(unique(), "US"));
        carrier(forwarder.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
        carrier(forwarder.subject()).body(Map.of("documentRef", "IRR-2026-0611"))
                .put("/shipments/" + id + "/checklist/IRRADIATION_400GY").then().statusCode(200)
                .body("checklist.find { it.requirement == 'IRRADIATION_400GY' }.done", equalTo(true),
                        "checklist.find { it.requirement == 'IRRADIATION_400GY' }.documentRef",
                        equalTo("IRR-2026-0611"));

        carrier(forwarder.subject()).body(status("PICKED_UP")).post("/shipments/" + id + "/events").then()
                .statusCode(409).contentType("application/problem+json")
                .body("missing", contains("REGISTERED_ORCHARD", "PHYTOSANITARY_CERTIFICATE"),
                        "detail", containsString("PHYTOSANITARY_CERTIFICATE"));
        staff().get("/shipments/" + id).then().body("status", equalTo("ASSIGNED"));

        carrier(other.subject()).body(Map.of("documentRef", "X")).put("/shipments/" + id + "/checklist/REGISTERED_ORCHARD")
                .then().statusCode(403);
        staff().body(Map.of("documentRef", "X")).put("/shipments/" + id + "/checklist/IMPORT_PERMIT").then()
                .statusCode(404);
        staff().body(Map.of("documentRef", "X")).put("/shipments/" + id + "/checklist/BRIBE").then()
                .statusCode(400).body("violations.field", hasItem("requirement"));
        staff().body(Map.of()).put("/shipments/" + id + "/checklist/REGISTERED_ORCHARD").then()
                .statusCode(400).body("violations.field", hasItem("documentRef"));

        staff().body(Map.of("documentRef", "VN-BG-LN-0042")).put("/shipments/" + id + "/checklist/REGISTERED_ORCHARD")
                .then().statusCode(200);
        staff().body(Map.of("documentRef", "PC-2026-118"))
                .put("/shipments/" + id + "/checklist/PHYTOSANITARY_CERTIFICATE").then().statusCode(200)
                .body("checklist.done", contains(true, true, true), "checklist.tickedBy", hasItem("staff-hoa"));
        step(forwarder, id, status("PICKED_UP"));
        staff().body(Map.of("documentRef", "late")).put("/shipments/" + id + "/checklist/REGISTERED_ORCHARD")
                .then().statusCode(409);
        staff().get("/shipments/" + id).then().body("status", equalTo("PICKED_UP"), "pickedUpAt", notNullValue());
    }

    @Test
    void trackingBodiesWithWrongTypesAreRefusedNamingTheField() {
        CarrierRef c = Fixtures.allRounder();
        long id = outForDelivery(c, assignedTo(c));
        Map<String, Object> body = delivered(deliveryCode(id), null);
        body.put("cashCollected", -1);
        carrier(c.subject()).body(body).post("/shipments/" + id + "/events").then().statusCode(400)
                .body("violations.field", hasItem("cashCollected"));
        body.put("cashCollected", 0);
        body.put("proof", Map.of("deliveryCode", deliveryCode(id)));
        carrier(c.subject()).body(body).post("/shipments/" + id + "/events").then().statusCode(400)
                .body("violations.field", hasItem("proof.recipientName"));
        staff().get("/shipments/" + id).then().body("status", equalTo("OUT_FOR_DELIVERY"));
    }

    @Test
    void historyListsEveryStepInOrder() {
        CarrierRef c = Fixtures.allRounder();
        long id = outForDelivery(c, assignedTo(c));
        staff().get("/shipments/" + id + "/tracking").then().statusCode(200)
                .body("events.status", equalTo(List.of("ASSIGNED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY")),
                        "events.actor", hasItem(c.subject()));
    }
}
