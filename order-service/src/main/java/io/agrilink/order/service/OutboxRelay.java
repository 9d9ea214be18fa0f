package io.agrilink.order.service;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.OrderEvent;
import io.agrilink.order.OutboxMessage;
import io.agrilink.order.client.CatalogClient;
import io.agrilink.order.client.CatalogRestClient;
import io.agrilink.order.client.LogisticsClient;
import io.agrilink.order.client.LogisticsRestClient;
import io.agrilink.order.config.OrderConfig;
import io.agrilink.platform.jdbc.FreshPlans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox: claims due messages ({@code FOR UPDATE SKIP LOCKED}, then hidden for a
 * lease, so several instances never deliver the same message at once), calls the other service
 * outside any transaction, then records each outcome: delivered; retried later with exponential
 * back-off (5xx, 408, 429, no connection); or failed for good (any other 4xx), in the audit trail.
 * A reservation confirmation refused for good (409/404: the stock is gone) cancels its order in
 * the same transaction ({@link OrderLifecycle#stockLost}), so no order stays confirmed without stock.
 * Receivers are idempotent (shipments on orderId, reservations on orderRef), so a delivery
 * repeated after a crash has no second effect. The reservation confirmations of orders just
 * placed do not wait for a round: {@link #confirmNow} sends them as soon as their batch commits.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** What happened to one delivery attempt. */
    record Outcome(long messageId, OutboxMessage.Kind kind, boolean delivered, boolean terminal, String error,
            LogisticsRestClient.Shipment shipment, int status) {

        Outcome(long messageId, OutboxMessage.Kind kind, boolean delivered, boolean terminal, String error,
                LogisticsRestClient.Shipment shipment) {
            this(messageId, kind, delivered, terminal, error, shipment, 0);
        }

        /** catalog-service says the reservation is gone (expired and sold meanwhile, released, unknown). */
        boolean stockLost() {
            return kind == OutboxMessage.Kind.CONFIRM_RESERVATION && terminal && (status == 409 || status == 404);
        }
    }

    @Inject
    OrderConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    CatalogClient catalog;

    @Inject
    LogisticsClient logistics;

    @Inject
    ObjectMapper json;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    OutboxRelay self;

    @Inject
    AgroalDataSource dataSource;

    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    /** Confirmations of orders just committed, sent at once rather than at the relay's next round. */
    private final LinkedBlockingQueue<OutboxMessage> toConfirm = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread confirmer;

    void start(@Observes StartupEvent event) {
        running = true;
        confirmer = Thread.ofPlatform().daemon().name("reservation-confirmer").start(this::confirmWhatComes);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        senders.shutdownNow();
        if (confirmer != null) {
            confirmer.join(Duration.ofSeconds(5));
        }
    }

    /**
     * Sends these just-committed confirmations now, grouped with others that come meanwhile. They
     * were written with {@code next_attempt_at} a lease ahead, so the relay's rounds leave them alone
     * unless this attempt fails or this instance stops first; then they are delivered like any
     * other message.
     */
    public void confirmNow(List<OutboxMessage> messages) {
        if (running && !messages.isEmpty()) {
            toConfirm.addAll(messages);
        }
    }

    private void confirmWhatComes() {
        int max = config.outbox().confirmBatchSize();
        long wait = config.outbox().confirmWait().toNanos();
        while (running) {
            try {
                OutboxMessage first = toConfirm.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<OutboxMessage> group = new ArrayList<>();
                group.add(first);
                // let the next placement batches join, so one catalogue call confirms many of them
                long deadline = System.nanoTime() + wait;
                for (long left = wait; group.size() < max && left > 0; left = deadline - System.nanoTime()) {
                    OutboxMessage next = toConfirm.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    group.add(next);
                    toConfirm.drainTo(group, max - group.size());
                }
                List<Outcome> outcomes = confirmAll(group);
                if (outcomes.stream().allMatch(Outcome::delivered)) {
                    forget(outcomes); // the usual case: one plain statement, no transaction needed
                } else {
                    self.record(outcomes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the messages stay in the table: the relay delivers them once their lease is over
                LOG.warnf("Immediate reservation confirmations failed (%s); the outbox relay will retry", e.toString());
            }
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        // keep going while full rounds come back, so a backlog (after an outage or a flash sale) drains quickly
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int claimed;
        do {
            claimed = deliverRound();
        } while (claimed == config.outbox().batchSize() && System.nanoTime() < until);
    }

    /**
     * Claims and delivers one round of due messages; returns how many were claimed. Reservation
     * confirmations go to catalog-service in groups (one call and one catalogue transaction for up
     * to {@code confirm-batch-size} of them: a flash sale confirms a thousand orders a second);
     * every other message is one call.
     */
    public int deliverRound() {
        List<OutboxMessage> due = self.claim();
        if (due.isEmpty()) {
            return 0;
        }
        List<Callable<List<Outcome>>> deliveries = new ArrayList<>();
        List<OutboxMessage> confirmations = new ArrayList<>();
        for (OutboxMessage message : due) {
            if (message.kind == OutboxMessage.Kind.CONFIRM_RESERVATION) {
                confirmations.add(message);
            } else {
                deliveries.add(() -> List.of(deliver(message)));
            }
        }
        int groupSize = config.outbox().confirmBatchSize();
        for (int from = 0; from < confirmations.size(); from += groupSize) {
            List<OutboxMessage> group = confirmations.subList(from, Math.min(from + groupSize, confirmations.size()));
            deliveries.add(() -> confirmAll(group));
        }
        Semaphore slots = new Semaphore(config.outbox().parallelism());
        List<Future<List<Outcome>>> running = new ArrayList<>(deliveries.size());
        for (Callable<List<Outcome>> delivery : deliveries) {
            running.add(senders.submit(() -> {
                slots.acquire();
                try {
                    return delivery.call();
                } finally {
                    slots.release();
                }
            }));
        }
        List<Outcome> outcomes = new ArrayList<>(due.size());
        for (Future<List<Outcome>> f : running) {
            try {
                outcomes.addAll(f.get());
            } catch (Exception e) {
                LOG.warnf("Outbox delivery task failed: %s", e.toString());
            }
        }
        self.record(outcomes);
        return due.size();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<OutboxMessage> claim() {
        List<OutboxMessage> due = entityManager.createNativeQuery(
                "select * from outbox_message where delivered_at is null and failed_at is null"
                        + " and next_attempt_at <= now() order by next_attempt_at limit :n for update skip locked",
                OutboxMessage.class)
                .setParameter("n", config.outbox().batchSize())
                .getResultList();
        if (!due.isEmpty()) {
            // hidden for the lease in one statement, not one update per message
            entityManager.unwrap(Session.class)
                    .createMutationQuery("update OutboxMessage set nextAttemptAt = :until where id in :ids")
                    .setParameter("until", Instant.now().plus(config.outbox().lease()))
                    .setParameterList("ids", due.stream().map(m -> m.id).toList()).executeUpdate();
        }
        return due;
    }

    private Outcome deliver(OutboxMessage message) {
        try {
            switch (message.kind) {
                case CREATE_SHIPMENT -> {
                    LogisticsRestClient.Shipment shipment = logistics
                            .create(json.readValue(message.payload, LogisticsRestClient.NewShipment.class));
                    return delivered(message, shipment);
                }
                case WITHDRAW_SHIPMENT -> logistics
                        .withdraw(json.readValue(message.payload, LogisticsRestClient.Withdrawal.class));
                case CONFIRM_RESERVATION -> catalog.confirm(message.payload);
                case RELEASE_RESERVATION -> catalog.release(message.payload);
            }
            return delivered(message, null);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (message.kind == OutboxMessage.Kind.RELEASE_RESERVATION && status == 404) {
                // nothing is held under that reference: the release has nothing left to do
                return delivered(message, null);
            }
            return failed(message, status, "HTTP " + status + " " + summary(e));
        } catch (Exception e) {
            return new Outcome(message.id, message.kind, false, false, reason(e), null);
        }
    }

    /** Confirms a group of reservations in one call; each message's outcome is its reference's result. */
    private List<Outcome> confirmAll(List<OutboxMessage> group) {
        CatalogRestClient.ConfirmationResults answer;
        try {
            answer = catalog.confirmAll(group.stream().map(m -> m.payload).toList());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 || status == 404 || status == 405) {
                // a catalogue without the group endpoint, or one reference it refuses: one call each
                return group.stream().map(this::deliver).toList();
            }
            String error = "HTTP " + status + " " + summary(e);
            return group.stream().map(m -> failed(m, status, error)).toList();
        } catch (Exception e) {
            String error = reason(e);
            return group.stream().map(m -> new Outcome(m.id, m.kind, false, false, error, null)).toList();
        }
        Map<String, CatalogRestClient.ConfirmationResult> byRef = new HashMap<>();
        if (answer != null && answer.results() != null) {
            answer.results().forEach(r -> byRef.put(r.orderRef(), r));
        }
        List<Outcome> outcomes = new ArrayList<>(group.size());
        for (OutboxMessage message : group) {
            CatalogRestClient.ConfirmationResult result = byRef.get(message.payload);
            if (result == null) {
                outcomes.add(new Outcome(message.id, message.kind, false, false, "no result for this reservation",
                        null));
            } else if (result.status() == 200) {
                outcomes.add(delivered(message, null));
            } else {
                Object detail = result.problem() == null ? null : result.problem().get("detail");
                outcomes.add(failed(message, result.status(), "HTTP " + result.status()
                        + (detail == null ? "" : " " + detail)));
            }
        }
        return outcomes;
    }

    private static Outcome delivered(OutboxMessage message, LogisticsRestClient.Shipment shipment) {
        return new Outcome(message.id, message.kind, true, false, null, shipment);
    }

    /** Retried later on 5xx, 408 and 429; any other refusal is for good. */
    private static Outcome failed(OutboxMessage message, int status, String error) {
        boolean retry = status >= 500 || status == 408 || status == 429;
        return new Outcome(message.id, message.kind, false, !retry, error, null, status);
    }

    @Transactional
    void record(List<Outcome> outcomes) {
        Instant now = Instant.now();
        // a delivered reservation message has nothing left to say (the order's audit trail keeps
        // the facts), so it goes, in one statement for all of them; shipment messages stay, marked
        forget(outcomes);
        for (Outcome outcome : outcomes) {
            if (outcome.delivered() && !outcome.kind().keptWhenDelivered()) {
                continue;
            }
            OutboxMessage message = OutboxMessage.findById(outcome.messageId());
            if (message == null) {
                continue;
            }
            if (message.kind == OutboxMessage.Kind.CREATE_SHIPMENT) {
                // the order, then its handoff, locked in the order a cancel takes them: a cancel
                // withdrawing this handoff at this moment waits, or is waited for, and is seen
                if (message.orderId != null) {
                    CustomerOrder.findById(message.orderId, LockModeType.PESSIMISTIC_WRITE);
                }
                entityManager.refresh(message, LockModeType.PESSIMISTIC_WRITE);
            }
            message.attempts++;
            boolean withdrawn = message.failedAt != null;
            if (outcome.delivered()) {
                message.deliveredAt = now;
                message.lastError = null;
                if (message.kind == OutboxMessage.Kind.WITHDRAW_SHIPMENT) {
                    lifecycle.shipmentWithdrawn(message.orderId, now);
                } else {
                    handedOver(message, outcome.shipment(), now);
                }
            } else if (withdrawn) {
                // the order was cancelled meanwhile and its withdrawal is on its way: nothing to retry or report
                message.lastError = truncate(outcome.error());
            } else if (message.kind == OutboxMessage.Kind.WITHDRAW_SHIPMENT && outcome.status() == 409) {
                message.failedAt = now;
                message.lastError = truncate(outcome.error());
                lifecycle.withdrawalRefused(message.orderId, outcome.error(), now);
            } else if (outcome.terminal()) {
                message.failedAt = now;
                message.lastError = truncate(outcome.error());
                LOG.errorf("Outbox message %d (%s, order %s) refused for good: %s", message.id, message.kind,
                        message.orderId, outcome.error());
                if (message.orderId != null) {
                    CustomerOrder order = outcome.stockLost()
                            ? CustomerOrder.findById(message.orderId, LockModeType.PESSIMISTIC_WRITE)
                            : CustomerOrder.findById(message.orderId);
                    if (order != null) {
                        OrderEvent.of(order, now, "system", message.kind + "_FAILED", order.status, order.status,
                                "needs staff: " + outcome.error()).persist();
                        if (outcome.stockLost()) {
                            // the order must not stay confirmed without stock: cancelled in this same transaction
                            lifecycle.stockLost(order, outcome.error(), now);
                        }
                    }
                }
            } else {
                message.lastError = truncate(outcome.error());
                message.nextAttemptAt = now.plus(backoff(message.attempts));
            }
        }
    }

    /**
     * Deletes the delivered reservation messages among these outcomes: such a message has nothing
     * left to say once delivered (the order's audit trail keeps the facts). Shipment messages stay,
     * marked delivered. Joins the caller's transaction if there is one.
     */
    private void forget(List<Outcome> outcomes) {
        Long[] done = outcomes.stream()
                .filter(o -> o.delivered() && !o.kind().keptWhenDelivered())
                .map(Outcome::messageId).toArray(Long[]::new);
        if (done.length == 0) {
            return;
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement delete = FreshPlans.prepare(db, "delete from outbox_message where id = any(?)")) {
            delete.setArray(1, db.createArrayOf("int8", done));
            delete.executeUpdate();
        } catch (SQLException e) {
            // delivered again later: the receivers are idempotent
            throw new IllegalStateException("Delivered outbox messages could not be removed: " + e.getMessage(), e);
        }
    }

    private void handedOver(OutboxMessage message, LogisticsRestClient.Shipment shipment, Instant now) {
        CustomerOrder order = CustomerOrder.findById(message.orderId);
        if (order == null) {
            return;
        }
        Long shipmentId = shipment == null ? null : shipment.id();
        if (shipmentId != null && order.shipmentId == null) {
            order.shipmentId = shipmentId;
        }
        if (shipment != null && shipment.deliveryCode() != null) {
            // the buyer shows this code to the courier as proof of delivery
            order.deliveryCode = shipment.deliveryCode();
        }
        OrderEvent.of(order, now, "system", "SHIPMENT_CREATED", order.status, order.status,
                "handed to logistics-service" + (shipmentId == null ? "" : ": shipment " + shipmentId)
                        + (message.attempts > 1 ? " after " + message.attempts + " attempts" : ""))
                .persist();
    }

    /** initial × 2^(attempts-1), at most the configured maximum. */
    Duration backoff(int attempts) {
        Duration initial = config.outbox().initialBackoff();
        Duration max = config.outbox().maxBackoff();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private static String summary(WebApplicationException e) {
        try {
            return e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : "";
        } catch (RuntimeException ignored) {
            return "";
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        return e.toString();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
