package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.carrier;
import static io.agrilink.logistics.Fixtures.createShipment;
import static io.agrilink.logistics.Fixtures.deliveryCode;
import static io.agrilink.logistics.Fixtures.handoff;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.step;
import static io.agrilink.logistics.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.logistics.Fixtures.CarrierRef;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class StaffViewsTest {

    private static long shipmentDueIn(ChronoUnit unit, long amount, CarrierRef carrier) {
        Map<String, Object> body = handoff(unique(), "VN");
        body.put("deliverBy", Instant.now().plus(amount, unit).toString());
        long id = createShipment(body);
        carrier(carrier.subject()).post("/shipments/" + id + "/accept").then().statusCode(200);
        return id;
    }

    private static void deliver(CarrierRef c, long id) {
        step(c, id, Map.of("status", "PICKED_UP"));
        step(c, id, Map.of("status", "IN_TRANSIT", "location", "Hà Nội"));
        step(c, id, Map.of("status", "OUT_FOR_DELIVERY"));
        step(c, id, Map.of("status", "DELIVERED", "proof",
                Map.of("recipientName", "Lê Văn An", "deliveryCode", deliveryCode(id))));
    }

    @Test
    void atRiskListsShipmentsDueSoonByCarrierAndProvince() {
        CarrierRef c = Fixtures.allRounder();
        long dueSoon = shipmentDueIn(ChronoUnit.HOURS, 2, c);
        long dueLater = shipmentDueIn(ChronoUnit.DAYS, 10, c);
        long deliveredSoon = shipmentDueIn(ChronoUnit.HOURS, 3, c);
        deliver(c, deliveredSoon);

        staff().get("/shipments/at-risk?withinHours=24&carrierId=" + c.id()).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) dueSoon)), "total", equalTo(1), "page", equalTo(0),
                        "size", equalTo(20));
        staff().get("/shipments/at-risk?withinHours=300&carrierId=" + c.id()).then()
                .body("items.id", equalTo(List.of((int) dueSoon, (int) dueLater)));
        staff().get("/shipments/at-risk?withinHours=24&size=100&province=Bắc Giang").then().statusCode(200)
                .body("items.id", hasItem((int) dueSoon));
        staff().get("/shipments/at-risk?withinHours=24&size=100&province=Cà Mau").then().statusCode(200)
                .body("items.id", not(hasItem((int) dueSoon)));
        staff().get("/shipments/at-risk?province=Atlantis").then().statusCode(400)
                .body("violations.field", hasItem("province"));
        staff().get("/shipments/at-risk?withinHours=-1").then().statusCode(400);
        carrier(c.subject()).get("/shipments/at-risk").then().statusCode(403);
        Fixtures.as(Roles.BUYER, "buyer-hanoi").get("/shipments/at-risk").then().statusCode(403);
    }

    @Test
    void performanceCountsDeliveriesBeforeTheDeadline() {
        CarrierRef c = Fixtures.allRounder();
        carrier(c.subject()).get("/carriers/" + c.id() + "/performance").then().statusCode(200)
                .body("delivered", equalTo(0), "onTimeRate", nullValue());
        long onTime = shipmentDueIn(ChronoUnit.DAYS, 2, c);
        long late = shipmentDueIn(ChronoUnit.HOURS, -1, c);
        long alsoOnTime = shipmentDueIn(ChronoUnit.DAYS, 1, c);
        deliver(c, onTime);
        deliver(c, late);
        deliver(c, alsoOnTime);
        shipmentDueIn(ChronoUnit.DAYS, 1, c);

        staff().get("/carriers/" + c.id() + "/performance").then().statusCode(200)
                .body("carrierId", equalTo((int) c.id()), "delivered", equalTo(3), "deliveredOnTime", equalTo(2),
                        "onTimeRate", equalTo(0.6667f));

        JsonPath all = null;
        for (int page = 0; all == null || !all.getList("items.carrierId").contains((int) c.id()); page++) {
            all = staff().get("/carriers/performance?size=100&page=" + page).then().statusCode(200).extract()
                    .jsonPath();
            if (all.getList("items").isEmpty()) {
                break;
            }
        }
        assertEquals(3, all.getInt("items.find { it.carrierId == " + c.id() + " }.delivered"));

        CarrierRef other = Fixtures.allRounder();
        carrier(other.subject()).get("/carriers/" + c.id() + "/performance").then().statusCode(403);
        carrier(other.subject()).get("/carriers/performance").then().statusCode(403);
    }

    @Test
    void staffSearchShipmentsByStatusAndCarrier() {
        CarrierRef c = Fixtures.allRounder();
        long id = shipmentDueIn(ChronoUnit.DAYS, 2, c);
        staff().get("/shipments?status=ASSIGNED&carrierId=" + c.id()).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) id)), "total", equalTo(1));
        staff().get("/shipments?status=DELIVERED&carrierId=" + c.id()).then().body("total", equalTo(0));
        staff().get("/shipments?status=LOST").then().statusCode(400).body("violations.field", hasItem("status"));
        staff().get("/shipments?size=101").then().statusCode(400);
    }
}
