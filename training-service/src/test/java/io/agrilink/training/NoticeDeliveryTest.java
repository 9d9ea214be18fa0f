package io.agrilink.training;

import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.enrol;
import static io.agrilink.training.Fixtures.farmer;
import static io.agrilink.training.Fixtures.notices;
import static io.agrilink.training.Fixtures.seated;
import static io.agrilink.training.Fixtures.session;
import static io.agrilink.training.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class NoticeDeliveryTest {

    @Inject
    EntityManager em;

    @AfterEach
    void gatewayUp() {
        NoticeGatewayDouble.DOWN.set(false);
    }

    @Test
    void noticeIsRetriedWhileTheGatewayIsDownAndDeliveredExactlyOnce() throws InterruptedException {
        long session = session(course(Topic.LIVESTREAM_SELLING), 5);
        String farmer = unique("sms");
        NoticeGatewayDouble.DOWN.set(true);
        seated(session, farmer);
        long notice = ((Number) notices(farmer).get(0).get("id")).longValue();

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> NoticeGatewayDouble.REFUSED.getOrDefault(notice, 0) >= 2);
        assertEquals(0, NoticeGatewayDouble.ACCEPTED.getOrDefault(notice, 0));
        assertTrue(attempts(notice) >= 2);
        assertEquals(false, notices(farmer).get(0).get("delivered"));

        NoticeGatewayDouble.DOWN.set(false);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> NoticeGatewayDouble.ACCEPTED.getOrDefault(notice, 0) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> Boolean.TRUE.equals(notices(farmer).get(0).get("delivered")));
        Thread.sleep(2500);
        assertEquals(1, NoticeGatewayDouble.ACCEPTED.get(notice));
    }

    @Test
    void noticesArePagedNewestFirst() {
        long session = session(course(Topic.FILMING), 1);
        String f = unique("pg");
        long seat = seated(session, f + "-a");
        enrol(session, f + "-b").then().statusCode(201);
        given().auth().oauth2(farmer(f + "-a")).delete("/enrolments/" + seat).then().statusCode(200);
        // -b: WAITLISTED, then OFFERED
        given().auth().oauth2(farmer(f + "-b")).queryParam("size", 1).get("/me/notices").then().statusCode(200)
                .body("items", hasSize(1), "items[0].kind", equalTo("OFFERED"), "total", equalTo(2),
                        "size", equalTo(1));
        given().auth().oauth2(farmer(f + "-b")).queryParam("size", 1).queryParam("page", 1).get("/me/notices").then()
                .body("items[0].kind", equalTo("WAITLISTED"));
        given().auth().oauth2(io.agrilink.platform.testing.Tokens.of("buyer", "buyer-us")).get("/me/notices").then()
                .statusCode(403);
    }

    private int attempts(long notice) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select attempts from outbox_message where kind = 'NOTICE' and payload = '" + notice + "'")
                .getSingleResult()).intValue());
    }
}
