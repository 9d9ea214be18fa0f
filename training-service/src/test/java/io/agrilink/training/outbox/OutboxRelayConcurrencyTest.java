package io.agrilink.training.outbox;

import static io.agrilink.training.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.platform.outbox.Outbox;
import io.agrilink.platform.outbox.OutboxRelay;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.training.CatalogDouble;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Rounds of the relay that run at once (several instances, or a round that overlaps the
 * scheduler's) share the due messages between them: every message reaches the receiver exactly
 * once, claimed once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OutboxRelayConcurrencyTest {

    private static final int MESSAGES = 400;
    private static final int ROUNDS_AT_ONCE = 4;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void roundsRunningAtOnceDeliverEveryMessageExactlyOnce() throws Exception {
        String burst = unique("burst");
        List<String> farmers = IntStream.range(0, MESSAGES).mapToObj(i -> burst + "-" + i).toList();
        QuarkusTransaction.requiringNew().run(() -> farmers.forEach(farmer -> outbox.add(
                OutboxKinds.LIVESTREAM_READY, farmer, badge(farmer))));

        ExecutorService rounds = Executors.newFixedThreadPool(ROUNDS_AT_ONCE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> claimed = new ArrayList<>();
        for (int i = 0; i < ROUNDS_AT_ONCE; i++) {
            Callable<Integer> drain = () -> {
                start.await();
                int total = 0;
                for (int round = relay.deliverRound(); round > 0; round = relay.deliverRound()) {
                    total += round;
                }
                return total;
            };
            claimed.add(rounds.submit(drain));
        }
        start.countDown();
        List<Integer> claimedPerThread = new ArrayList<>();
        for (Future<Integer> f : claimed) {
            claimedPerThread.add(f.get());
        }
        rounds.shutdown();
        // batches of 25 (test profile): the first round of every thread found messages to claim
        assertEquals(true, claimedPerThread.stream().allMatch(n -> n > 0), "claimed per thread " + claimedPerThread);

        // the scheduler's own round may have taken some of them meanwhile: wait for it too
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> farmers.stream().allMatch(CatalogDouble.ACCEPTED::containsKey));
        Thread.sleep(1500);
        for (String farmer : farmers) {
            assertEquals(1, CatalogDouble.ACCEPTED.get(farmer).size(), farmer + "'s badge calls");
        }
        Object[] rows = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where delivered_at is not null), max(attempts)
                from outbox_message where kind = 'LIVESTREAM_READY' and subject like :burst""")
                .setParameter("burst", burst + "-%").getSingleResult());
        assertEquals(MESSAGES, ((Number) rows[0]).intValue());
        assertEquals(MESSAGES, ((Number) rows[1]).intValue());
        assertEquals(1, ((Number) rows[2]).intValue(), "no message was claimed twice");
    }

    private String badge(String farmer) {
        try {
            return json.writeValueAsString(new LivestreamReadyHandler.Badge(farmer, "C-" + farmer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
