package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.place;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.service.Housekeeping;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class IdempotencyTest {

    @Inject
    CatalogDouble catalog;

    @Inject
    Housekeeping housekeeping;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/orders")
    URI orders;

    @Test
    void retriesWithOneKeyCreateOneOrderAndGetTheSameAnswer() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        String key = UUID.randomUUID().toString();
        Response first = place(buyer, key, cod(lot, 1_000));
        first.then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            Response retry = place(buyer, key, cod(lot, 1_000));
            retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                    .header("Location", first.header("Location"));
            assertEquals(first.asString(), retry.asString());
        }
        // the draft's quoted form of the same key is the same key
        place(buyer, "\"" + key + "\"", cod(lot, 1_000)).then().statusCode(201)
                .body("id", equalTo(first.jsonPath().getInt("id")));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders").then().statusCode(200)
                .body("total", equalTo(1));
        assertEquals(1, catalog.reservationsOf(buyer).size());
        assertEquals(9_000, catalog.gramsLeft(lot));
    }

    @Test
    void sameKeyWithDifferentBodyIsUnprocessable() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        String key = UUID.randomUUID().toString();
        place(buyer, key, cod(lot, 1_000)).then().statusCode(201);
        place(buyer, key, cod(lot, 2_000)).then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, catalog.reservationsOf(buyer).size());
        assertEquals(9_000, catalog.gramsLeft(lot));
    }

    @Test
    void sameKeyWhileTheFirstIsInFlightIsConflict() throws Exception {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        String key = UUID.randomUUID().toString();
        catalog.pause();
        CompletableFuture<Response> first;
        try {
            first = CompletableFuture.supplyAsync(() -> place(buyer, key, cod(lot, 1_000)));
            assertTrue(catalog.awaitArrival(), "the first request reached the catalogue");
            place(buyer, key, cod(lot, 1_000)).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("still being processed"));
        } finally {
            catalog.resume();
        }
        Response original = first.get(20, TimeUnit.SECONDS);
        original.then().statusCode(201);
        Response after = place(buyer, key, cod(lot, 1_000));
        after.then().statusCode(201);
        assertEquals(original.asString(), after.asString());
        assertEquals(1, catalog.reservationsOf(buyer).size());
    }

    /*
     * Four buyers each place orders one after another and retry every one the moment its 201
     * arrives, as a client whose connection dropped with the answer would: the retry must find
     * the answer already stored, never the first request still "being processed".
     */
    @Test
    void aRetrySentTheMomentTheAnswerArrivesIsReplayed() throws Exception {
        int clients = 4;
        int ordersPerClient = 250;
        long lot = catalog.addLot(clients * ordersPerClient * 100L, 150_000, null, "farmer-lan");
        String body = json.writeValueAsString(cod(lot, 100));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> buyers = new ArrayList<>();
        List<Future<List<String>>> outcomes = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                String buyer = unique("quick-retry-buyer");
                buyers.add(buyer);
                String token = Tokens.of(Roles.BUYER, buyer);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < ordersPerClient; i++) {
                        HttpRequest request = HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (first.statusCode() != 201) {
                            wrong.add("first " + first.statusCode() + " " + first.body());
                            continue;
                        }
                        HttpResponse<String> retry = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (retry.statusCode() != 201
                                || !retry.headers().firstValue("Idempotent-Replayed").equals(Optional.of("true"))
                                || !retry.headers().firstValue("Location").equals(first.headers().firstValue("Location"))
                                || !retry.body().equals(first.body())) {
                            wrong.add("retry " + retry.statusCode() + " " + retry.body());
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
        }
        List<String> wrong = new ArrayList<>();
        for (Future<List<String>> outcome : outcomes) {
            wrong.addAll(outcome.get());
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + clients * ordersPerClient + " went wrong");
        long placed = ((Number) entityManager
                .createNativeQuery("select count(*) from customer_order where buyer in (:buyers)")
                .setParameter("buyers", buyers).getSingleResult()).longValue();
        assertEquals(clients * ordersPerClient, placed);
        assertEquals(0, catalog.gramsLeft(lot));
    }

    @Test
    void keysAreScopedPerCaller() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String key = UUID.randomUUID().toString();
        int a = place(unique("buyer-a"), key, cod(lot, 1_000)).then().statusCode(201).extract().path("id");
        int b = place(unique("buyer-b"), key, cod(lot, 1_000)).then().statusCode(201).extract().path("id");
        assertTrue(a != b);
        assertEquals(8_000, catalog.gramsLeft(lot));
    }

    @Test
    void aFailedAttemptIsNotRememberedSoItsRetryCanSucceed() {
        long lot = catalog.addLot(1_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        String key = UUID.randomUUID().toString();
        place(buyer, key, cod(lot, 2_000)).then().statusCode(409).body("gramsLeft", equalTo(1_000));
        catalog.down(true);
        try {
            place(buyer, key, cod(lot, 1_000)).then().statusCode(503);
        } finally {
            catalog.down(false);
        }
        place(buyer, key, cod(lot, 1_000)).then().statusCode(201);
    }

    @Test
    void keysOlderThanTheRetentionArePurged() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        String key = UUID.randomUUID().toString();
        place(buyer, key, cod(lot, 1_000)).then().statusCode(201);
        housekeeping.purgeIdempotencyKeys(Instant.now().minusSeconds(3600));
        place(buyer, key, cod(lot, 1_000)).then().statusCode(201).header("Idempotent-Replayed", "true");
        assertTrue(housekeeping.purgeIdempotencyKeys(Instant.now().plusSeconds(1)) >= 1);
        // forgotten: the key now places a new order
        place(buyer, key, cod(lot, 1_000)).then().statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        assertEquals(2, catalog.reservationsOf(buyer).size());
    }
}
