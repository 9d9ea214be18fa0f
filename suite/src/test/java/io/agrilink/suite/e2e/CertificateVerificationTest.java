package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.E2e.FARMER;
import static io.agrilink.suite.e2e.E2e.STAFF;
import static io.agrilink.suite.e2e.E2e.STAFF_ROLE;
import static io.agrilink.suite.e2e.E2e.step;
import static io.agrilink.suite.e2e.E2e.subject;
import static io.agrilink.suite.e2e.RunningSuite.anonymous;
import static io.agrilink.suite.e2e.RunningSuite.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.suite.Service;

/**
 * A certificate as the packaged services issue and check it: earned through the real flow
 * (course, session, enrolment, attendance), verifiable by anyone (genuine, edited, revoked),
 * and never a way into any service.
 */
class CertificateVerificationTest {

    /** One protected read per service; a login token of the right role gets 200 there. */
    private static final Map<Service, List<String>> PROTECTED_READS = Map.of(
            Service.CATALOG, List.of("/farmers/listings?subject=farmer-x"),
            Service.ORDER, List.of("/orders", "/dashboard/campaigns/1"),
            Service.TRAINING, List.of("/courses", "/sessions", "/me/certificates"),
            Service.LOGISTICS, List.of("/carriers", "/shipments"));

    @Test
    void anIssuedCertificateVerifiesUntilEditedOrRevokedAndIsNoBearerToken() {
        String farmer = subject("farmer-certified");
        Map<String, Object> document = new HashMap<>();

        step("the farmer completes a course and gets a certificate", () -> {
            long course = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("code", "LIVE-CERT-" + E2e.RUN.toUpperCase(),
                    "topic", "FILMING", "hours", 4, "title", Map.of("vi", "Quay video sản phẩm"),
                    "description", Map.of("vi", "Quay vải thiều bằng điện thoại")))
                    .post("/courses").then().statusCode(201).extract().jsonPath().getLong("id");
            Instant start = Instant.now().plus(Duration.ofDays(1));
            long session = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("courseId", course,
                    "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(3)).toString(),
                    "venue", Map.of("kind", "ONLINE", "url", "https://meet.example.vn/quay-video"), "capacity", 5,
                    "trainer", subject("trainer-binh")))
                    .post("/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
            long enrolment = as(Service.TRAINING, FARMER, farmer).body(Map.of())
                    .post("/sessions/" + session + "/enrolments").then().statusCode(201)
                    .body("status", equalTo("SEATED")).extract().jsonPath().getLong("id");
            String code = as(Service.TRAINING, STAFF_ROLE, STAFF)
                    .body(Map.of("records", List.of(Map.of("enrolmentId", enrolment, "attendance", "ATTENDED"))))
                    .put("/sessions/" + session + "/attendance").then().statusCode(200)
                    .extract().jsonPath().getString("[0].certificateCode");
            document.putAll(anonymous(Service.TRAINING).get("/certificates/" + code).then().statusCode(200)
                    .body("holderName", equalTo(farmer), "revoked", equalTo(false)).extract().jsonPath().getMap(""));
        });

        step("anyone verifies the genuine certificate: valid", () -> {
            verify(document).then().statusCode(200).body("valid", equalTo(true), "revoked", equalTo(false),
                    "document.code", equalTo(document.get("code")));
            verify(Map.of("jws", document.get("signature"))).then().statusCode(200).body("valid", equalTo(true));
        });

        step("an edited certificate: invalid", () -> {
            Map<String, Object> renamed = new LinkedHashMap<>(document);
            renamed.put("holderName", "Người Khác");
            verify(renamed).then().statusCode(200).body("valid", equalTo(false));
            String[] parts = ((String) document.get("signature")).split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace(farmer, "nguoi-khac");
            String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            verify(Map.of("jws", forged)).then().statusCode(200).body("valid", equalTo(false));
        });

        step("the certificate's signature is refused as a bearer token by every service", () -> {
            String jws = (String) document.get("signature");
            List<String> wrong = new ArrayList<>();
            PROTECTED_READS.forEach((service, paths) -> paths.forEach(path -> {
                int status = anonymous(service).auth().oauth2(jws).get(path).statusCode();
                if (status != 401) {
                    wrong.add(service.shortName() + " GET " + path + " → " + status);
                }
            }));
            assertEquals(List.of(), wrong, "services that took a certificate for a login");
        });

        step("staff revoke it: revoked, not valid", () -> {
            as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("reason", "Cấp nhầm"))
                    .post("/certificates/" + document.get("code") + "/revoke").then().statusCode(200)
                    .body("revoked", equalTo(true));
            verify(document).then().statusCode(200).body("valid", equalTo(false), "revoked", equalTo(true));
        });
    }

    private static io.restassured.response.Response verify(Map<String, Object> body) {
        return anonymous(Service.TRAINING).body(body).post("/certificates/verify");
    }
}
