package io.agrilink.catalog;

import static io.agrilink.catalog.Fixtures.as;
import static io.agrilink.catalog.Fixtures.asStaff;
import static io.agrilink.catalog.Fixtures.count;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Staff register accounts. The tests have no identity provider (no
 * {@code quarkus.keycloak.admin-client.server-url}): everything up to the call to Keycloak is checked
 * here, and the call itself answers 503 "not configured"; the suite tests the creation against Keycloak.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AccountTest {

    @Inject
    AgroalDataSource db;

    private static Map<String, Object> body(String username, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("firstName", "Lan");
        body.put("lastName", "Nguyễn Thị");
        body.put("role", role);
        return body;
    }

    private long accountAudits() {
        return count(db, "select count(*) from audit_entry where subject_type = 'ACCOUNT'");
    }

    @Test
    void anonymousCallersAreRefused() {
        given().contentType(ContentType.JSON).body(body("0912345678", "farmer")).post("/accounts").then()
                .statusCode(401).contentType("application/problem+json");
        given().get("/accounts/0912345678").then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.FARMER, Roles.BUYER, Roles.CARRIER, Roles.SERVICE })
    void onlyStaffRegisterOrReadAccounts(String role) {
        as(role, "someone").body(body("0912345678", "farmer")).post("/accounts").then().statusCode(403)
                .contentType("application/problem+json");
        as(role, "someone").get("/accounts/0912345678").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "staff", "service", "admin", "Farmers" })
    void staffAndServiceAccountsAreNotMadeHere(String role) {
        asStaff().body(body("farmer-new", role)).post("/accounts").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("role"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ab", "Nguyễn Văn An", "farmer lan", "a/b", "0912 345", "+1 415 555 0100",
            "x2345678901234567890123456789012345678901234567890123456789012345" })
    void aUsernameThatIsNeitherAPhoneNumberNorAValidNameIsRefused(String username) {
        asStaff().body(body(username, "farmer")).post("/accounts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("username"));
    }

    @Test
    void missingNamesAndABadEmailOrPhoneAreNamed() {
        Map<String, Object> noFirstName = body("farmer-lan2", "farmer");
        noFirstName.remove("firstName");
        asStaff().body(noFirstName).post("/accounts").then().statusCode(400)
                .body("violations[0].field", equalTo("firstName"));
        Map<String, Object> blankLastName = body("farmer-lan2", "farmer");
        blankLastName.put("lastName", " ");
        asStaff().body(blankLastName).post("/accounts").then().statusCode(400)
                .body("violations[0].field", equalTo("lastName"));
        Map<String, Object> badEmail = body("farmer-lan2", "farmer");
        badEmail.put("email", "not-an-email");
        asStaff().body(badEmail).post("/accounts").then().statusCode(400)
                .body("violations[0].field", equalTo("email"));
        Map<String, Object> badPhone = body("farmer-lan2", "farmer");
        badPhone.put("phone", "12345");
        asStaff().body(badPhone).post("/accounts").then().statusCode(400)
                .body("violations[0].field", equalTo("phone"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0912 345 678", "+84 912 345 678", "Farmer.Lan_2" })
    void withoutAnIdentityProviderAValidRegistrationIsUnavailableAndNothingIsAudited(String username) {
        long before = accountAudits();
        Map<String, Object> body = body(username, "farmer");
        body.put("email", "lan@example.vn");
        asStaff().body(body).post("/accounts").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("not configured"))
                .body(not(containsString("Exception")));
        assertEquals(before, accountAudits());
    }

    @Test
    void withoutAnIdentityProviderReadingAnAccountIsUnavailable() {
        asStaff().get("/accounts/0912345678").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("not configured"));
        asStaff().get("/accounts/a").then().statusCode(400).body("violations[0].field", equalTo("username"));
    }
}
