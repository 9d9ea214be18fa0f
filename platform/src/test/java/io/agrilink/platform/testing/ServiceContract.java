package io.agrilink.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.VerifiedTokenCache;
import io.restassured.specification.RequestSpecification;

/**
 * What every AgriLink service promises at its edge, proved once here and run by each service:
 * tokens are verified (missing, expired, tampered, foreign-key and foreign-issuer tokens get
 * 401; so do correctly signed tokens that are not a login: without a role, or typed as a
 * certificate; a verified token is remembered under its exact text only), roles are enforced (403), bad bodies get 400/415, every error is problem+json with the
 * request id and no stack trace, readiness follows the database, and the operational
 * endpoints answer. A service extends this with a {@code @QuarkusTest} class and names one
 * secured JSON endpoint.
 */
public abstract class ServiceContract {

    @Inject
    VerifiedTokenCache verifiedTokens;

    /** A path that takes a JSON body by POST and needs a role. */
    protected abstract String securedPostPath();

    /** A role allowed to POST there. */
    protected abstract String allowedRole();

    /** A role refused there. */
    protected abstract String refusedRole();

    private RequestSpecification post(String token) {
        RequestSpecification spec = given().contentType("application/json").body("{}");
        return token == null ? spec : spec.auth().oauth2(token);
    }

    @Test
    void refusesRequestWithoutToken() {
        post(null).post(securedPostPath()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401), "requestId", notNullValue());
    }

    @Test
    void refusesExpiredToken() {
        post(Tokens.expired(allowedRole(), "someone")).post(securedPostPath()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void refusesTokenSignedByAnotherKey() {
        post(Tokens.signedByAnotherKey(allowedRole(), "someone")).post(securedPostPath()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void refusesTokenFromAnotherIssuer() {
        post(Tokens.wrongIssuer(allowedRole(), "someone")).post(securedPostPath()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void refusesTamperedToken() {
        post(Tokens.tampered(refusedRole(), "someone")).post(securedPostPath()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void refusesCorrectlySignedTokenWithoutRoles() {
        String token = Tokens.withoutRoles("no-role-" + UUID.randomUUID());
        post(token).post(securedPostPath()).then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        assertNull(verifiedTokens.get(token), "a token that is not a login is never remembered");
    }

    @Test
    void refusesCertificateTypedToken() {
        String token = Tokens.certificateTyped(allowedRole(), "cert-" + UUID.randomUUID());
        post(token).post(securedPostPath()).then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        assertNull(verifiedTokens.get(token), "a token that is not a login is never remembered");
    }

    @Test
    void verifiedTokenIsRememberedUnderItsExactTextOnly() {
        String token = Tokens.of(refusedRole(), "cache-" + UUID.randomUUID());
        post(token).post(securedPostPath()).then().statusCode(403);
        assertNotNull(verifiedTokens.get(token), "a verified token is remembered");
        post(token).post(securedPostPath()).then().statusCode(403);

        // its header and claims with another token's signature: not the remembered text, so verified, and refused
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + Tokens.of(refusedRole(), "someone-else").split("\\.")[2];
        post(forged).post(securedPostPath()).then().statusCode(401).contentType("application/problem+json");
        assertNull(verifiedTokens.get(forged), "a refused token is never remembered");
    }

    @Test
    void refusesWrongRole() {
        post(Tokens.of(refusedRole(), "someone")).post(securedPostPath()).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void malformedJsonIsBadRequest() {
        given().auth().oauth2(Tokens.of(allowedRole(), "someone")).contentType("application/json")
                .body("{\"name\": ").post(securedPostPath()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"), "detail", not(containsString("Exception")));
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        given().auth().oauth2(Tokens.of(allowedRole(), "someone")).contentType("text/plain").body("hello")
                .post(securedPostPath()).then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknownPathIsProblemJson() {
        given().get("/no/such/thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void requestIdIsTakenFromCallerAndReturned() {
        given().header("X-Request-Id", "livestream-42").get("/no/such/thing").then()
                .header("X-Request-Id", "livestream-42").body("requestId", equalTo("livestream-42"));
    }

    @Test
    void openApiAndMetricsAnswer() {
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void readinessIsDownWhileDatabaseIsUnreachable() {
        given().get("/q/health/ready").then().statusCode(200);
        PostgresResource.stopDatabase();
        try {
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"),
                    "checks.status", hasItem("DOWN"));
        } finally {
            PostgresResource.startDatabase();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
