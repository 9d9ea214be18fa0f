package io.agrilink.training.outbox;

import static io.agrilink.training.Fixtures.STAFF_SUBJECT;
import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.farmer;
import static io.agrilink.training.Fixtures.notices;
import static io.agrilink.training.Fixtures.seated;
import static io.agrilink.training.Fixtures.session;
import static io.agrilink.training.Fixtures.staff;
import static io.agrilink.training.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.outbox.Outbox;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agrilink.training.NoticeGatewayDouble;
import io.agrilink.training.Topic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Staff's way out for a message the receiver refused for good: {@code GET /outbox/failed} lists it,
 * {@code POST /outbox/{id}/redrive} sends it again once the receiver is fixed, {@code discard}
 * gives it up; both are written in its {@code actions}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OutboxStaffTest {

    private static final Map<String, String> REASON = Map.of("reason", "gateway template fixed (ticket 4711)");

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    private String farmer;

    @AfterEach
    void gatewayTakesEveryone() {
        if (farmer != null) {
            NoticeGatewayDouble.REFUSING.remove(farmer);
        }
    }

    @Test
    void aNoticeRefusedForGoodIsRedrivenByStaffAndDeliveredOnce() throws InterruptedException {
        long notice = refusedNotice();
        long message = failedMessageOf(notice);
        given().auth().oauth2(staff()).get("/outbox/" + message).then().statusCode(200)
                .body("state", equalTo("FAILED"), "kind", equalTo("NOTICE"), "subject", equalTo(String.valueOf(notice)),
                        "attempts", equalTo(1), "lastError", equalTo("HTTP 422"), "actions", hasSize(0));
        assertEquals(false, notices(farmer).get(0).get("delivered"));

        NoticeGatewayDouble.REFUSING.remove(farmer);
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(REASON)
                .post("/outbox/" + message + "/redrive").then().statusCode(200)
                .body("state", equalTo("PENDING"), "attempts", equalTo(0), "actions[0].action", equalTo("REDRIVEN"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> NoticeGatewayDouble.ACCEPTED.getOrDefault(notice, 0) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> Boolean.TRUE.equals(notices(farmer).get(0).get("delivered")));
        Thread.sleep(1500);
        assertEquals(1, NoticeGatewayDouble.ACCEPTED.get(notice));
        assertEquals(1, NoticeGatewayDouble.UNPROCESSABLE.get(notice));
        given().auth().oauth2(staff()).get("/outbox/" + message).then().statusCode(200)
                .body("state", equalTo("DELIVERED"), "lastError", nullValue(), "actions", hasSize(1),
                        "actions[0].action", equalTo("REDRIVEN"), "actions[0].actor", equalTo(STAFF_SUBJECT),
                        "actions[0].reason", equalTo(REASON.get("reason")), "actions[0].lastError", equalTo("HTTP 422"),
                        "actions[0].attempts", equalTo(1));
        given().auth().oauth2(staff()).get("/outbox/failed").then().statusCode(200)
                .body("id", not(hasItem((int) message)));
    }

    @Test
    void aDiscardedMessageLeavesTheFailedListAndIsNeverSent() throws InterruptedException {
        long notice = refusedNotice();
        long message = failedMessageOf(notice);
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("reason", "farmer has no phone"))
                .post("/outbox/" + message + "/discard").then().statusCode(200)
                .body("state", equalTo("DISCARDED"), "actions[0].action", equalTo("DISCARDED"));
        given().auth().oauth2(staff()).get("/outbox/failed").then().statusCode(200)
                .body("id", not(hasItem((int) message)));
        given().auth().oauth2(staff()).get("/outbox/" + message).then().statusCode(200)
                .body("state", equalTo("DISCARDED"), "actions", hasSize(1), "actions[0].actor", equalTo(STAFF_SUBJECT),
                        "actions[0].reason", equalTo("farmer has no phone"));
        NoticeGatewayDouble.REFUSING.remove(farmer);
        Thread.sleep(1500);
        assertEquals(0, NoticeGatewayDouble.ACCEPTED.getOrDefault(notice, 0));
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(REASON)
                .post("/outbox/" + message + "/redrive").then().statusCode(409).body("state", equalTo("DISCARDED"));
    }

    @Test
    void onlyAMessageRefusedForGoodCanBeRedrivenOrDiscarded() {
        String subject = unique("later");
        long pending = QuarkusTransaction.requiringNew().call(() -> outbox.addForSoon(OutboxKinds.NOTICE, subject,
                "0", Instant.now().plus(Duration.ofHours(1))).id());
        try {
            for (String action : List.of("redrive", "discard")) {
                given().auth().oauth2(staff()).contentType(ContentType.JSON).body(REASON)
                        .post("/outbox/" + pending + "/" + action).then().statusCode(409)
                        .contentType("application/problem+json").body("state", equalTo("PENDING"));
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> outbox.stop(OutboxKinds.NOTICE, subject, "test over"));
        }

        farmer = unique("ok");
        long notice = seatedNotice();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Boolean.TRUE.equals(notices(farmer).get(0).get("delivered")));
        long delivered = messageOf(notice);
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(REASON)
                .post("/outbox/" + delivered + "/redrive").then().statusCode(409).body("state", equalTo("DELIVERED"));

        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(REASON)
                .post("/outbox/987654321/redrive").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(staff()).get("/outbox/987654321").then().statusCode(404);
    }

    @Test
    void aRedriveOrDiscardNeedsAReason() {
        long message = failedMessageOf(refusedNotice());
        for (String action : List.of("redrive", "discard")) {
            given().auth().oauth2(staff()).contentType(ContentType.JSON).body("{}")
                    .post("/outbox/" + message + "/" + action).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("reason"));
            given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("reason", " "))
                    .post("/outbox/" + message + "/" + action).then().statusCode(400)
                    .body("violations.field", hasItem("reason"));
        }
        given().auth().oauth2(staff()).get("/outbox/" + message).then().body("state", equalTo("FAILED"),
                "actions", hasSize(0));
    }

    @Test
    void onlyStaffSeeAndFixTheOutbox() {
        String[] refused = { Tokens.of("buyer", "buyer-hn"), farmer("farmer-an"), Tokens.of("service", "catalog-service") };
        for (String token : refused) {
            given().auth().oauth2(token).get("/outbox").then().statusCode(403);
            given().auth().oauth2(token).get("/outbox/failed").then().statusCode(403);
            given().auth().oauth2(token).get("/outbox/1").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(REASON).post("/outbox/1/redrive").then()
                    .statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(REASON).post("/outbox/1/discard").then()
                    .statusCode(403);
        }
        String[] unauthenticated = { null, Tokens.expired("staff", STAFF_SUBJECT),
                Tokens.signedByAnotherKey("staff", STAFF_SUBJECT), Tokens.wrongIssuer("staff", STAFF_SUBJECT) };
        for (String token : unauthenticated) {
            var request = token == null ? given() : given().auth().oauth2(token);
            request.get("/outbox/failed").then().statusCode(401).contentType("application/problem+json");
            (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON).body(REASON)
                    .post("/outbox/1/redrive").then().statusCode(401);
        }
        given().auth().oauth2(staff()).get("/outbox").then().statusCode(200)
                .body("kind", equalTo(List.of("LIVESTREAM_READY", "NOTICE")));
    }

    /** A fresh farmer's SEATED notice, which the gateway refuses with 422; returns the notice's id. */
    private long refusedNotice() {
        farmer = unique("refused");
        NoticeGatewayDouble.REFUSING.add(farmer);
        long notice = seatedNotice();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> NoticeGatewayDouble.UNPROCESSABLE.getOrDefault(notice, 0) == 1);
        return notice;
    }

    private long seatedNotice() {
        seated(session(course(Topic.FILMING), 5), farmer);
        return ((Number) notices(farmer).get(0).get("id")).longValue();
    }

    /** The outbox message of a notice, once staff see it in the failed list. */
    private long failedMessageOf(long notice) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> failed().stream().anyMatch(m -> String.valueOf(notice).equals(m.get("subject"))));
        return failed().stream().filter(m -> String.valueOf(notice).equals(m.get("subject"))).findFirst()
                .map(m -> ((Number) m.get("id")).longValue()).orElseThrow();
    }

    private long messageOf(long notice) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from outbox_message where kind = 'NOTICE' and subject = :notice")
                .setParameter("notice", String.valueOf(notice)).getSingleResult()).longValue());
    }

    private static List<Map<String, Object>> failed() {
        return given().auth().oauth2(staff()).get("/outbox/failed").then().statusCode(200).extract().jsonPath()
                .getList("");
    }
}
