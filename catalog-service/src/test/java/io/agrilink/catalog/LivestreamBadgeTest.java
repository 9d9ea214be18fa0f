package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asService;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.producerBody;
import static io.agrilink.catalog.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The livestream-ready badge and the listing counts that training-service relies on. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LivestreamBadgeTest {

    @Test
    void onlyTrainingServiceGrantsTheBadgeAndEveryProducerOfTheFarmerShowsIt() {
        String farmer = unique("farmer");
        long before = Fixtures.producer(farmer);
        Map<String, String> badge = Map.of("certificateCode", "LS-2026-0001");
        as(Roles.FARMER, farmer).body(badge).put("/farmers/" + farmer + "/livestream-ready").then().statusCode(403);
        asStaff().body(badge).put("/farmers/" + farmer + "/livestream-ready").then().statusCode(403);
        given().contentType("application/json").body(badge).put("/farmers/" + farmer + "/livestream-ready").then()
                .statusCode(401);
        given().get("/producers/" + before).then().body("livestreamReady", equalTo(false));

        asService().body(badge).put("/farmers/" + farmer + "/livestream-ready").then().statusCode(204);
        asService().body(badge).put("/farmers/" + farmer + "/livestream-ready").then().statusCode(204);
        given().get("/producers/" + before).then().body("livestreamReady", equalTo(true));
        long after = Fixtures.producer(farmer);
        given().get("/producers/" + after).then().body("livestreamReady", equalTo(true));
    }

    @Test
    void aFarmerCannotGrantTheBadgeThroughTheProducerBody() {
        String farmer = unique("farmer");
        Map<String, Object> body = producerBody(unique("Hộ"), "Bắc Ninh");
        body.put("livestreamReady", true);
        as(Roles.FARMER, farmer).body(body).post("/producers").then().statusCode(201)
                .body("livestreamReady", equalTo(false));
    }

    @Test
    void badgeNeedsACertificateCode() {
        asService().body(Map.of()).put("/farmers/x/livestream-ready").then().statusCode(400)
                .body("violations.field", contains("certificateCode"));
    }

    @Test
    void listingsCountProductsOfTheProducersEachFarmerOwns() {
        String busy = unique("farmer");
        String idle = unique("farmer");
        long producer = Fixtures.producer(busy);
        Fixtures.product(busy, producer, 50_000);
        Fixtures.product(busy, producer, 60_000);
        Fixtures.product(busy, Fixtures.producer(busy), 70_000);
        Fixtures.producer(idle);
        asService().get("/farmers/listings?subject=" + busy + "&subject=" + idle + "&subject=nobody").then()
                .statusCode(200).body("subject", contains(busy, idle, "nobody"), "products", contains(3, 0, 0));
        asStaff().get("/farmers/listings?subject=" + busy).then().statusCode(200);
        as(Roles.FARMER, busy).get("/farmers/listings?subject=" + busy).then().statusCode(403);
    }
}
