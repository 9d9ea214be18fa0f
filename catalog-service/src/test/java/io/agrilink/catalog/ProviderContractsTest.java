package io.agrilink.catalog;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.catalog.client.OrderRestClient;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.ContractSnapshot;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What catalog-service calls on order-service, and what its double of it serves and answers, follow
 * order-service's committed contract ({@code docs/contracts/order-service.yaml}).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProviderContractsTest {

    private static final String MOUNT = "/test-double/order";
    private static final ContractSnapshot ORDER = ContractSnapshot.of("order-service");

    @Test
    void orderClientCallsOnlyOrderServiceOperationsWithTheirFields() {
        ORDER.checkClient(OrderRestClient.class);
    }

    @Test
    void orderDoubleServesOnlyOrderServiceOperations() {
        ORDER.checkDouble(OrderDouble.class, MOUNT);
    }

    @Test
    void orderDoubleAnswersWithTheStatusesAndFieldsOfOrderService() {
        Map<String, Object> host = new java.util.LinkedHashMap<>();
        host.put("kind", "LEADER");
        host.put("name", "Phó Chủ tịch UBND tỉnh");
        host.put("subject", "leader-hung");
        host.put("teamId", null);
        host.put("members", List.of());
        Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("id", 999_001);
        snapshot.put("code", "LN6CH2");
        snapshot.put("campaignId", 1);
        snapshot.put("title", "Vải thiều Lục Ngạn – trực tiếp từ vườn");
        snapshot.put("state", "LIVE");
        snapshot.put("plannedStart", "2026-06-10T01:00:00Z");
        snapshot.put("plannedEnd", "2026-06-10T07:00:00Z");
        snapshot.put("startedAt", "2026-06-10T01:02:00Z");
        snapshot.put("endedAt", null);
        snapshot.put("teamId", null);
        snapshot.put("teamName", null);
        snapshot.put("hosts", List.of(host));
        snapshot.put("version", 2);
        given().auth().oauth2(Tokens.of(Roles.SERVICE, "catalog-service")).contentType("application/json")
                .filter(ORDER.exchanges(MOUNT)).body(snapshot).put(MOUNT + "/livestreams/999001").then().statusCode(204);
    }
}
