package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.cod;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.place;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Stock that was reserved for an order that does not go ahead always goes back. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ReservationReleaseTest {

    /** Orders to this recipient fail on insert, after their stock was reserved (a trigger made by the test). */
    private static final String FAILING_RECIPIENT = "FAIL-INSERT";

    @Inject
    CatalogDouble catalog;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OrderLifecycle lifecycle;

    @BeforeEach
    void failInsertsForTheTestRecipient() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create or replace function refuse_test_order() returns trigger language plpgsql as"
                    + " $$ begin raise exception 'insert refused by the test'; end $$");
            sql.execute("drop trigger if exists refuse_test_order on customer_order");
            sql.execute("create trigger refuse_test_order before insert on customer_order for each row"
                    + " when (new.recipient = '" + FAILING_RECIPIENT + "') execute function refuse_test_order()");
        }
    }

    @Test
    void orderWhoseInsertFailsAfterItsReservationLeavesNoStockHeld() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        place(buyer, UUID.randomUUID().toString(), order(lot, 3_000, "CASH_ON_DELIVERY", hanoi(FAILING_RECIPIENT)))
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("released"));
        List<CatalogDouble.Held> reservations = catalog.reservationsOf(buyer);
        assertEquals(1, reservations.size(), "the stock was reserved before the insert");
        assertEquals("RELEASED", reservations.get(0).status);
        assertTrue(catalog.releases().contains(reservations.get(0).orderRef), "the release call happened");
        assertEquals(10_000, catalog.gramsLeft(lot));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void oneFailingOrderDoesNotSinkTheOthersOfItsBatch() throws Exception {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        List<String> buyers = new ArrayList<>();
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String buyer = unique("batch-buyer");
            buyers.add(buyer);
            String recipient = i == 3 ? FAILING_RECIPIENT : "Phạm Thị Mai";
            answers.add(CompletableFuture.supplyAsync(() -> place(buyer, UUID.randomUUID().toString(),
                    order(lot, 1_000, "CASH_ON_DELIVERY", hanoi(recipient)))));
        }
        for (int i = 0; i < answers.size(); i++) {
            answers.get(i).get().then().statusCode(i == 3 ? 503 : 201);
        }
        assertEquals("RELEASED", catalog.reservationsOf(buyers.get(3)).get(0).status);
        assertEquals(5_000, catalog.gramsLeft(lot));
    }

    @Test
    void unpaidBankTransferOrderIsCancelledAndItsStockReleased() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        long id = placed(buyer, order(lot, 4_000, "BANK_TRANSFER", hanoi("Đỗ Văn Hùng")));
        assertEquals(6_000, catalog.gramsLeft(lot));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id).then().body("status",
                equalTo("PLACED"));

        // the scheduled sweep, run as if the 30-minute window had passed
        assertTrue(lifecycle.cancelUnpaid(Instant.now().plus(Duration.ofMinutes(31)), 1000) >= 1);
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id + "/history").then()
                .body("action", hasItem("CANCELLED"), "actor", hasItem("system"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> catalog.gramsLeft(lot) == 10_000);
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).contentType("application/json")
                .body(Map.of("reference", "late")).post("/orders/" + id + "/payment").then().statusCode(409);
    }

    @Test
    void buyerCancellationReleasesTheStock() {
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        String buyer = unique("buyer");
        long id = placed(buyer, cod(lot, 2_500));
        assertEquals(7_500, catalog.gramsLeft(lot));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json")
                .body(Map.of("reason", "đặt nhầm")).post("/orders/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> catalog.gramsLeft(lot) == 10_000);
    }
}
