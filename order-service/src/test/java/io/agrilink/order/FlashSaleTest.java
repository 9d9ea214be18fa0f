package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** "Chốt đơn!": many buyers press buy at the same moment on one lot. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class FlashSaleTest {

    @Inject
    CatalogDouble catalog;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/orders")
    URI orders;

    @Test
    void threeHundredBuyersOnALotForAHundredOrdersGetExactlyAHundredOrders() throws Exception {
        long lot = catalog.addLot(100_000, 160_000, 42L, "farmer-lan");
        String body = json.writeValueAsString(cod(lot, 1_000));
        int batchCallsBefore = catalog.batchCalls();
        int confirmationCallsBefore = catalog.confirmationCalls();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService buyers = Executors.newFixedThreadPool(100)) {
            for (int i = 0; i < 300; i++) {
                String token = Tokens.of(Roles.BUYER, unique("flash-buyer"));
                answers.add(buyers.submit(() -> {
                    start.await();
                    return http.send(HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
        }
        int placed = 0;
        int soldOut = 0;
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 201) {
                placed++;
            } else {
                assertEquals(409, response.statusCode(), response.body());
                JsonNode problem = json.readTree(response.body());
                assertEquals(0, problem.get("gramsLeft").asLong(), response.body());
                assertEquals(lot, problem.get("lotId").asLong());
                assertTrue(problem.get("detail").asText().contains("sold out"));
                soldOut++;
            }
        }
        assertEquals(100, placed);
        assertEquals(200, soldOut);
        assertEquals(0, catalog.gramsLeft(lot));
        assertTrue(catalog.lowestGrams(lot) >= 0, "stock never went negative");
        Object[] counted = (Object[]) entityManager.createNativeQuery(
                "select count(distinct o.id), coalesce(sum(l.grams), 0) from order_line l"
                        + " join customer_order o on o.id = l.order_id where l.lot_id = :lot and o.status <> 'CANCELLED'")
                .setParameter("lot", lot).getSingleResult();
        assertEquals(100, ((Number) counted[0]).longValue());
        assertEquals(100_000, ((Number) counted[1]).longValue());
        // ids left over from one batch's block of 50 serve the next batches: order numbers stay dense
        Object[] span = (Object[]) entityManager.createNativeQuery(
                "select min(o.id), max(o.id) from customer_order o join order_line l on l.order_id = o.id"
                        + " where l.lot_id = :lot")
                .setParameter("lot", lot).getSingleResult();
        long idSpan = ((Number) span[1]).longValue() - ((Number) span[0]).longValue() + 1;
        assertTrue(idSpan < 150, "100 orders spread over " + idSpan + " ids");
        int batchCalls = catalog.batchCalls() - batchCallsBefore;
        // a figure to read, not a threshold: the benchmark in suite measures throughput properly
        System.out.printf("Flash sale: 300 placements answered in %d ms with %d reservation batch calls%n",
                elapsedMillis, batchCalls);
        assertTrue(batchCalls < 300, "placements were grouped into batches: " + batchCalls);

        // cash on delivery: every reservation is confirmed through the outbox, many per catalogue call
        List<String> refs = ((List<?>) entityManager.createNativeQuery("select distinct o.order_ref from customer_order o"
                + " join order_line l on l.order_id = o.id where l.lot_id = :lot").setParameter("lot", lot)
                .getResultList()).stream().map(Object::toString).toList();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> refs.stream().allMatch(ref -> "CONFIRMED".equals(catalog.reservation(ref).status)));
        int confirmationCalls = catalog.confirmationCalls() - confirmationCallsBefore;
        assertTrue(confirmationCalls >= 1 && confirmationCalls < 100,
                "100 confirmations were grouped: " + confirmationCalls + " calls");
    }
}
