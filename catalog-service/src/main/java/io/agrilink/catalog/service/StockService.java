package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import io.agrilink.catalog.config.CatalogConfig;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.trace.RequestTrace;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Reservations for order-service, built for a flash sale on one hot lot.
 * <p>
 * Requests that touch the same lots (the same "lane") wait in an in-memory queue; one worker at a
 * time drains a lane and hands everything queued, up to {@code max-batch}, to
 * {@link StockReservations#apply} as one transaction, then answers each caller with its own outcome.
 * So a thousand orders for one lot take a few transactions, not a thousand row locks in turn.
 * Correctness does not rest on the queue: the ledger locks the lots and the database checks the
 * arithmetic, so two service instances (two queues) stay correct, only less batched.
 * <p>
 * The ledger is one class per job: {@link StockReservations}, {@link StockConfirmations},
 * {@link StockReleases} (and expiries), {@link StockQueries}; {@link StockRules} checks a
 * reservation before it reaches them.
 */
@ApplicationScoped
public class StockService {

    private static final Logger LOG = Logger.getLogger(StockService.class);

    @Inject
    StockRules rules;

    @Inject
    StockReservations reservations;

    @Inject
    StockConfirmations confirmations;

    @Inject
    StockReleases releases;

    @Inject
    StockQueries queries;

    @Inject
    CatalogConfig config;

    @Inject
    MeterRegistry metrics;

    private DistributionSummary batchSizes;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private ManagedExecutor workers;

    /** A request's reservations, with its trace and request id for the worker that applies them. */
    private record Job(List<StockHold> holds, CompletableFuture<List<StockOutcome>> done, RequestTrace trace) {
    }

    private static final class Lane {
        final Queue<Job> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }

    @PostConstruct
    void start() {
        batchSizes = DistributionSummary.builder("agrilink.stock.batch.size")
                .description("Reservations applied per stock transaction").publishPercentiles(0.5, 0.95)
                .register(metrics);
        // at most this many lanes drain at once (each holds a connection); a drain serves many
        // requests, so it takes no context from the one that started it: each batch resumes its own
        workers = ManagedExecutor.builder().maxAsync(config.stock().workers()).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    /** Holds the grams of one reservation (all lines or none); a 400 when it breaks a rule. */
    public StockOutcome reserve(NewReservation reservation) {
        StockHold hold = rules.check(reservation);
        // a repeated order reference is answered by the ledger within the batch, without a query of its own
        return await(submit(hold.laneKey(), List.of(hold))).get(0);
    }

    /**
     * Holds many reservations: those touching the same lots are applied together, in one
     * transaction per lane. Outcomes come back in the order of the reservations; one that
     * breaks a rule gets its 400 and the others go on.
     */
    public List<StockOutcome> reserveAll(List<NewReservation> asked) {
        StockOutcome[] outcomes = new StockOutcome[asked.size()];
        List<StockHold> holds = new ArrayList<>();
        List<Integer> holdPositions = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            NewReservation reservation = asked.get(i);
            try {
                holds.add(rules.check(reservation));
                holdPositions.add(i);
            } catch (ProblemException e) {
                outcomes[i] = StockOutcome.invalid(reservation == null ? null : reservation.orderRef(), e);
            }
        }
        if (holds.isEmpty()) {
            return Arrays.asList(outcomes);
        }
        Map<String, List<Integer>> byLane = new LinkedHashMap<>();
        for (int i = 0; i < holds.size(); i++) {
            byLane.computeIfAbsent(holds.get(i).laneKey(), k -> new ArrayList<>()).add(i);
        }
        Map<String, CompletableFuture<List<StockOutcome>>> pending = new LinkedHashMap<>();
        byLane.forEach((key, positions) -> pending.put(key, submit(key, positions.stream().map(holds::get).toList())));

        pending.forEach((key, future) -> {
            List<Integer> positions = byLane.get(key);
            List<StockOutcome> results = await(future);
            for (int i = 0; i < positions.size(); i++) {
                outcomes[holdPositions.get(positions.get(i))] = results.get(i);
            }
        });
        return Arrays.asList(outcomes);
    }

    public Optional<Reservation> find(String orderRef) {
        return Optional.ofNullable(queries.load(List.of(orderRef)).get(orderRef));
    }

    /**
     * Confirms a reservation. A hold past its time is confirmed as usual; an expired one takes its
     * grams again when it still could be reserved (else 409: the short, expired or delisted lot, or
     * the buyer's campaign limit); a released one never.
     */
    public Reservation confirm(String orderRef) {
        StockConfirmations.Confirmation confirmation = confirmations.confirm(orderRef, Instant.now());
        return switch (confirmation.result()) {
            case CONFIRMED, ALREADY_CONFIRMED -> confirmation.reservation();
            case UNKNOWN -> throw ProblemException.notFound("Reservation", orderRef);
            case NOT_HELD -> throw ProblemException.conflict("Reservation " + orderRef + " is "
                    + confirmation.reservation().status() + " and can no longer be confirmed")
                    .with("reservationStatus", confirmation.reservation().status().name());
            case CANNOT_RETAKE -> throw confirmation.refusal().problemRetaking(orderRef)
                    .with("reservationStatus", confirmation.reservation().status().name());
        };
    }

    /** One reference's outcome in {@link #confirmAll}: 200 with the status, or the problem the single confirm would raise. */
    public record Confirmed(String orderRef, int status, ReservationStatus reservationStatus, ProblemException problem) {
    }

    /**
     * Confirms many reservations in one transaction (order-service's outbox sends them in groups,
     * so a flash sale does not cost a catalogue transaction per order). Each outcome is what
     * {@link #confirm} would have answered for that reference.
     */
    public List<Confirmed> confirmAll(List<String> orderRefs) {
        return confirmations.confirmAll(orderRefs, Instant.now()).stream().map(c -> switch (c.result()) {
            case CONFIRMED, ALREADY_CONFIRMED -> new Confirmed(c.orderRef(), 200, c.status(), null);
            case UNKNOWN -> new Confirmed(c.orderRef(), 404, null, ProblemException.notFound("Reservation", c.orderRef()));
            // the reservation's status is in the result itself, so the problem keeps its numeric status
            case NOT_HELD -> new Confirmed(c.orderRef(), 409, c.status(), ProblemException.conflict(
                    "Reservation " + c.orderRef() + " is " + c.status() + " and can no longer be confirmed"));
            case CANNOT_RETAKE -> new Confirmed(c.orderRef(), 409, c.status(), c.refusal().problemRetaking(c.orderRef()));
        }).toList();
    }

    /** Gives the grams back; nothing happens for a reservation already released, expired or unknown. */
    public void release(String orderRef) {
        releases.release(orderRef, Instant.now());
    }

    /** Expired holds give their grams back even when no one is short of them. */
    @Scheduled(every = "${agrilink.catalog.stock.expiry-every:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireHolds() {
        int limit = config.stock().expiryBatch();
        try {
            long freed;
            do {
                freed = releases.expire(Instant.now(), limit);
                if (freed > 0) {
                    LOG.debugf("Expired holds returned %d g to stock", freed);
                }
            } while (freed > 0 && !Thread.currentThread().isInterrupted() && freed >= limit);
        } catch (RuntimeException e) {
            // the database may be briefly away; the next run catches up
            LOG.warnf("Expiring holds failed, will retry: %s", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ lanes

    private CompletableFuture<List<StockOutcome>> submit(String key, List<StockHold> holds) {
        Job job = new Job(holds, new CompletableFuture<>(), RequestTrace.current());
        Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
        lane.queue.add(job);
        if (lane.draining.compareAndSet(false, true)) {
            workers.execute(() -> drain(key, lane));
        }
        return job.done();
    }

    private void drain(String key, Lane lane) {
        int max = config.stock().maxBatch();
        while (true) {
            List<Job> batch = new ArrayList<>();
            int count = 0;
            for (Job next = lane.queue.peek(); next != null; next = lane.queue.peek()) {
                if (!batch.isEmpty() && count + next.holds().size() > max) {
                    break;
                }
                batch.add(lane.queue.poll());
                count += next.holds().size();
            }
            if (batch.isEmpty()) {
                lane.draining.set(false);
                // a job added after the last poll but before the flag was cleared is drained here
                if (!lane.queue.isEmpty() && lane.draining.compareAndSet(false, true)) {
                    continue;
                }
                lanes.remove(key, lane);
                if (!lane.queue.isEmpty() && lane.draining.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            process(batch);
        }
    }

    private void process(List<Job> batch) {
        List<StockHold> holds = new ArrayList<>();
        batch.forEach(job -> holds.addAll(job.holds()));
        batchSizes.record(holds.size());
        // the batch's log lines carry the request id and trace of its first request
        try (RequestTrace.Resumed first = batch.get(0).trace().resume()) {
            List<StockOutcome> outcomes = applyWithExpiry(holds);
            int at = 0;
            for (Job job : batch) {
                job.done().complete(outcomes.subList(at, at + job.holds().size()));
                at += job.holds().size();
            }
        } catch (RuntimeException e) {
            batch.forEach(job -> job.done().completeExceptionally(e));
        }
    }

    /**
     * Applies the holds; when some were short of grams on lots that have holds, expires the
     * holds whose time is up (lazily, without waiting for the job) and tries those again.
     */
    private List<StockOutcome> applyWithExpiry(List<StockHold> holds) {
        StockReservations.Applied applied = reservations.apply(holds, Instant.now());
        if (applied.shortLotsWithHolds().isEmpty()) {
            return applied.outcomes();
        }
        if (!releases.expireOn(applied.shortLotsWithHolds(), Instant.now())) {
            return applied.outcomes();
        }
        List<StockOutcome> outcomes = new ArrayList<>(applied.outcomes());
        List<Integer> retried = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            // only a lot short of grams can change once expired holds have given theirs back
            if (outcomes.get(i).refusal() instanceof StockRefusal.SoldOut) {
                retried.add(i);
            }
        }
        List<StockOutcome> again = reservations.apply(retried.stream().map(holds::get).toList(), Instant.now()).outcomes();
        for (int i = 0; i < retried.size(); i++) {
            outcomes.set(retried.get(i), again.get(i));
        }
        return outcomes;
    }

    private List<StockOutcome> await(CompletableFuture<List<StockOutcome>> future) {
        try {
            return future.get(config.stock().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ProblemException(503, "Service unavailable", "Stock is busy; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Service unavailable", "Interrupted while waiting for stock");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
