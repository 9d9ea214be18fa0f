package io.agrilink.training.outbox;

import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.notices;
import static io.agrilink.training.Fixtures.seated;
import static io.agrilink.training.Fixtures.session;
import static io.agrilink.training.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.training.NoticeGatewayDouble;
import io.agrilink.training.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Operators see the outbox on {@code /q/metrics} (per service and kind) and in the health group
 * {@code outbox}, which reports a backlog older than {@code agrilink.outbox.backlog-age} (3 s in
 * the test profile) without taking the service out of readiness.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OutboxOperationsTest {

    private String farmer;

    @AfterEach
    void gatewayUp() {
        NoticeGatewayDouble.DOWN.set(false);
        if (farmer != null) {
            NoticeGatewayDouble.REFUSING.remove(farmer);
        }
    }

    @Test
    void metricsShowTheBacklogPerKindAndCountDeliveriesRetriesAndRefusals() {
        for (String gauge : new String[] { "agrilink_outbox_pending", "agrilink_outbox_oldest_pending_age_seconds",
                "agrilink_outbox_failed" }) {
            for (String kind : new String[] { "NOTICE", "LIVESTREAM_READY" }) {
                assertTrue(metric(gauge, kind) >= 0, gauge + " of " + kind + " is published");
            }
        }
        double delivered = metric("agrilink_outbox_delivered_total", "NOTICE");
        double retried = metric("agrilink_outbox_retried_total", "NOTICE");
        double refused = metric("agrilink_outbox_refused_total", "NOTICE");

        NoticeGatewayDouble.DOWN.set(true);
        farmer = unique("metrics");
        long notice = seatedNotice();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("agrilink_outbox_retried_total", "NOTICE") > retried
                        && metric("agrilink_outbox_pending", "NOTICE") >= 1
                        && metric("agrilink_outbox_oldest_pending_age_seconds", "NOTICE") > 0);
        NoticeGatewayDouble.DOWN.set(false);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> NoticeGatewayDouble.ACCEPTED.getOrDefault(notice, 0) == 1
                        && metric("agrilink_outbox_delivered_total", "NOTICE") > delivered);

        NoticeGatewayDouble.REFUSING.add(farmer);
        seated(session(course(Topic.FILMING), 5), farmer);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("agrilink_outbox_refused_total", "NOTICE") > refused
                        && metric("agrilink_outbox_failed", "NOTICE") >= 1);
    }

    @Test
    void healthGroupIsDownWhileAMessageWaitsLongerThanTheBacklogAgeAndReadinessStaysUp() {
        NoticeGatewayDouble.DOWN.set(true);
        farmer = unique("backlog");
        long notice = seatedNotice();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/q/health/group/outbox").statusCode() == 503);
        given().get("/q/health/group/outbox").then().statusCode(503)
                .body("status", equalTo("DOWN"), "checks.name", hasItem("outbox"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        NoticeGatewayDouble.DOWN.set(false);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> NoticeGatewayDouble.ACCEPTED.getOrDefault(notice, 0) == 1
                        && given().get("/q/health/group/outbox").statusCode() == 200);
    }

    private long seatedNotice() {
        seated(session(course(Topic.FILMING), 5), farmer);
        return ((Number) notices(farmer).get(0).get("id")).longValue();
    }

    /** The value of {@code name} for this service and {@code kind} on {@code /q/metrics}; -1 if absent. */
    private static double metric(String name, String kind) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(text);
        while (line.find()) {
            String tags = line.group(1);
            if (tags.contains("kind=\"" + kind + "\"") && tags.contains("service=\"training-service\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return -1;
    }
}
