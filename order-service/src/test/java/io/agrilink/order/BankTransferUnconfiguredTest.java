package io.agrilink.order;

import static io.agrilink.order.BankNotifications.send;
import static io.agrilink.order.BankNotifications.transactionId;
import static io.agrilink.order.BankNotifications.transfer;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With no bank account and no notification secret configured: no VietQR code, and no webhook at all. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@TestProfile(BankTransferUnconfiguredTest.NoBank.class)
class BankTransferUnconfiguredTest {

    public static class NoBank implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("agrilink.payment.bank.bin", "", "agrilink.payment.bank.account", "",
                    "agrilink.payment.bank.account-name", "", "agrilink.payment.bank.notification-secret", "");
        }
    }

    @Inject
    CatalogDouble catalog;

    @Test
    void withoutASecretTheWebhookDoesNotExist() {
        send(transfer(transactionId(), "AGL1", 10_000)).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void withoutAnAccountABankTransferHasNoCodeAndStaffRecordItByHand() {
        String buyer = unique("buyer");
        long lot = catalog.addLot(100_000, 185_000, null, "farmer-lan");
        long id = placed(buyer, order(lot, 1_000, "BANK_TRANSFER", hanoi("Nguyễn Văn An")));

        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json").body("{}")
                .post("/orders/" + id + "/payments").then().statusCode(200)
                .body("status", equalTo("PENDING"), "vietQr", nullValue());
        given().auth().oauth2(Tokens.of(Roles.STAFF, "staff-hoa")).contentType("application/json")
                .body(Map.of("reference", "VCB FT26161")).post("/orders/" + id + "/payment").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
    }
}
