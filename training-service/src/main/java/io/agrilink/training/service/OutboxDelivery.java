package io.agrilink.training.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.training.Notice;
import io.agrilink.training.OutboxMessage;
import io.agrilink.training.client.CatalogClient;
import io.agrilink.training.notice.NoticeSender;
import io.agrilink.training.notice.NoticeSenders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers due outbox rows, one transaction per row: the row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (several instances never send the same row at once), sent,
 * and marked delivered, or given its next attempt time with exponential back-off. A refusal
 * that retrying cannot fix (4xx other than 408/429) is recorded as failed.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);
    private static final int BATCH = 100;

    @Inject
    EntityManager em;

    @Inject
    OutboxService outbox;

    @Inject
    NoticeSenders senders;

    @Inject
    CatalogClient catalog;

    @Inject
    ObjectMapper json;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        try {
            deliverAll();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox delivery paused: %s", e.getMessage());
        }
    }

    /** Delivers every row that is due now (at most one batch); returns how many were attempted. */
    public int deliverAll() {
        int attempted = 0;
        while (attempted < BATCH && QuarkusTransaction.requiringNew().call(this::deliverOne)) {
            attempted++;
        }
        return attempted;
    }

    private boolean deliverOne() {
        @SuppressWarnings("unchecked")
        List<Long> due = em.createNativeQuery("""
                select id from outbox_message
                where delivered_at is null and failed_at is null and next_attempt_at <= now()
                order by next_attempt_at, id
                limit 1
                for update skip locked""", Long.class).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        OutboxMessage message = em.find(OutboxMessage.class, due.get(0));
        message.attempts++;
        Instant now = Instant.now();
        try {
            send(message);
            message.deliveredAt = now;
            message.lastError = null;
        } catch (NoticeSender.Rejected e) {
            fail(message, e.getMessage(), now);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status / 100 == 4 && status != 408 && status != 429) {
                fail(message, "Refused with " + status, now);
            } else {
                retry(message, "Answered " + status, now);
            }
        } catch (RuntimeException e) {
            retry(message, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
        }
        return true;
    }

    private void send(OutboxMessage message) {
        switch (message.kind) {
            case NOTICE -> {
                Notice notice = Notice.findById(Long.parseLong(message.payload));
                if (notice == null) {
                    return;
                }
                senders.configured().send(notice);
                notice.deliveredAt = Instant.now();
            }
            case LIVESTREAM_READY -> {
                JsonNode body = readPayload(message.payload);
                catalog.markLivestreamReady(body.get("subject").asText(), body.get("certificateCode").asText());
            }
        }
    }

    private JsonNode readPayload(String payload) {
        try {
            return json.readTree(payload);
        } catch (java.io.IOException e) {
            throw new NoticeSender.Rejected("Unreadable outbox payload");
        }
    }

    private void retry(OutboxMessage message, String error, Instant now) {
        message.lastError = truncate(error);
        message.nextAttemptAt = now.plus(outbox.backOff(message.attempts));
        LOG.infof("Outbox %d (%s) attempt %d failed, next at %s: %s", message.id, message.kind, message.attempts,
                message.nextAttemptAt, error);
    }

    private static void fail(OutboxMessage message, String error, Instant now) {
        message.lastError = truncate(error);
        message.failedAt = now;
        LOG.warnf("Outbox %d (%s) refused for good: %s", message.id, message.kind, error);
    }

    private static String truncate(String text) {
        return text == null ? null : text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
