package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.assignedTo;
import static io.agrilink.logistics.Fixtures.carrier;
import static io.agrilink.logistics.Fixtures.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.logistics.Fixtures.CarrierRef;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TemperatureTest {

    @Test
    void readingOutsideTheRangeRaisesAnAlert() {
        CarrierRef c = Fixtures.allRounder();
        long id = assignedTo(c);
        carrier(c.subject()).body(Map.of("value", 4.0, "unit", "C")).post("/shipments/" + id + "/temperatures")
                .then().statusCode(201).body("reading.outOfRange", equalTo(false), "alert", nullValue());
        staff().get("/shipments/" + id).then().body("temperatureBreached", equalTo(false), "alerts", emptyIterable());

        carrier(c.subject()).body(Map.of("value", 9.5, "unit", "C")).post("/shipments/" + id + "/temperatures")
                .then().statusCode(201)
                .body("reading.outOfRange", equalTo(true), "alert.kind", equalTo("TEMPERATURE_OUT_OF_RANGE"),
                        "alert.detail", containsString("9.50 °C"));
        staff().get("/shipments/" + id).then()
                .body("temperatureBreached", equalTo(true), "alerts.kind", hasItem("TEMPERATURE_OUT_OF_RANGE"));
        staff().get("/shipments/at-risk?withinHours=0&size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        carrier(c.subject()).get("/shipments/" + id + "/tracking").then()
                .body("readings", hasSize(2), "readings.outOfRange", equalTo(java.util.List.of(false, true)));
    }

    @Test
    void fahrenheitReadingsAreConvertedBeforeTheCheck() {
        CarrierRef c = Fixtures.allRounder();
        long id = assignedTo(c);
        carrier(c.subject()).body(Map.of("value", 38.3, "unit", "F")).post("/shipments/" + id + "/temperatures")
                .then().statusCode(201)
                .body("reading.celsius", equalTo(3.5f), "reading.unit", equalTo("F"), "reading.outOfRange",
                        equalTo(false));
        carrier(c.subject()).body(Map.of("value", 50, "unit", "F")).post("/shipments/" + id + "/temperatures")
                .then().statusCode(201).body("reading.celsius", equalTo(10.0f), "reading.outOfRange", equalTo(true));
    }

    @Test
    void readingWithoutUnitIsRefusedNamingTheFieldAndNotStored() {
        CarrierRef c = Fixtures.allRounder();
        long id = assignedTo(c);
        carrier(c.subject()).body(Map.of("value", 4.0)).post("/shipments/" + id + "/temperatures").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("unit"));
        carrier(c.subject()).body(Map.of("value", 4.0, "unit", "K")).post("/shipments/" + id + "/temperatures")
                .then().statusCode(400).body("violations.field", hasItem("unit"));
        carrier(c.subject()).body(Map.of("unit", "C")).post("/shipments/" + id + "/temperatures").then()
                .statusCode(400).body("violations.field", hasItem("value"));
        carrier(c.subject()).get("/shipments/" + id + "/tracking").then().body("readings", emptyIterable());
    }

    @Test
    void ambientShipmentRecordsReadingsWithoutAlerts() {
        CarrierRef c = Fixtures.allRounder();
        Map<String, Object> body = Fixtures.handoff(Fixtures.unique(), "VN");
        body.put("coldChain", null);
        long id = Fixtures.createShipment(body);
        carrier(c.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
        carrier(c.subject()).body(Map.of("value", 31, "unit", "C")).post("/shipments/" + id + "/temperatures")
                .then().statusCode(201).body("reading.outOfRange", equalTo(false));
    }
}
