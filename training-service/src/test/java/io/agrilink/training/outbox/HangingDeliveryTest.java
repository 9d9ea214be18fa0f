package io.agrilink.training.outbox;

import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.notices;
import static io.agrilink.training.Fixtures.seated;
import static io.agrilink.training.Fixtures.session;
import static io.agrilink.training.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.training.NoticeGatewayDouble;
import io.agrilink.training.Topic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A receiver that hangs must cost the service nothing but a virtual thread: while the gateway
 * holds its answer (longer than the sender's timeout, see the test profile), no pooled connection
 * is in use and no transaction is open; the notice is retried afterwards and delivered once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class HangingDeliveryTest {

    @Inject
    AgroalDataSource dataSource;

    private String farmer;

    @AfterEach
    void gatewayAnswers() {
        if (farmer != null) {
            NoticeGatewayDouble.HOLDING.remove(farmer);
        }
    }

    @Test
    void aDeliveryThatHangsHoldsNoConnectionNorTransactionAndIsRetriedAfterwards() throws Exception {
        long session = session(course(Topic.FILMING), 5);
        farmer = unique("hang");
        NoticeGatewayDouble.HOLDING.add(farmer);
        seated(session, farmer);
        long notice = ((Number) notices(farmer).get(0).get("id")).longValue();

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> NoticeGatewayDouble.HELD.containsKey(notice));
        // the gateway now holds the call: sample the pool while the relay waits for it
        int fewestInUse = Integer.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            Thread.sleep(100);
            fewestInUse = Math.min(fewestInUse, (int) dataSource.getMetrics().activeCount());
        }
        assertEquals(0, fewestInUse, "pooled connections in use while the gateway held the notice");
        assertEquals(0, openTransactionsOlderThan(Duration.ofMillis(500)),
                "transactions left open (idle in transaction) while the gateway held the notice");
        assertEquals(0, NoticeGatewayDouble.ACCEPTED.getOrDefault(notice, 0));

        NoticeGatewayDouble.HOLDING.remove(farmer);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> NoticeGatewayDouble.ACCEPTED.getOrDefault(notice, 0) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> Boolean.TRUE.equals(notices(farmer).get(0).get("delivered")));
        assertTrue(attempts(notice) >= 2, "the notice was attempted again after the hung call");
        Thread.sleep(NoticeGatewayDouble.HOLD_MILLIS);
        assertEquals(1, NoticeGatewayDouble.ACCEPTED.get(notice));
    }

    private int openTransactionsOlderThan(Duration age) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()
                          and state like 'idle in transaction%' and xact_start < now() - ? * interval '1 millisecond'
                        """)) {
            query.setLong(1, age.toMillis());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int attempts(long notice) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement(
                        "select attempts from outbox_message where kind = 'NOTICE' and payload = ?")) {
            query.setString(1, String.valueOf(notice));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
