package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The placement batcher's worker reserves stock for many requests at once, on a thread of its own:
 * its call to catalog-service still carries the request id and the trace of the order it serves.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TracePropagationTest {

    @Inject
    CatalogDouble catalog;

    @Test
    void anOrdersRequestIdAndTraceReachCatalogThroughThePlacementBatcher() {
        long lot = catalog.addLot(10_000, 80_000, null, "farmer-lan");
        String requestId = "order-" + UUID.randomUUID();
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1;
        String trace = HexFormat.of().formatHex(id);

        given().auth().oauth2(Tokens.of(Roles.BUYER, unique("buyer"))).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Request-Id", requestId)
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .body(cod(lot, 1_000)).post("/orders")
                .then().statusCode(201).header("X-Request-Id", equalTo(requestId));

        assertTrue(catalog.batchCallers().contains(new CatalogDouble.Caller(requestId, trace)),
                () -> "catalog saw " + catalog.batchCallers());
    }
}
