package io.agrilink.order;

import static io.agrilink.order.BankNotifications.SECRET;
import static io.agrilink.order.BankNotifications.json;
import static io.agrilink.order.BankNotifications.send;
import static io.agrilink.order.BankNotifications.signature;
import static io.agrilink.order.BankNotifications.transactionId;
import static io.agrilink.order.BankNotifications.transfer;
import static io.agrilink.order.OrderFixtures.hanoi;
import static io.agrilink.order.OrderFixtures.order;
import static io.agrilink.order.OrderFixtures.placed;
import static io.agrilink.order.OrderFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.order.doubles.CatalogDouble;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The bank-notification webhook trusts only the signature over the exact bytes: a forged, missing
 * or borrowed one is 401 and leaves no trace; what a signed body holds is still checked field by
 * field, and nothing a sender can put in it answers 500.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BankNotificationSecurityTest {

    private static final String STAFF = Tokens.of(Roles.STAFF, "staff-hoa");

    @Inject
    CatalogDouble catalog;

    @Test
    void aForgedMissingOrBorrowedSignatureIsRefusedAndChangesNothing() {
        String buyer = unique("buyer");
        long id = awaitingPayment(buyer);
        long amount = orderView(id).getLong("totalAmount");
        List<String> historyBefore = history(id);
        byte[] body = json(transfer(transactionId(), "AGL" + id, amount));
        byte[] other = json(transfer(transactionId(), "AGL" + id, amount));

        for (String wrong : new String[] { null, "", signature("not-the-secret-but-long-enough", body),
                signature(SECRET, other), signature(SECRET, body).replace("sha256=", "sha1="),
                signature(SECRET, body).substring("sha256=".length()), "sha256=" + "0".repeat(64), "sha256=xyz" }) {
            refused(send(body, wrong).then().statusCode(401), "X-Signature");
        }
        // signed for one body, sent with another: the signature covers the bytes, not the fields
        String signed = signature(SECRET, body);
        byte[] reformatted = new String(body, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        refused(send(reformatted, signed).then().statusCode(401), "X-Signature");

        assertEquals("PLACED", orderView(id).getString("status"));
        JsonPath payments = payments(buyer, id);
        assertEquals("PENDING", payments.getString("payments[0].status"));
        assertNull(payments.get("payments[0].receivedAmount"));
        assertEquals(historyBefore, history(id), "no history entry");

        // nothing was stored under the transaction id: the genuine notification still pays
        send(body).then().statusCode(200).body("outcome", equalTo("CONFIRMED"));
        assertEquals("CONFIRMED", orderView(id).getString("status"));
    }

    @Test
    void theWebhookNeedsNoTokenAndIgnoresOne() {
        byte[] body = json(transfer(transactionId(), "no reference here", 10_000));
        given().contentType("application/json").header("X-Signature", signature(SECRET, body)).body(body)
                .post(BankNotifications.PATH).then().statusCode(200).body("outcome", equalTo("UNKNOWN"));
        byte[] again = json(transfer(transactionId(), "no reference here", 10_000));
        given().auth().oauth2(Tokens.of(Roles.BUYER, "buyer-an")).contentType("application/json")
                .header("X-Signature", signature(SECRET, again)).body(again).post(BankNotifications.PATH).then()
                .statusCode(200).body("outcome", equalTo("UNKNOWN"));
        byte[] third = json(transfer(transactionId(), "no reference here", 10_000));
        given().auth().oauth2("not.a.token").contentType("application/json")
                .header("X-Signature", signature(SECRET, third)).body(third).post(BankNotifications.PATH).then()
                .statusCode(200).body("outcome", equalTo("UNKNOWN"));
    }

    @Test
    void aSignedBodyMissingAFieldOrWithABadValueIsA400NamingTheField() {
        for (String field : new String[] { "id", "transferAmount", "content" }) {
            Map<String, Object> fields = transfer(transactionId(), "AGL1", 10_000);
            fields.remove(field);
            invalid(send(fields), field);
            fields.put(field, null);
            invalid(send(fields), field);
        }
        invalid(send(with("transferAmount", -250_000)), "transferAmount");
        invalid(send(with("transferAmount", 0)), "transferAmount");
        invalid(send(with("transferAmount", 2500.5)), "transferAmount");
        invalid(send(with("transferAmount", "much")), "transferAmount");
        invalid(send(with("transferType", "sideways")), "transferType");
        invalid(send(with("id", "not a number")), "id");
        invalid(send(with("content", Map.of("nested", "object"))), "content");
        invalid(send(with("referenceCode", "F".repeat(5_000))), "referenceCode");
        invalid(send(with("content", "AGL1 \u0000 nul")), "content");
        invalid(send(with("description", "bell \u0007")), "description");
        invalid(send(raw("{\"id\":1,\"content\":\"AGL1 \\ud800\",\"transferAmount\":10000}")), "content");
        malformed(send(raw("{\"id\":1,\"content\":\"AGL1\",\"transferAmount\":123456789012345678901234567890}")));
    }

    @Test
    void nothingASignedSenderPutsInTheBodyAnswers500() {
        malformed(send(raw("not json")));
        malformed(send(raw("")));
        malformed(send(raw("null")));
        malformed(send(raw("[1,2,3]")));
        malformed(send(raw("{\"id\":1,\"content\":\"AGL1\"")));
        malformed(send(raw("{\"id\":1,\"content\":\"raw\u0001control\",\"transferAmount\":1}")));
        malformed(send(new byte[] { '{', '"', 'i', 'd', '"', ':', '1', ',', '"', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                '"', '}' }));
        malformed(send(raw("[".repeat(2_000) + "]".repeat(2_000))));
        malformed(send(raw("{\"id\":1,\"transferAmount\":1,\"content\":\"AGL1\",\"deep\":" + "[".repeat(5_000)
                + "]".repeat(5_000) + "}")));
        // odd but valid Unicode is text like any other: no reference in it, so nothing to pay
        send(with("content", "🍉 \u202Eقط\u200B ̀̀̀ 𝔄𝔊𝔏")).then().statusCode(200).body("outcome", equalTo("UNKNOWN"));
    }

    @Test
    void aBodyOver64KibIs413() {
        byte[] mebibyte = raw("{\"id\":1,\"content\":\"" + "x".repeat(1 << 20) + "\",\"transferAmount\":1}");
        tooLarge(send(mebibyte));
        tooLarge(send(mebibyte, null));
        byte[] justOver = raw("{\"id\":1,\"content\":\"" + "x".repeat(64 * 1024) + "\",\"transferAmount\":1}");
        tooLarge(send(justOver));
    }

    @Test
    void onlyJsonIsAccepted() {
        byte[] body = json(transfer(transactionId(), "AGL1", 10_000));
        given().contentType("text/plain").header("X-Signature", signature(SECRET, body)).body(body)
                .post(BankNotifications.PATH).then().statusCode(415).contentType("application/problem+json");
    }

    private long awaitingPayment(String buyer) {
        long lot = catalog.addLot(100_000, 185_000, null, "farmer-lan");
        long id = placed(buyer, order(lot, 1_000, "BANK_TRANSFER", hanoi("Nguyễn Văn An")));
        given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).contentType("application/json").body("{}")
                .post("/orders/" + id + "/payments").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> fields = transfer(transactionId(), "AGL1", 10_000);
        fields.put(field, value);
        return fields;
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonPath orderView(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath payments(String buyer, long id) {
        return given().auth().oauth2(Tokens.of(Roles.BUYER, buyer)).get("/orders/" + id + "/payments").then()
                .statusCode(200).extract().jsonPath();
    }

    private static List<String> history(long id) {
        return given().auth().oauth2(STAFF).get("/orders/" + id + "/history").then().statusCode(200).extract()
                .jsonPath().getList("action", String.class);
    }

    private static void refused(ValidatableResponse answer, String naming) {
        answer.contentType("application/problem+json").body("status", equalTo(401), "detail", containsString(naming));
    }

    private static void invalid(io.restassured.response.Response answer, String field) {
        answer.then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private static void malformed(io.restassured.response.Response answer) {
        answer.then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    private static void tooLarge(io.restassured.response.Response answer) {
        answer.then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }
}
