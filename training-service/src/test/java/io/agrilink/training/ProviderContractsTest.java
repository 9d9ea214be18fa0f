package io.agrilink.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.ContractSnapshot;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agrilink.training.client.CatalogRestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * What training-service calls on catalog-service, and what its double of it serves and answers,
 * follow catalog-service's committed contract ({@code docs/contracts/catalog-service.yaml}).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProviderContractsTest {

    private static final String MOUNT = "/test-double/catalog";
    private static final ContractSnapshot CATALOG = ContractSnapshot.of("catalog-service");

    private static RequestSpecification asService() {
        return given().auth().oauth2(Tokens.of(Roles.SERVICE, "training-service")).contentType("application/json")
                .filter(CATALOG.exchanges(MOUNT));
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
}
