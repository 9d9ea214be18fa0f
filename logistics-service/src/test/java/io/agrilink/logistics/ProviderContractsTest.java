package io.agrilink.logistics;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.agrilink.logistics.client.OrderEventsRestClient;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.ContractSnapshot;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * What logistics-service calls on order-service, and what its double of it serves and answers,
 * follow order-service's committed contract ({@code docs/contracts/order-service.yaml}).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProviderContractsTest {

    private static final String MOUNT = "/test-double/order";
    private static final ContractSnapshot ORDER = ContractSnapshot.of("order-service");

    private static RequestSpecification asService() {
        return given().auth().oauth2(Tokens.of(Roles.SERVICE, "logistics-service")).contentType("application/json")
                .filter(ORDER.exchanges(MOUNT));
    }

    @Test
    void orderEventsClientCallsOnlyOrderServiceOperationsWithTheirFields() {
        ORDER.checkClient(OrderEventsRestClient.class);
    }

    @Test
    void orderServiceDoubleServesOnlyOrderServiceOperations() {
        ORDER.checkDouble(OrderServiceDouble.class, MOUNT);
    }

    @Test
    void orderServiceDoubleAnswersWithTheStatusesAndFieldsOfOrderService() {
        long known = 800_000 + System.nanoTime() % 100_000;
        long unknown = known + 100_000;
        OrderServiceDouble.forget(unknown);
        for (long orderId : new long[] { known, unknown }) {
            asService().body("""
                    {"eventId": "%s", "shipmentId": %d, "status": "PICKED_UP", "occurredAt": "2026-06-18T08:00:00Z",
                     "location": "Lục Ngạn", "note": "4 crates"}""".formatted(UUID.randomUUID(), orderId + 1))
                    .post(MOUNT + "/orders/" + orderId + "/shipment-events").then()
                    .statusCode(orderId == known ? 200 : 404);
        }
    }
}
