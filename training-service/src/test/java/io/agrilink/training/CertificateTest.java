package io.agrilink.training;

import static io.agrilink.training.Fixtures.attendance;
import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.farmer;
import static io.agrilink.training.Fixtures.notices;
import static io.agrilink.training.Fixtures.seated;
import static io.agrilink.training.Fixtures.session;
import static io.agrilink.training.Fixtures.staff;
import static io.agrilink.training.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class CertificateTest {

    /** A session whose trainer is {@code trainer}; returns {session, enrolment of farmer}. */
    private static long[] seatedWithTrainer(String farmer, String trainer) {
        Map<String, Object> body = Fixtures.sessionBody(course(Topic.PACKAGING_DESIGN), 5);
        body.put("trainer", trainer);
        long session = Fixtures.session(body);
        return new long[] { session, seated(session, farmer) };
    }

    @Test
    void trainerRecordsAttendanceAndCompletionIssuesAVerifiableCertificate() {
        String farmer = unique("cert");
        String trainer = unique("trainer");
        long[] ids = seatedWithTrainer(farmer, trainer);

        attendance(ids[0], farmer(unique("not-trainer")), ids[1], "ATTENDED").then().statusCode(403);
        String code = attendance(ids[0], farmer(trainer), ids[1], "ATTENDED").then().statusCode(200)
                .body("[0].attendance", equalTo("ATTENDED"))
                .extract().jsonPath().getString("[0].certificateCode");
        org.hamcrest.MatcherAssert.assertThat(code, matchesPattern("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}"));

        // anyone can look it up, without a token
        Map<String, Object> document = given().get("/certificates/" + code).then().statusCode(200)
                .body("holderName", equalTo(farmer), "courseTitle", notNullValue(), "issuer", notNullValue(),
                        "completedOn", notNullValue(), "revoked", equalTo(false))
                .extract().jsonPath().getMap("");
        assertEquals("CERTIFICATE_ISSUED", notices(farmer).get(0).get("kind"));

        given().contentType("application/json").body(document).post("/certificates/verify").then().statusCode(200)
                .body("valid", equalTo(true), "document.code", equalTo(code));
        given().contentType("application/json").body(Map.of("jws", document.get("signature")))
                .post("/certificates/verify").then().statusCode(200).body("valid", equalTo(true));

        // recording it again changes nothing: still one certificate
        attendance(ids[0], staff(), ids[1], "ATTENDED").then().statusCode(200)
                .body("[0].certificateCode", equalTo(code));
        given().auth().oauth2(farmer(farmer)).get("/me/certificates").then().body("total", equalTo(1));
    }

    @Test
    void editedCertificateDoesNotVerify() {
        String farmer = unique("forger");
        long[] ids = seatedWithTrainer(farmer, "trainer-tuan");
        String code = attendance(ids[0], staff(), ids[1], "ATTENDED").then().statusCode(200).extract().jsonPath()
                .getString("[0].certificateCode");
        Map<String, Object> document = given().get("/certificates/" + code).then().extract().jsonPath().getMap("");

        Map<String, Object> renamed = new HashMap<>(document);
        renamed.put("holderName", "Someone Else");
        given().contentType("application/json").body(renamed).post("/certificates/verify").then().statusCode(200)
                .body("valid", equalTo(false));

        Map<String, Object> redated = new HashMap<>(document);
        redated.put("completedOn", "2020-01-01");
        given().contentType("application/json").body(redated).post("/certificates/verify").then()
                .body("valid", equalTo(false));

        // the JWS itself edited: its payload claims another holder, the signature no longer matches
        String[] parts = ((String) document.get("signature")).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(farmer, "someone-else");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().contentType("application/json").body(Map.of("jws", forged)).post("/certificates/verify").then()
                .statusCode(200).body("valid", equalTo(false));
        given().contentType("application/json").body(Map.of("jws", "not-a-jws")).post("/certificates/verify").then()
                .statusCode(200).body("valid", equalTo(false));
        given().contentType("application/json").body(Map.of("code", code)).post("/certificates/verify").then()
                .statusCode(400).body("violations[0].field", equalTo("signature"));
    }

    @Test
    void staffRevokeACertificateAndItNoLongerVerifies() {
        String farmer = unique("rev");
        long[] ids = seatedWithTrainer(farmer, "trainer-tuan");
        String code = attendance(ids[0], staff(), ids[1], "ATTENDED").then().extract().jsonPath()
                .getString("[0].certificateCode");
        given().auth().oauth2(farmer(farmer)).contentType("application/json").body("{}")
                .post("/certificates/" + code + "/revoke").then().statusCode(403);
        given().auth().oauth2(staff()).contentType("application/json").body(Map.of("reason", "Ghi nhầm"))
                .post("/certificates/" + code + "/revoke").then().statusCode(200).body("revoked", equalTo(true));
        Map<String, Object> document = given().get("/certificates/" + code).then().body("revoked", equalTo(true),
                "revokeReason", equalTo("Ghi nhầm")).extract().jsonPath().getMap("");
        given().contentType("application/json").body(document).post("/certificates/verify").then()
                .body("valid", equalTo(false), "revoked", equalTo(true));
    }

    @Test
    void aCertificatesSignatureIsNotALogin() {
        String farmer = unique("bearer");
        long[] ids = seatedWithTrainer(farmer, "trainer-tuan");
        String code = attendance(ids[0], staff(), ids[1], "ATTENDED").then().statusCode(200).extract().jsonPath()
                .getString("[0].certificateCode");
        String jws = given().get("/certificates/" + code).then().statusCode(200).extract().jsonPath()
                .getString("signature");

        for (String path : List.of("/courses", "/sessions", "/courses/1", "/sessions/" + ids[0], "/me/certificates")) {
            given().auth().oauth2(jws).get(path).then().statusCode(401).contentType("application/problem+json");
        }
        given().auth().oauth2(farmer(farmer)).get("/courses").then().statusCode(200);
    }

    @Test
    void certificatesAreSignedWithTheirOwnKeyTypeAndIssuer() throws Exception {
        String farmer = unique("typed");
        long[] ids = seatedWithTrainer(farmer, "trainer-tuan");
        String code = attendance(ids[0], staff(), ids[1], "ATTENDED").then().statusCode(200).extract().jsonPath()
                .getString("[0].certificateCode");
        String[] parts = given().get("/certificates/" + code).then().extract().jsonPath().getString("signature")
                .split("\\.");
        Map<String, Object> header = JsonPath
                .from(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).getMap("");
        Map<String, Object> claims = JsonPath
                .from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).getMap("");
        assertEquals(Map.of("alg", "RS256", "typ", "agrilink-certificate+jwt", "kid", "training-certificates-test"),
                header);
        assertEquals("https://id.agrilink.local/certificates", claims.get("iss"));
        assertEquals(null, claims.get("exp"), "a certificate has no lifetime");
        assertEquals(null, claims.get("groups"), "a certificate grants no role");

        // the same claims signed with the login key (as certificates once were) do not verify as a certificate
        Map<String, Object> fields = new HashMap<>(claims);
        fields.remove("iat");
        String signedAsLogin = Jwt.claims(fields).jws().header("typ", "agrilink-certificate+jwt")
                .keyId("training-certificates-test").sign(KeyUtils.decodePrivateKey(testKey("agrilink-test/privateKey.pem")));
        given().contentType("application/json").body(Map.of("jws", signedAsLogin)).post("/certificates/verify").then()
                .statusCode(200).body("valid", equalTo(false));
        // and a login token is not a certificate
        given().contentType("application/json").body(Map.of("jws", staff())).post("/certificates/verify").then()
                .statusCode(200).body("valid", equalTo(false));
    }

    private static String testKey(String resource) {
        try (InputStream in = CertificateTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void partialOrNoShowIssuesNoCertificate() {
        String f = unique("np");
        long session = session(course(Topic.FILMING), 5);
        long partial = seated(session, f + "-a");
        long absent = seated(session, f + "-b");
        given().auth().oauth2(staff()).contentType("application/json")
                .body(Map.of("records", List.of(Map.of("enrolmentId", partial, "attendance", "PARTIAL"),
                        Map.of("enrolmentId", absent, "attendance", "NO_SHOW"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200)
                .body("certificateCode", equalTo(java.util.Arrays.asList(null, null)));
        given().auth().oauth2(farmer(f + "-a")).get("/me/certificates").then().body("total", equalTo(0));
    }

    @Test
    void attendanceForAnEnrolmentOfAnotherSessionIsRefusedNamingTheLine() {
        long session = session(course(Topic.FILMING), 5);
        long other = seated(session(course(Topic.FILMING), 5), unique("o"));
        attendance(session, staff(), other, "ATTENDED").then().statusCode(400)
                .body("violations[0].field", equalTo("records[0].enrolmentId"));
        given().get("/certificates/NOSUCHCODE").then().statusCode(404).contentType("application/problem+json")
                .body("requestId", notNullValue(), "trace", nullValue());
    }

    @Test
    void verifyRefusesJsonNestedTooDeepAndBadTextAsBadRequest() {
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        given().contentType("application/json").body("{\"jws\":\"x\",\"deep\":" + deep + "}")
                .post("/certificates/verify").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400), "detail", containsString("1000 levels"));
        given().contentType("application/json").body("{\"jws\":\"x\\u0000\"}").post("/certificates/verify").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("jws"));
    }
}
