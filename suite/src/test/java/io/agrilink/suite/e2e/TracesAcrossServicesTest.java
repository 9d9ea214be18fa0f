package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.E2e.BUYER;
import static io.agrilink.suite.e2e.E2e.subject;
import static io.agrilink.suite.e2e.RunningSuite.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.agrilink.suite.Service;

/**
 * One order is one trace: the buyer's {@code traceparent} is continued by order-service and, through
 * the placement batcher's worker and its REST client, by catalog-service, which serves the stock
 * reservation in the same trace and under the same request id. Each service's access log names the
 * {@code traceparent} a request arrived with and the trace id it was served in ({@link RunningSuite}
 * turns the access log on; a blocking endpoint's line is written after its logging context is gone, so
 * catalog-service's is checked by the header its reservation arrived with).
 */
class TracesAcrossServicesTest {

    private final String farmer = subject("farmer-trace");
    private final String buyer = subject("buyer-trace");

    @Test
    void anOrdersTraceAndRequestIdReachCatalogService() {
        long lot = E2e.freshLot(farmer, "Bắc Giang", 10_000);
        String trace = HexFormat.of().formatHex(randomBytes(16));
        String requestId = "trace-test-" + E2e.RUN;

        as(Service.ORDER, BUYER, buyer).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + trace + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .header("X-Request-Id", requestId).body(E2e.codOrder(lot, 1_000)).post("/orders")
                .then().statusCode(201).header("X-Request-Id", equalTo(requestId));

        await("order-service served the order in the buyer's trace").atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertTrue(logOf(Service.ORDER).stream().anyMatch(line -> line.contains("POST /orders ")
                        && line.contains(" trace=" + trace + " ") && line.contains("request=" + requestId)),
                        "order-service log"));
        await("catalog-service received the reservation in the same trace").atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertTrue(logOf(Service.CATALOG).stream().anyMatch(
                        line -> line.contains("POST /stock/reservation-batches ")
                                && line.contains("traceparent=00-" + trace + "-") && line.contains("request=" + requestId)),
                        "catalog-service log"));
    }

    private static List<String> logOf(Service service) throws IOException {
        Path log = Path.of("target", "e2e", "logs", service.artifact() + ".log");
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        // an all-zero id is invalid in W3C trace context
        bytes[0] |= 1;
        return bytes;
    }
}
