package io.agrilink.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox. Each round claims due messages ({@link OutboxStore#claim}: one statement,
 * {@code FOR UPDATE SKIP LOCKED}, then hidden for a lease, so instances never deliver the same
 * message at once), hands them to their kind's {@link OutboxHandler} on virtual threads, at most
 * {@code parallelism} deliveries at a time, outside any transaction and without a database
 * connection, then records every outcome: delivered; retried after {@link Backoff}; or refused
 * for good, for staff to re-drive or discard ({@link OutboxResource}).
 */
@ApplicationScoped
@IfBuildProperty(name = "agrilink.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** A round keeps going while it finds work, for at most this long (then the scheduler's next tick). */
    private static final Duration DRAIN_FOR = Duration.ofSeconds(20);

    /** One message's delivery outcome. */
    record Outcome(OutboxMessage message, OutboxHandler handler, Delivery delivery) {
    }

    @Inject
    OutboxConfig config;

    @Inject
    OutboxStore store;

    @Inject
    OutboxMetrics metrics;

    @Inject
    @Any
    Instance<OutboxHandler> handlerBeans;

    private final Map<String, OutboxHandler> handlers = new HashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final LinkedBlockingQueue<OutboxMessage> soon = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread soonSender;

    void start(@Observes StartupEvent event) {
        for (OutboxHandler handler : handlerBeans) {
            OutboxHandler other = handlers.put(handler.kind(), handler);
            if (other != null) {
                throw new IllegalStateException("Two outbox handlers for " + handler.kind() + ": "
                        + other.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        metrics.register(handlers.keySet());
        running = true;
        soonSender = Thread.ofPlatform().daemon().name("outbox-soon").start(this::deliverWhatComes);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        senders.shutdownNow();
        if (soonSender != null) {
            soonSender.join(Duration.ofSeconds(5));
        }
    }

    /** The kinds this service delivers. */
    public Set<String> kinds() {
        return handlers.keySet();
    }

    void deliverSoon(List<OutboxMessage> messages) {
        if (running && !messages.isEmpty()) {
            soon.addAll(messages);
        }
    }

    private void deliverWhatComes() {
        int max = handlers.values().stream().mapToInt(OutboxHandler::groupSize).max().orElse(1);
        long wait = config.soonWait().toNanos();
        while (running) {
            try {
                OutboxMessage first = soon.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<OutboxMessage> batch = new ArrayList<>();
                batch.add(first);
                // let the next commits join, so that one call delivers many of them
                long deadline = System.nanoTime() + wait;
                for (long left = wait; batch.size() < max && left > 0; left = deadline - System.nanoTime()) {
                    OutboxMessage next = soon.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    soon.drainTo(batch, max - batch.size());
                }
                // the attempt the relay would otherwise have counted when claiming them
                deliver(batch.stream().map(m -> new OutboxMessage(m.id(), m.kind(), m.subject(), m.payload(),
                        m.attempts() + 1, m.createdAt())).toList());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the messages stay in the table: a round delivers them once their lease is over
                LOG.warnf("Immediate outbox delivery failed (%s); the relay will retry", e.toString());
            }
        }
    }

    @Scheduled(every = "${agrilink.outbox.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "agrilink-outbox")
    void deliverDue() {
        try {
            deliverAllDue();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox delivery paused: %s", e.getMessage());
        }
    }

    /** Delivers rounds while there are due messages (for at most 20 s); returns how many were claimed. */
    public int deliverAllDue() {
        long until = System.nanoTime() + DRAIN_FOR.toNanos();
        int total = 0;
        int claimed;
        do {
            claimed = deliverRound();
            total += claimed;
        } while (claimed > 0 && System.nanoTime() < until);
        return total;
    }

    /** Claims and delivers one round of due messages; returns how many were claimed. */
    public int deliverRound() {
        List<OutboxMessage> due = store.claim(config.batchSize(), config.lease());
        if (!due.isEmpty()) {
            deliver(due);
        }
        return due.size();
    }

    /** Delivers these messages, in groups per kind as their handlers take them, then records the outcomes. */
    private void deliver(List<OutboxMessage> messages) {
        Map<String, List<OutboxMessage>> byKind = new LinkedHashMap<>();
        messages.forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        List<List<OutboxMessage>> groups = new ArrayList<>();
        List<Future<List<Delivery>>> running = new ArrayList<>();
        Semaphore slots = new Semaphore(config.parallelism());
        byKind.forEach((kind, ofKind) -> {
            OutboxHandler handler = handlers.get(kind);
            if (handler == null) {
                ofKind.forEach(m -> outcomes.add(new Outcome(m, null,
                        Delivery.refused(0, "no handler for kind " + kind + " in this service"))));
                return;
            }
            int size = Math.max(1, handler.groupSize());
            for (int from = 0; from < ofKind.size(); from += size) {
                List<OutboxMessage> group = ofKind.subList(from, Math.min(from + size, ofKind.size()));
                groups.add(group);
                running.add(senders.submit(() -> {
                    slots.acquire();
                    try {
                        return attempt(handler, group);
                    } finally {
                        slots.release();
                    }
                }));
            }
        });
        long deadline = System.nanoTime() + config.lease().toNanos();
        for (int i = 0; i < groups.size(); i++) {
            List<OutboxMessage> group = groups.get(i);
            OutboxHandler handler = handlers.get(group.get(0).kind());
            List<Delivery> deliveries;
            try {
                deliveries = running.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // a receiver that hangs: given up for now, retried after the back-off (it may
                // still arrive, which the receiver's idempotency absorbs)
                running.get(i).cancel(true);
                deliveries = List.of();
            } catch (Exception e) {
                deliveries = List.of();
            }
            for (int j = 0; j < group.size(); j++) {
                Delivery delivery = j < deliveries.size() && deliveries.get(j) != null ? deliveries.get(j)
                        : Delivery.retry("no answer within the lease of " + config.lease());
                outcomes.add(new Outcome(group.get(j), handler, delivery));
            }
        }
        record(outcomes);
    }

    private static List<Delivery> attempt(OutboxHandler handler, List<OutboxMessage> group) {
        try {
            List<Delivery> outcomes = group.size() == 1
                    ? List.of(handler.deliver(group.get(0)))
                    : handler.deliverAll(group);
            if (outcomes.size() != group.size()) {
                return group.stream().map(m -> Delivery.retry(handler.getClass().getSimpleName() + " answered "
                        + outcomes.size() + " outcomes for " + group.size() + " messages")).toList();
            }
            return outcomes;
        } catch (Exception e) {
            Delivery failed = Delivery.failed(e);
            return group.stream().map(m -> failed).toList();
        }
    }

    /**
     * Records the outcomes. Delivered messages of kinds that are not kept go in one statement,
     * and retries are scheduled in one statement, neither in a transaction; what a handler must
     * hear about (a kept kind delivered, a refusal) is recorded in one transaction, together with
     * what the handler changes.
     */
    void record(List<Outcome> outcomes) {
        List<Long> forgotten = new ArrayList<>();
        List<Outcome> retried = new ArrayList<>();
        List<Outcome> reported = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome.delivery()) {
                case Delivery.Delivered d when outcome.handler() != null && !outcome.handler().keepDelivered() -> forgotten.add(outcome.message().id());
                case Delivery.Retry r -> retried.add(outcome);
                default -> reported.add(outcome);
            }
            metrics.attempted(outcome.message().kind(), outcome.delivery());
        }
        store.forget(forgotten.stream().mapToLong(Long::longValue).toArray());
        retry(retried);
        if (!reported.isEmpty()) {
            reported.sort(Comparator.comparingLong(o -> o.message().id()));
            QuarkusTransaction.requiringNew().run(() -> reported.forEach(this::report));
        }
    }

    private void retry(List<Outcome> retried) {
        int n = retried.size();
        long[] ids = new long[n];
        String[] errors = new String[n];
        long[] delays = new long[n];
        int[] attempts = new int[n];
        for (int i = 0; i < n; i++) {
            Outcome outcome = retried.get(i);
            ids[i] = outcome.message().id();
            errors[i] = ((Delivery.Retry) outcome.delivery()).error();
            attempts[i] = outcome.message().attempts();
            delays[i] = Backoff.after(attempts[i], config.initialBackoff(), config.maxBackoff()).toMillis();
            LOG.debugf("Outbox %d (%s) attempt %d failed, retried in %d ms: %s", ids[i], outcome.message().kind(),
                    attempts[i], delays[i], errors[i]);
        }
        store.retry(ids, errors, delays, attempts);
    }

    private void report(Outcome outcome) {
        OutboxMessage message = outcome.message();
        OutboxHandler handler = outcome.handler();
        if (handler != null) {
            handler.lockSubject(message);
        }
        var pending = store.lockPending(message.id());
        if (pending.isEmpty()) {
            return;
        }
        switch (outcome.delivery()) {
            case Delivery.Delivered delivered -> {
                store.markDelivered(message.id(), true);
                handler.delivered(message, delivered.answer());
            }
            case Delivery.Refused refused when !pending.get() -> store.note(message.id(), refused.error());
            case Delivery.Refused refused -> {
                store.markRefused(message.id(), refused.error());
                LOG.errorf("Outbox message %d (%s, subject %s) refused for good after %d attempts: %s", message.id(),
                        message.kind(), message.subject(), message.attempts(), refused.error());
                if (handler != null) {
                    handler.refused(message, refused);
                }
            }
            case Delivery.Retry retry -> throw new IllegalStateException("retries are not reported");
        }
    }

    /** Deletes delivered messages past the retention, hourly. */
    @Scheduled(every = "1h", delayed = "1m", identity = "agrilink-outbox-retention")
    void purge() {
        int purged = store.purgeDelivered(Instant.now().minus(config.retention()));
        if (purged > 0) {
            LOG.infof("Outbox: %d delivered messages older than %s deleted", purged, config.retention());
        }
    }
}
