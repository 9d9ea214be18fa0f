package io.agrilink.order;

import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.place;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.order.doubles.StripeDouble;
import io.agrilink.order.doubles.VnpayDouble;
import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Without their secrets VNPay and Stripe are off: not offered, refused at placement, their callbacks absent. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@TestProfile(UnconfiguredProvidersTest.WithoutSecrets.class)
class UnconfiguredProvidersTest {

    /** The test configuration without the VNPay hash secret and the Stripe API key. */
    public static class WithoutSecrets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("agrilink.payment.vnpay.hash-secret", "", "agrilink.payment.stripe.api-key", "");
        }
    }

    @Inject
    CatalogDouble catalog;

    @Test
    void unconfiguredProvidersAreNotOfferedAndTheirOrdersAreRefused() {
        given().get("/payments/methods").then().statusCode(200)
                .body("find { it.method == 'VNPAY' }.available", equalTo(false),
                        "find { it.method == 'STRIPE' }.available", equalTo(false));
        long lot = catalog.addLot(10_000, 150_000, null, "farmer-lan");
        for (String method : new String[] { "VNPAY", "STRIPE" }) {
            place(unique("buyer"), UUID.randomUUID().toString(), order(lot, 1_000, method, hanoi("Nguyễn Văn An")))
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("violations.field", hasItem("payment"));
        }
    }

    @Test
    void theirCallbacksAnswerNotFound() {
        given().queryParams(VnpayDouble.signed(VnpayDouble.ipn("AGL1-1", 1, "1", "00"))).get("/payments/vnpay/ipn")
                .then().statusCode(404).contentType("application/problem+json");
        String event = "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":{}}}";
        given().contentType("application/json").body(event.getBytes(StandardCharsets.UTF_8))
                .header("Stripe-Signature", StripeDouble.signature(event, StripeDouble.WEBHOOK_SECRET, Instant.now()))
                .post("/payments/stripe/webhook").then().statusCode(404).contentType("application/problem+json");
    }
}
