package io.agrilink.order.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.agrilink.order.IdempotencyRecord;
import io.agrilink.order.config.OrderConfig;
import io.quarkus.scheduler.Scheduled;

/** Scheduled upkeep: unpaid bank-transfer orders are cancelled, old idempotency keys are forgotten. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final int CANCEL_ROUND = 200;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    OrderConfig config;

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cancelUnpaidOrders() {
        int cancelled;
        int total = 0;
        do {
            cancelled = lifecycle.cancelUnpaid(Instant.now(), CANCEL_ROUND);
            total += cancelled;
        } while (cancelled == CANCEL_ROUND);
        if (total > 0) {
            LOG.infof("Cancelled %d unpaid bank-transfer orders and released their stock", total);
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeIdempotencyKeys() {
        long purged = purgeIdempotencyKeys(Instant.now().minus(config.idempotencyRetention()));
        if (purged > 0) {
            LOG.infof("Forgot %d idempotency keys older than %s", purged, config.idempotencyRetention());
        }
    }

    /** Deletes the idempotency records created before {@code cutoff}; returns how many. */
    @Transactional
    public long purgeIdempotencyKeys(Instant cutoff) {
        return IdempotencyRecord.delete("createdAt < ?1", cutoff);
    }
}
