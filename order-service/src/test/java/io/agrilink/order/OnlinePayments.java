package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.placed;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** What the VNPay and Stripe tests share: an order to pay online, its payment started, its state read. */
final class OnlinePayments {

    static final String STAFF = Tokens.of(Roles.STAFF, "staff-hoa");
    static final String BUYER_IP = "203.113.0.7";

    private OnlinePayments() {
    }

    /** An order of 1 kg at 150,000 đ/kg (150,000 đ due) to be paid by the method, PLACED. */
    static long placedOnline(long lotId, String buyer, String method) {
        return placed(buyer, order(lotId, 1_000, method, hanoi("Nguyễn Văn An")));
    }

    /** The buyer starts paying: the pending payment. */
    static JsonPath start(String buyer, long orderId) {
        return given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json")
                .header("X-Forwarded-For", BUYER_IP).body("{}").post("/orders/" + orderId + "/payments").then()
                .statusCode(200).extract().jsonPath();
    }

    static JsonPath money(long orderId) {
        return given().auth().oauth2(STAFF).get("/orders/" + orderId + "/payments").then().statusCode(200).extract()
                .jsonPath();
    }

    static String status(long orderId) {
        return money(orderId).getString("orderStatus");
    }

    static ValidatableResponse history(long orderId) {
        return given().auth().oauth2(STAFF).get("/orders/" + orderId + "/history").then().statusCode(200);
    }

    static Response cancel(String token, long orderId) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("reason", "đổi ý"))
                .post("/orders/" + orderId + "/cancel");
    }

    static void awaitRefund(long orderId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertEquals(status, money(orderId).getString("refunds[0].status")));
    }

    /** Waits long enough for a relay round that must not happen (the outbox polls every second). */
    static void quietly() {
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
    }
}
