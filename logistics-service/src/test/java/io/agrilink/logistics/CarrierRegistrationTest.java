package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.as;
import static io.agrilink.logistics.Fixtures.carrier;
import static io.agrilink.logistics.Fixtures.staff;
import static io.agrilink.logistics.Fixtures.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CarrierRegistrationTest {

    private static Map<String, Object> carrierBody(String subject, Object provinces) {
        return Map.of("subject", subject, "name", "Vận tải Bắc Giang", "provinces", provinces,
                "capabilities", List.of("COLD_CHAIN"), "dailyCapacity", 40);
    }

    @Test
    void staffRegistersCarrierAndFormerProvinceNamesResolve() {
        String subject = "carrier-reg-" + unique();
        staff().body(carrierBody(subject, List.of("Bắc Giang", "ha noi")))
                .post("/carriers").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/carriers/"))
                .body("subject", equalTo(subject),
                        "provinces", containsInAnyOrder("Bắc Ninh", "Hà Nội"),
                        "capabilities", containsInAnyOrder("COLD_CHAIN"),
                        "dailyCapacity", equalTo(40));
    }

    @Test
    void nationwideCarrierServesAllThirtyFourProvinces() {
        staff().body(Map.of("subject", "carrier-nat-" + unique(), "name", "Giao hàng toàn quốc", "nationwide", true,
                "capabilities", List.of("COD_COLLECTION"), "dailyCapacity", 500))
                .post("/carriers").then().statusCode(201)
                .body("provinces", hasSize(34), "provinces", hasItem("Cà Mau"));
    }

    @Test
    void unknownProvinceIsRefusedNamingTheField() {
        staff().body(carrierBody("carrier-bad-" + unique(), List.of("Hà Nội", "Atlantis")))
                .post("/carriers").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("provinces[1]"));
    }

    @Test
    void unknownCapabilityAndZeroCapacityAreRefusedNamingTheField() {
        staff().body(Map.of("subject", "c-" + unique(), "name", "X", "provinces", List.of("Hà Nội"),
                "capabilities", List.of("TELEPORT"), "dailyCapacity", 5))
                .post("/carriers").then().statusCode(400).body("violations.field", hasItem("capabilities[0]"));
        staff().body(Map.of("subject", "c-" + unique(), "name", "X", "provinces", List.of("Hà Nội"),
                "dailyCapacity", 0))
                .post("/carriers").then().statusCode(400).body("violations.field", hasItem("dailyCapacity"));
    }

    @Test
    void subjectIsRegisteredOnlyOnce() {
        String subject = "carrier-twice-" + unique();
        staff().body(carrierBody(subject, List.of("Hà Nội"))).post("/carriers").then().statusCode(201);
        staff().body(carrierBody(subject, List.of("Hà Nội"))).post("/carriers").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void onlyStaffRegisterCarriers() {
        as(Roles.CARRIER, "carrier-self").body(carrierBody("carrier-self", List.of("Hà Nội")))
                .post("/carriers").then().statusCode(403);
        as(Roles.SERVICE, "order-service").body(carrierBody("carrier-svc", List.of("Hà Nội")))
                .post("/carriers").then().statusCode(403);
    }

    @Test
    void carrierSeesItsOwnRegistrationOnly() {
        Fixtures.CarrierRef mine = Fixtures.allRounder();
        Fixtures.CarrierRef other = Fixtures.allRounder();
        carrier(mine.subject()).get("/carriers/me").then().statusCode(200).body("id", equalTo((int) mine.id()));
        carrier(mine.subject()).get("/carriers/" + mine.id()).then().statusCode(200);
        carrier(mine.subject()).get("/carriers/" + other.id()).then().statusCode(403);
        carrier("carrier-never-registered").get("/carriers/me").then().statusCode(403)
                .contentType("application/problem+json");
        staff().get("/carriers/999999999").then().statusCode(404);
    }
}
