package io.agrilink.training.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.training.OutboxMessage;
import io.agrilink.training.config.TrainingConfig;

/** Adds outbox rows in the caller's transaction and computes the back-off between attempts. */
@ApplicationScoped
public class OutboxService {

    @Inject
    TrainingConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage enqueue(OutboxMessage.Kind kind, String payload) {
        OutboxMessage message = new OutboxMessage();
        message.kind = kind;
        message.payload = payload;
        message.createdAt = Instant.now();
        message.nextAttemptAt = message.createdAt;
        message.persist();
        return message;
    }

    /** first-retry × 2^(attempts−1), at most max-retry. */
    public Duration backOff(int attempts) {
        Duration first = config.outbox().firstRetry();
        Duration max = config.outbox().maxRetry();
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
