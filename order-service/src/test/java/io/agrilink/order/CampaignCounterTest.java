package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.abroad;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The campaign page's counter: anyone may read it, it adds up as the staff dashboard does, and names no buyer. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CampaignCounterTest {

    @Inject
    CatalogDouble catalog;

    @Test
    void anyoneReadsTheCampaignsTotalsAndGramsByProvinceWithoutAnyBuyersData() {
        long campaign = ThreadLocalRandom.current().nextLong(2_000_000, 3_000_000);
        long lot = catalog.addLot(500_000, 185_000, campaign, "farmer-lan");
        long offCampaign = catalog.addLot(500_000, 70_000, null, "farmer-minh");
        Map<String, Object> hcm = Map.of("recipient", "Lý Văn Phúc", "phone", "0908 123 456", "country", "VN",
                "province", "Hồ Chí Minh", "commune", "Phường Sài Gòn", "street", "1 Lê Duẩn");
        placed(unique("buyer-hanoi"), order(lot, 2_000, "CASH_ON_DELIVERY", hanoi("Nguyễn Văn An")));
        placed(unique("buyer-hanoi"), Map.of("lines", List.of(Map.of("lotId", lot, "grams", 1_500),
                Map.of("lotId", offCampaign, "grams", 5_000)), "delivery", hanoi("Trần Thị Bích"), "payment",
                "CASH_ON_DELIVERY"));
        placed(unique("buyer-hcm"), order(lot, 3_000, "BANK_TRANSFER", hcm));
        placed(unique("buyer-us"), order(lot, 4_000, "BANK_TRANSFER", abroad("US", "94105")));
        long cancelled = placed(unique("buyer-hcm"), order(lot, 7_000, "CASH_ON_DELIVERY", hcm));
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).contentType("application/json").body("{}")
                .post("/orders/" + cancelled + "/cancel").then().statusCode(200);

        Response answer = given().get("/campaigns/" + campaign + "/counter");
        answer.then().statusCode(200).header("Cache-Control", "public, max-age=1");
        JsonPath counter = answer.jsonPath();
        assertEquals(campaign, counter.getLong("campaignId"));
        assertEquals(4, counter.getLong("orders"));
        assertEquals(2_000 + 1_500 + 3_000 + 4_000, counter.getLong("grams"), "the off-campaign line and the cancelled order left out");
        assertEquals(2, counter.getList("byProvince").size(), "Vietnamese provinces only");
        assertEquals(3_500, counter.getLong("byProvince.find { it.province == 'Hà Nội' }.grams"));
        assertEquals(2, counter.getLong("byProvince.find { it.province == 'Hà Nội' }.orders"));
        assertEquals(3_000, counter.getLong("byProvince.find { it.province == 'Hồ Chí Minh' }.grams"));
        String body = answer.asString();
        for (String secret : new String[] { "buyer", "revenue", "Nguyễn", "0912", "amount", "Lê Duẩn" }) {
            assertFalse(body.contains(secret), secret + " is in the public counter: " + body);
        }

        JsonPath dashboard = given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa"))
                .get("/dashboard/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
        assertEquals(dashboard.getLong("orders"), counter.getLong("orders"));
        assertEquals(dashboard.getLong("grams"), counter.getLong("grams"));
    }

    @Test
    void aCampaignWithoutOrdersCountsZero() {
        given().get("/campaigns/987654321/counter").then().statusCode(200)
                .body("orders", org.hamcrest.Matchers.equalTo(0)).body("grams", org.hamcrest.Matchers.equalTo(0))
                .body("byProvince.size()", org.hamcrest.Matchers.equalTo(0));
    }
}
