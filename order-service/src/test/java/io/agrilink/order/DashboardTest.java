package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.abroad;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
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

/** The campaign counter equals the sums of the orders, to the gram and the đồng. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class DashboardTest {

    @Inject
    CatalogDouble catalog;

    @Test
    void dashboardNumbersEqualTheSumsOfTheOrders() {
        long campaign = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
        long premium = catalog.addLot(500_000, 185_000, campaign, "farmer-lan");
        long grade1 = catalog.addLot(500_000, 99_999, campaign, "farmer-minh");
        long offCampaign = catalog.addLot(500_000, 70_000, null, "farmer-minh");
        Map<String, Object> hcm = Map.of("recipient", "Lý Văn Phúc", "phone", "0908 123 456", "country", "VN",
                "province", "Hồ Chí Minh", "commune", "Phường Sài Gòn", "street", "1 Lê Duẩn");
        String staff = Tokens.of(Roles.STAFF, "staff-hoa");

        List<String> buyers = List.of(unique("buyer-hanoi"), unique("buyer-hanoi"), unique("buyer-hcm"),
                unique("buyer-us"), unique("buyer-jp"), unique("buyer-au"));
        placed(buyers.get(0), order(premium, 2_000, "CASH_ON_DELIVERY", hanoi("Nguyễn Văn An")));
        placed(buyers.get(1), Map.of("lines", List.of(Map.of("lotId", grade1, "grams", 1_333),
                Map.of("lotId", offCampaign, "grams", 5_000)), "delivery", hanoi("Trần Thị Bích"), "payment",
                "CASH_ON_DELIVERY"));
        placed(buyers.get(2), order(grade1, 3_001, "BANK_TRANSFER", hcm));
        placed(buyers.get(3), order(premium, 5_000, "BANK_TRANSFER", abroad("US", "94105")));
        placed(buyers.get(4), order(grade1, 1_500, "BANK_TRANSFER", abroad("JP", "100-0001")));
        long cancelled = placed(buyers.get(5), order(premium, 7_000, "BANK_TRANSFER", abroad("AU", "2000")));
        given().auth().oauth2(staff).contentType("application/json").body("{}")
                .post("/orders/" + cancelled + "/cancel").then().statusCode(200);

        // the expected figures, summed from the orders themselves
        List<Map<String, Object>> orders = new java.util.ArrayList<>();
        for (String buyer : buyers) {
            orders.addAll(given().auth().oauth2(staff).get("/orders?buyer=" + buyer).then().statusCode(200)
                    .extract().jsonPath().getList("items"));
        }
        long count = 0;
        long grams = 0;
        long revenue = 0;
        Map<String, Long> gramsByCountry = new HashMap<>();
        Map<String, Long> gramsByProvince = new HashMap<>();
        for (Map<String, Object> o : orders) {
            if ("CANCELLED".equals(o.get("status"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) o.get("lines");
            @SuppressWarnings("unchecked")
            Map<String, Object> delivery = (Map<String, Object>) o.get("delivery");
            boolean inCampaign = false;
            for (Map<String, Object> l : lines) {
                if (l.get("campaignId") != null && ((Number) l.get("campaignId")).longValue() == campaign) {
                    inCampaign = true;
                    long g = ((Number) l.get("grams")).longValue();
                    grams += g;
                    revenue += ((Number) l.get("amount")).longValue();
                    gramsByCountry.merge((String) delivery.get("country"), g, Long::sum);
                    if ("VN".equals(delivery.get("country"))) {
                        gramsByProvince.merge((String) delivery.get("province"), g, Long::sum);
                    }
                }
            }
            count += inCampaign ? 1 : 0;
        }
        assertEquals(5, count);
        assertEquals(2_000 + 1_333 + 3_001 + 5_000 + 1_500, grams);

        JsonPath dashboard = given().auth().oauth2(staff).get("/dashboard/campaigns/" + campaign).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(count, dashboard.getLong("orders"));
        assertEquals(grams, dashboard.getLong("grams"));
        assertEquals(revenue, dashboard.getLong("revenue"));
        assertEquals(String.valueOf(grams / 1000.0), dashboard.getString("kilograms"));
        for (Map.Entry<String, Long> e : gramsByCountry.entrySet()) {
            assertEquals(e.getValue(),
                    dashboard.getLong("byCountry.find { it.key == '" + e.getKey() + "' }.grams"), e.getKey());
        }
        assertEquals(gramsByCountry.size(), dashboard.getList("byCountry").size());
        for (Map.Entry<String, Long> e : gramsByProvince.entrySet()) {
            assertEquals(e.getValue(),
                    dashboard.getLong("byProvince.find { it.key == '" + e.getKey() + "' }.grams"), e.getKey());
        }
        long perMinute = dashboard.getList("perMinute.grams", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(grams, perMinute);
        given().auth().oauth2(Tokens.of(Roles.BUYER, "buyer-x")).get("/dashboard/campaigns/" + campaign).then()
                .statusCode(403);
    }
}
