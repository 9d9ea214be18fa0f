package io.agrilink.training.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.agrilink.training.Enrolment;
import io.agrilink.training.config.TrainingConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Moves offers on: reminds farmers before their offer expires, and passes an expired offer to
 * the next farmer waiting. Each offer is handled in its own transaction under the session lock.
 */
@ApplicationScoped
public class OfferService {

    private static final Logger LOG = Logger.getLogger(OfferService.class);

    @Inject
    EntityManager em;

    @Inject
    EnrolmentService enrolments;

    @Inject
    TrainingConfig config;

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyFewSeconds() {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Offer round paused: %s", e.getMessage());
        }
    }

    /** Sends due reminders and expires due offers as of {@code now}; returns how many offers expired. */
    public int run(Instant now) {
        if (config.offerHold().compareTo(config.offerReminderBefore()) > 0) {
            for (Long id : due("e.offerRemindedAt is null and e.offerExpiresAt > :now and e.offerExpiresAt <= :remindFrom",
                    now)) {
                enrolments.remind(id, now);
            }
        }
        int expired = 0;
        for (Long id : due("e.offerExpiresAt <= :now", now)) {
            if (enrolments.expireOffer(id, now)) {
                expired++;
            }
        }
        return expired;
    }

    private List<Long> due(String condition, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> query(condition, now));
    }

    private List<Long> query(String condition, Instant now) {
        var query = em.createQuery("select e.id from Enrolment e where e.status = :offered and " + condition
                + " order by e.offerExpiresAt", Long.class)
                .setParameter("offered", Enrolment.Status.OFFERED)
                .setParameter("now", now);
        if (condition.contains(":remindFrom")) {
            query.setParameter("remindFrom", now.plus(config.offerReminderBefore()));
        }
        return query.getResultList();
    }
}
