package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** training-service's funnel asks what each producer sold: sums over orders not cancelled, in a period. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProducerSalesTest {

    @Inject
    CatalogDouble catalog;

    @Test
    void eachProducersFirstSaleOrdersAndRevenueOnAHandBuiltSet() throws Exception {
        // the double's producer of a lot is lot + 500
        long lan = catalog.addLot(1_000_000, 160_000, null, "farmer-lan");
        long minh = catalog.addLot(1_000_000, 90_000, null, "farmer-minh");
        long nobody = catalog.addLot(1_000_000, 90_000, null, "farmer-hoa");
        long first = placed(unique("buyer"), cod(lan, 1_000));
        Instant between = pause();
        placed(unique("buyer"), Map.of("lines", List.of(Map.of("lotId", lan, "grams", 2_000),
                Map.of("lotId", minh, "grams", 1_500)), "delivery", hanoi("Trần Thị Bích"), "payment",
                "CASH_ON_DELIVERY"));
        long cancelled = placed(unique("buyer"), cod(minh, 10_000));
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).contentType("application/json").body("{}")
                .post("/orders/" + cancelled + "/cancel").then().statusCode(200);
        Instant end = pause();
        placed(unique("buyer"), cod(lan, 500));

        JsonPath all = service().queryParam("producer", lan + 500, minh + 500, nobody + 500)
                .get("/sales/producers").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) lan + 500, (int) minh + 500, (int) nobody + 500), all.getList("producerId"));
        assertEquals(3, all.getLong("[0].orders"));
        assertEquals(160_000 + 320_000 + 80_000, all.getLong("[0].revenue"));
        assertEquals(1, all.getLong("[1].orders"), "the cancelled order is not counted");
        assertEquals(135_000, all.getLong("[1].revenue"));
        assertEquals(0, all.getLong("[2].orders"));
        assertNull(all.get("[2].firstSaleAt"));
        Instant firstSale = Instant.parse(all.getString("[0].firstSaleAt"));
        assertFalse(firstSale.isAfter(between));

        // [between, end): the two-line order only; the first sale still over all time up to end
        JsonPath period = service().queryParam("producer", lan + 500).queryParam("producer", minh + 500)
                .queryParam("from", between.toString()).queryParam("to", end.toString())
                .get("/sales/producers").then().statusCode(200).extract().jsonPath();
        assertEquals(1, period.getLong("[0].orders"));
        assertEquals(320_000, period.getLong("[0].revenue"));
        assertEquals(firstSale, Instant.parse(period.getString("[0].firstSaleAt")));
        assertEquals(1, period.getLong("[1].orders"));
        assertEquals(135_000, period.getLong("[1].revenue"));

        // up to before the first order: no sale yet
        service().queryParam("producer", lan + 500).queryParam("to", "2020-01-01T00:00:00Z").get("/sales/producers")
                .then().statusCode(200).body("[0].orders", equalTo(0)).body("[0].revenue", equalTo(0))
                .body("[0].firstSaleAt", equalTo(null));
        String body = service().queryParam("producer", lan + 500).get("/sales/producers").asString();
        assertFalse(body.contains("buyer") || body.contains("Trần"), body);
        assertEquals(first, first);
    }

    @Test
    void onlyAServiceAsksAndBadInputIsA400() {
        given().queryParam("producer", 1).get("/sales/producers").then().statusCode(401);
        for (String role : new String[] { Roles.STAFF, Roles.FARMER, Roles.BUYER, Roles.CARRIER }) {
            given().auth().oauth2(Tokens.of(role, "someone")).queryParam("producer", 1).get("/sales/producers")
                    .then().statusCode(403);
        }
        List<Long> many = new ArrayList<>();
        for (long i = 1; i <= 201; i++) {
            many.add(i);
        }
        service().queryParam("producer", many).get("/sales/producers").then().statusCode(400)
                .body("violations[0].field", equalTo("producer"));
        service().queryParam("producer", "abc").get("/sales/producers").then().statusCode(400)
                .body("violations[0].field", equalTo("producer"));
        service().queryParam("producer", 0).get("/sales/producers").then().statusCode(400)
                .body("violations[0].field", equalTo("producer"));
        service().queryParam("producer", 1).queryParam("from", "yesterday").get("/sales/producers").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
        service().queryParam("producer", 1).queryParam("from", "2026-06-10T00:00:00Z")
                .queryParam("to", "2026-06-10T00:00:00Z").get("/sales/producers").then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        service().get("/sales/producers").then().statusCode(200).body("size()", equalTo(0));
    }

    private static RequestSpecification service() {
        return given().auth().oauth2(Tokens.of(Roles.SERVICE, "training-service"));
    }

    /** A moment strictly between the orders before and after it. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant now = Instant.now();
        Thread.sleep(20);
        return now;
    }
}
