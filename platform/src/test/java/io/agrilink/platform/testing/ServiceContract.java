package io.agrilink.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.VerifiedTokenCache;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * What every AgriLink service promises at its edge, proved once here and run by each service:
 * tokens are verified (missing, expired, tampered, foreign-key and foreign-issuer tokens get
 * 401; so do correctly signed tokens that are not a login: without a role, or typed as a
 * certificate; a verified token is remembered under its exact text only), roles are enforced (403), bad bodies get 400/415, every error is problem+json with the
 * request id and no stack trace, readiness follows the database, and the operational
 * endpoints answer. Bad text (a NUL, a control character, an unpaired surrogate) in a body, a
 * query or a path is a 400 naming the field, JSON nested too deep a 400, and an over-long request
 * line, over-large headers or body a 414, 431 or 413; every problem answered here is checked to be
 * a valid RFC 9457 problem ({@link ProblemShape}). A service that other services call also keeps its
 * inter-service operations to their committed contract ({@link ContractSnapshot}). A service extends
 * this with a {@code @QuarkusTest} class and names one secured JSON endpoint and a string field of its
 * body, and the name of its contract snapshot when it has one.
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

    /** A string member of the body POSTed there, as a path ({@code name}, {@code delivery.recipient}, {@code title.vi}). */
    protected abstract String textField();

    /** A path with one parameter that {@link #allowedRole()} may GET; {@code securedPostPath()/{id}} unless overridden. */
    protected String itemPath(String parameter) {
        return securedPostPath() + "/" + parameter;
    }

    /** The name of the parameter of {@link #itemPath}. */
    protected String itemParameter() {
        return "id";
    }

    /**
     * The name of this service's contract snapshot ({@code docs/contracts/<name>.yaml}) when other
     * services call it: its operations tagged {@code inter-service}. None unless overridden.
     */
    protected String interServiceContract() {
        return null;
    }

    @BeforeEach
    void checkEveryProblemsShape() {
        ProblemShape.install();
    }

    private RequestSpecification allowed() {
        return given().auth().oauth2(Tokens.of(allowedRole(), "someone")).contentType("application/json");
    }

    /** {@code {"delivery":{"recipient":<json>}}} for the field {@code delivery.recipient}. */
    private static String bodyWith(String field, String json) {
        String[] names = field.split("\\.");
        StringBuilder body = new StringBuilder();
        for (String name : names) {
            body.append("{\"").append(name).append("\":");
        }
        body.append(json);
        body.append("}".repeat(names.length));
        return body.toString();
    }

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
    void nulInABodyStringIsBadRequestNamingTheField() {
        allowed().body(bodyWith(textField(), "\"Gạo\\u0000ST25\"")).post(securedPostPath()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(textField()), "detail", containsString("U+0000"));
    }

    @Test
    void controlCharacterInABodyStringIsBadRequest() {
        allowed().body(bodyWith(textField(), "\"bell\\u0007\"")).post(securedPostPath()).then().statusCode(400)
                .body("violations[0].field", equalTo(textField()), "detail", containsString("U+0007"));
    }

    @Test
    void loneSurrogateInABodyStringIsBadRequestNamingTheField() {
        allowed().body(bodyWith(textField(), "\"x\\ud800y\"")).post(securedPostPath()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(textField()), "detail", containsString("unpaired surrogate"));
    }

    @Test
    void nulInAQueryParameterIsBadRequestNamingIt() {
        allowed().urlEncodingEnabled(false).get(itemPath("1") + "?q=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("q"));
    }

    @Test
    void nulInAPathSegmentIsBadRequest() {
        allowed().urlEncodingEnabled(false).get(itemPath("1%00")).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo(itemParameter()));
    }

    @Test
    void jsonNestedDeeperThanAThousandLevelsIsBadRequest() {
        String deep = "[".repeat(1_001) + "]".repeat(1_001);
        allowed().body("{\"deep\":" + deep + "}").post(securedPostPath()).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("1000 levels"));
    }

    @Test
    void overLongRequestLineIsProblemJson() {
        given().get("/no/such/thing?pad=" + "a".repeat(5_000)).then().statusCode(414)
                .contentType("application/problem+json").body("requestId", notNullValue());
    }

    @Test
    void overLargeHeadersAreProblemJson() {
        given().header("X-Padding", "a".repeat(25_000)).get("/no/such/thing").then().statusCode(431)
                .contentType("application/problem+json").body("requestId", notNullValue());
    }

    @Test
    void bodyOverTheLimitIsProblemJson() throws IOException {
        // announced, not sent: the answer must come before the 20 MB are read
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + securedPostPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.of(allowedRole(), "someone") + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + 20 * 1024 * 1024 + "\r\n\r\n[")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            ProblemShape.check(413, answer.substring(answer.indexOf("\r\n\r\n") + 4));
        }
    }

    /** The status line, headers and body of one answer, read by its Content-Length. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return read.toString(StandardCharsets.UTF_8);
            }
            read.write(b);
        }
        String head = read.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            read.write(in.readNBytes(Integer.parseInt(length.group(1))));
        }
        return read.toString(StandardCharsets.UTF_8);
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
    void interServiceApiMatchesItsCommittedContract() {
        Assumptions.assumeTrue(interServiceContract() != null, "no other service calls this one");
        ContractSnapshot.checkProvider(interServiceContract());
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
