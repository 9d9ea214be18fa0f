package io.agrilink.training;

import static io.agrilink.training.Fixtures.complete;
import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

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
class LivestreamBadgeTest {

    @Inject
    EntityManager em;

    @AfterEach
    void catalogUp() {
        CatalogDouble.DOWN.set(false);
    }

    @Test
    void badgeReachesTheCatalogueExactlyOnceEvenWhenCatalogWasDownAtCompletion() throws InterruptedException {
        String farmer = unique("kol");
        long course = course(Topic.LIVESTREAM_SELLING);
        CatalogDouble.DOWN.set(true);
        String code = complete(course, farmer);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> CatalogDouble.REFUSED.getOrDefault(farmer, 0) >= 2);
        assertNull(CatalogDouble.ACCEPTED.get(farmer));

        CatalogDouble.DOWN.set(false);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> CatalogDouble.ACCEPTED.containsKey(farmer));
        Thread.sleep(2500);
        assertEquals(List.of(code), CatalogDouble.ACCEPTED.get(farmer));
    }

    @Test
    void aRefusalRetryingCannotFixIsRecordedNotRetried() throws InterruptedException {
        String farmer = unique("refused");
        CatalogDouble.REJECTED.add(farmer);
        String code = complete(course(Topic.LIVESTREAM_SELLING), farmer);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> CatalogDouble.BAD_REQUESTS.getOrDefault(farmer, 0) == 1);
        Thread.sleep(3000);
        assertEquals(1, CatalogDouble.BAD_REQUESTS.get(farmer));
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select attempts, failed_at, delivered_at from outbox_message where kind = 'LIVESTREAM_READY'"
                        + " and payload like :code").setParameter("code", "%" + code + "%").getSingleResult());
        assertEquals(1, ((Number) row[0]).intValue());
        assertNotNull(row[1]);
        assertNull(row[2]);
    }

    @Test
    void otherCoursesGrantNoBadge() throws InterruptedException {
        String farmer = unique("pack");
        complete(course(Topic.PACKAGING_DESIGN), farmer);
        Thread.sleep(2500);
        assertFalse(CatalogDouble.ACCEPTED.containsKey(farmer));
    }
}
