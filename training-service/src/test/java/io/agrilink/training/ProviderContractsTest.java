package io.agrilink.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.ContractSnapshot;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agrilink.training.client.CatalogRestClient;
import io.agrilink.training.client.OrderRestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * What training-service calls on catalog-service and order-service, and what its doubles of them
 * serve and answer, follow their committed contracts ({@code docs/contracts/catalog-service.yaml},
 * {@code docs/contracts/order-service.yaml}).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProviderContractsTest {

    private static final String MOUNT = "/test-double/catalog";
    private static final String ORDERS_MOUNT = "/test-double/orders";
    private static final ContractSnapshot CATALOG = ContractSnapshot.of("catalog-service");
    private static final ContractSnapshot ORDERS = ContractSnapshot.of("order-service");

    private static RequestSpecification asService() {
        return given().auth().oauth2(Tokens.of(Roles.SERVICE, "training-service")).contentType("application/json")
                .filter(CATALOG.exchanges(MOUNT));
    }

    private static RequestSpecification asServiceToOrders() {
        return given().auth().oauth2(Tokens.of(Roles.SERVICE, "training-service")).filter(ORDERS.exchanges(ORDERS_MOUNT));
    }

    @Test
    void catalogClientCallsOnlyCatalogServiceOperationsWithTheirFields() {
        CATALOG.checkClient(CatalogRestClient.class);
    }

    @Test
    void catalogDoubleServesOnlyCatalogServiceOperations() {
        CATALOG.checkDouble(CatalogDouble.class, MOUNT);
    }

    @Test
    void catalogDoubleAnswersWithTheStatusesAndFieldsOfCatalogService() {
        String granted = "farmer-" + UUID.randomUUID();
        String rejected = "farmer-" + UUID.randomUUID();
        CatalogDouble.REJECTED.add(rejected);
        CatalogDouble.PRODUCTS.put(granted, 3L);

        asService().body("{\"certificateCode\": \"AGL-2026-0001\"}")
                .put(MOUNT + "/farmers/" + granted + "/livestream-ready").then().statusCode(204);
        asService().body("{\"certificateCode\": \"AGL-2026-0002\"}")
                .put(MOUNT + "/farmers/" + rejected + "/livestream-ready").then().statusCode(400);
        asService().queryParam("subject", granted, rejected).get(MOUNT + "/farmers/listings").then().statusCode(200)
                .body("[0].products", equalTo(3), "[1].products", equalTo(0));
    }

    @Test
    void catalogDoubleAnswersActivityWithTheFieldsOfCatalogService() {
        String host = "farmer-" + UUID.randomUUID();
        CatalogDouble.ACTIVITY.put(host, new CatalogDouble.FarmerActivity(host, List.of(1L, 4L), "Bắc Ninh",
                "Xã Phượng Sơn", 2L, "Tổ bán hàng Phượng Sơn", 3, Instant.parse("2026-05-02T03:00:00Z"), 1,
                Instant.parse("2026-06-20T12:00:00Z")));
        asService().queryParam("subject", host, "farmer-" + UUID.randomUUID())
                .queryParam("until", "2026-09-01T00:00:00Z").get(MOUNT + "/farmers/activity").then().statusCode(200)
                .body("[0].productsListed", equalTo(3), "[0].teamName", equalTo("Tổ bán hàng Phượng Sơn"),
                        "[1].productsListed", equalTo(0));
    }

    @Test
    void orderClientCallsOnlyOrderServiceOperationsWithTheirFields() {
        ORDERS.checkClient(OrderRestClient.class);
    }

    @Test
    void orderDoubleServesOnlyOrderServiceOperations() {
        ORDERS.checkDouble(OrderDouble.class, ORDERS_MOUNT);
    }

    @Test
    void orderDoubleAnswersWithTheStatusesAndFieldsOfOrderService() {
        long sold = 9_900_000_000L + System.nanoTime() % 1_000_000;
        OrderDouble.SALES.put(sold, new OrderDouble.ProducerSales(sold, Instant.parse("2026-06-20T12:30:00Z"), 12,
                3_450_000));
        asServiceToOrders().queryParam("producer", sold, sold + 1).queryParam("from", "2026-06-01T00:00:00Z")
                .queryParam("to", "2026-09-01T00:00:00Z").get(ORDERS_MOUNT + "/sales/producers").then().statusCode(200)
                .body("[0].revenue", equalTo(3450000), "[1].orders", equalTo(0));
    }
}
