package io.agrilink.logistics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import io.agrilink.logistics.OutboxEvent;
import io.agrilink.logistics.client.EventRejected;
import io.agrilink.logistics.client.OrderEventsClient;
import io.agrilink.logistics.client.ShipmentStatusEvent;
import io.agrilink.logistics.config.LogisticsConfig;
import io.agrilink.logistics.repository.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox to order-service: each round claims the oldest pending event of each
 * shipment, sends it, and marks it delivered, refused for good, or due again after a back-off
 * that doubles up to a ceiling. While order-service is down nothing is lost; when it is back the
 * events arrive in order per shipment. Receivers drop repeats by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Rounds per run: a shipment with several waiting events gets them all out in one run. */
    private static final int MAX_ROUNDS = 50;

    /** A round sends at most a batch of events, each bounded by the client's timeout. */
    private static final int ROUND_TIMEOUT_SECONDS = 120;

    @Inject
    OutboxRepository outbox;

    @Inject
    OrderEventsClient orders;

    @Inject
    LogisticsConfig config;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "shipment-outbox")
    void deliverPending() {
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                int sent = QuarkusTransaction.requiringNew().timeout(ROUND_TIMEOUT_SECONDS).call(this::deliverRound);
                if (sent == 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox delivery paused: %s", e.getMessage());
        }
    }

    /** One round in one transaction: claimed rows stay locked until their outcome is written. */
    int deliverRound() {
        List<OutboxEvent> due = outbox.claimDue(config.outbox().batchSize());
        int delivered = 0;
        for (OutboxEvent event : due) {
            event.attempts++;
            try {
                orders.send(event.orderId, new ShipmentStatusEvent(event.eventId.toString(), event.shipmentId,
                        event.status.name(), event.occurredAt, event.location, event.note));
                event.deliveredAt = Instant.now();
                event.lastError = null;
                delivered++;
            } catch (EventRejected e) {
                event.failedAt = Instant.now();
                event.lastError = truncate(e.getMessage());
                LOG.errorf("order-service refused event %s (%s of shipment %d) for good: %s", event.eventId,
                        event.status, event.shipmentId, e.getMessage());
                delivered++;
            } catch (WebApplicationException e) {
                retryLater(event, e);
            } catch (RuntimeException unreachable) {
                // No answer at all (refused, timed out, circuit open): the rest of the batch would fare the
                // same, so it stays due for the next run instead of holding this transaction open.
                retryLater(event, unreachable);
                break;
            }
        }
        return delivered;
    }

    private void retryLater(OutboxEvent event, RuntimeException e) {
        event.nextAttemptAt = Instant.now().plus(backoff(event.attempts));
        event.lastError = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
        LOG.debugf("Event %s to order-service failed (attempt %d): %s", event.eventId, event.attempts, e.getMessage());
    }

    Duration backoff(int attempts) {
        Duration initial = config.outbox().initialBackoff();
        Duration max = config.outbox().maxBackoff();
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static String truncate(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 1000));
    }
}
