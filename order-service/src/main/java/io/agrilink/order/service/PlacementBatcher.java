package io.agrilink.order.service;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.agrilink.order.IdempotencyRecord;
import io.agrilink.order.client.CatalogClient;
import io.agrilink.order.client.CatalogRestClient;
import io.agrilink.order.config.OrderConfig;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.trace.RequestTrace;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Groups concurrent order placements so a flash sale costs one catalog call and one database
 * transaction per batch instead of per order.
 *
 * <p>A worker takes the first waiting placement, lets others join for at most
 * {@code agrilink.order.batch.max-wait} (or until {@code max-size}), then: looks up the batch's
 * idempotency keys in one query (a retried key gets its stored answer), reserves stock for all
 * others in one {@code POST /stock/reservation-batches}, writes every accepted order in one
 * transaction and answers each caller. If the batch cannot be written together, each order is
 * written alone; an order that still cannot be saved has its reservation released at once
 * (and if even that fails, the reservation's time-to-live gives the stock back).
 */
@ApplicationScoped
public class PlacementBatcher {

    private static final Logger LOG = Logger.getLogger(PlacementBatcher.class);

    @Inject
    OrderConfig config;

    @Inject
    CatalogClient catalog;

    @Inject
    PlacementStore store;

    private final LinkedBlockingQueue<Placement> queue = new LinkedBlockingQueue<>();
    /** Keys being processed, by scope, so a concurrent retry is told 409 instead of racing the first. */
    private final ConcurrentHashMap<String, Placement> inFlight = new ConcurrentHashMap<>();
    private ExecutorService workers;
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        running = true;
        AtomicInteger number = new AtomicInteger();
        int count = config.batch().workers();
        workers = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "placement-batcher-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < count; i++) {
            workers.submit(this::work);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        for (Placement left; (left = queue.poll()) != null;) {
            left.answer().completeExceptionally(unavailable("The service is shutting down; retry with the same key"));
        }
    }

    /**
     * Queues a placement. Fails at once with 409 when a request with the same key from the same
     * caller is still being processed. The future returned completes only once the key has left
     * the in-flight set (and, for a placed order, after its idempotency record was committed), so
     * a retry sent the moment the answer arrives gets the stored answer, never a 409.
     */
    public CompletableFuture<Placement.Answer> submit(Placement placement) {
        String scope = placement.scope();
        if (inFlight.putIfAbsent(scope, placement) != null) {
            throw ProblemException.conflict(
                    "A request with this Idempotency-Key is still being processed; retry when it has finished");
        }
        /*
         * A dependent stage, not a callback beside the caller's: callbacks on one future run in
         * no promised order (the caller's, registered later, ran first), so the response could be
         * sent while the key was still in flight.
         */
        CompletableFuture<Placement.Answer> answered = placement.answer()
                .whenComplete((answer, failure) -> inFlight.remove(scope, placement));
        if (!running) {
            placement.answer().completeExceptionally(unavailable("The service is shutting down; retry"));
        } else {
            queue.add(placement);
        }
        return answered;
    }

    private void work() {
        while (running) {
            List<Placement> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            // a batch serves many requests: its calls and log lines continue the trace of its first
            try (RequestTrace.Resumed first = batch.get(0).trace().resume()) {
                process(batch);
            } catch (RuntimeException e) {
                LOG.errorf(e, "A batch of %d placements failed", batch.size());
                for (Placement placement : batch) {
                    placement.answer().completeExceptionally(
                            unavailable("The order could not be processed; retry with the same Idempotency-Key"));
                }
            }
        }
    }

    private List<Placement> nextBatch() throws InterruptedException {
        List<Placement> batch = new ArrayList<>();
        Placement first = queue.poll(500, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int max = config.batch().maxSize();
        queue.drainTo(batch, max - batch.size());
        long deadline = System.nanoTime() + config.batch().maxWait().toNanos();
        while (batch.size() < max) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Placement next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, max - batch.size());
        }
        return batch;
    }

    private void process(List<Placement> batch) {
        Map<String, IdempotencyRecord> recorded = store.recorded(batch);
        List<Placement> fresh = new ArrayList<>(batch.size());
        for (Placement placement : batch) {
            IdempotencyRecord record = recorded.get(placement.scope());
            if (record == null) {
                fresh.add(placement);
            } else {
                answerFromRecord(placement, record);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        CatalogRestClient.BatchResult result;
        try {
            result = catalog.reserve(new CatalogRestClient.Batch(fresh.stream().map(this::reservation).toList()));
        } catch (RuntimeException e) {
            LOG.warnf("Stock reservation of %d orders failed: %s", fresh.size(), e.toString());
            if (mayHaveReserved(e)) {
                releaseLater(fresh.stream().map(Placement::orderRef).toList());
            }
            for (Placement placement : fresh) {
                placement.answer().completeExceptionally(unavailable(
                        "The catalogue is not reachable, so no stock could be reserved and no order was created; try again shortly"));
            }
            return;
        }
        Map<String, CatalogRestClient.Result> byRef = new HashMap<>();
        if (result != null && result.results() != null) {
            for (CatalogRestClient.Result r : result.results()) {
                byRef.put(r.orderRef(), r);
            }
        }
        List<PlacementStore.Accepted> accepted = new ArrayList<>(fresh.size());
        for (Placement placement : fresh) {
            CatalogRestClient.Result r = byRef.get(placement.orderRef());
            if (r == null) {
                release(placement.orderRef());
                placement.answer().completeExceptionally(
                        unavailable("The catalogue did not answer for this order; no order was created; try again"));
            } else if ((r.status() == 201 || r.status() == 200) && holds(r.reservation(), placement.order())) {
                ProblemException noColdChain = ColdChains.refusal(r.reservation(), placement.order(),
                        config.coldChain());
                if (noColdChain == null) {
                    accepted.add(new PlacementStore.Accepted(placement, r.reservation()));
                } else {
                    // no shipment could carry it: refused now rather than left at READY_FOR_PICKUP for ever
                    release(placement.orderRef());
                    placement.answer().completeExceptionally(noColdChain);
                }
            } else if (r.status() == 201 || r.status() == 200) {
                LOG.errorf("Reservation %s does not match its request: %s", placement.orderRef(), r.reservation());
                release(placement.orderRef());
                placement.answer().completeExceptionally(
                        unavailable("The catalogue answered inconsistently; no order was created; try again"));
            } else {
                placement.answer().completeExceptionally(Refusals.of(r, placement.order()));
            }
        }
        if (!accepted.isEmpty()) {
            save(accepted);
        }
    }

    private void save(List<PlacementStore.Accepted> accepted) {
        try {
            List<Placement.Answer> answers = store.saveAll(accepted);
            for (int i = 0; i < accepted.size(); i++) {
                accepted.get(i).placement().answer().complete(answers.get(i));
            }
            return;
        } catch (RuntimeException e) {
            if (accepted.size() == 1 || isConnectionFailure(e)) {
                LOG.warnf("%d orders could not be saved: %s", accepted.size(), e.toString());
                accepted.forEach(this::giveUp);
                return;
            }
            LOG.warnf("A batch of %d orders could not be saved together (%s); saving them one by one",
                    accepted.size(), e.toString());
        }
        for (PlacementStore.Accepted one : accepted) {
            try {
                one.placement().answer().complete(store.saveOne(one));
            } catch (RuntimeException e) {
                LOG.warnf("Order %s could not be saved: %s", one.placement().orderRef(), e.toString());
                giveUp(one);
            }
        }
    }

    /** The order could not be saved: its stock goes back, and the caller gets a 503 (or the answer a twin request already got). */
    private void giveUp(PlacementStore.Accepted accepted) {
        Placement placement = accepted.placement();
        release(placement.orderRef());
        IdempotencyRecord twin = null;
        try {
            // another instance may have saved an order for the same key at the same moment
            twin = store.recorded(List.of(placement)).get(placement.scope());
        } catch (RuntimeException e) {
            LOG.debugf("Idempotency lookup after a failed save failed too: %s", e.toString());
        }
        if (twin != null) {
            answerFromRecord(placement, twin);
        } else {
            placement.answer().completeExceptionally(unavailable(
                    "The order could not be saved and its stock was released; try again with the same Idempotency-Key"));
        }
    }

    private void answerFromRecord(Placement placement, IdempotencyRecord record) {
        if (record.fingerprint.equals(placement.fingerprint())) {
            placement.answer().complete(
                    new Placement.Answer(record.responseStatus, record.responseBody, record.orderId, true));
        } else {
            placement.answer().completeExceptionally(ProblemException.unprocessable(
                    "This Idempotency-Key was already used for a different request; use a new key for a new order"));
        }
    }

    private CatalogRestClient.Request reservation(Placement placement) {
        NewOrder order = placement.order();
        long ttl = order.payment().online()
                ? config.bankTransferHold().plus(config.bankTransferGrace()).toSeconds()
                : config.reservationTtl().toSeconds();
        return new CatalogRestClient.Request(placement.orderRef(), placement.caller(), ttl,
                order.lines().stream().map(l -> new CatalogRestClient.RequestLine(l.lotId(), l.grams())).toList());
    }

    /** The reservation holds exactly the lots and grams asked for (all lines or none, as agreed). */
    private static boolean holds(CatalogRestClient.Reservation reservation, NewOrder order) {
        if (reservation == null || reservation.lines() == null
                || !("HELD".equals(reservation.status()) || "CONFIRMED".equals(reservation.status()))) {
            return false;
        }
        Map<Long, Long> asked = new HashMap<>();
        order.lines().forEach(l -> asked.put(l.lotId(), l.grams()));
        Map<Long, Long> held = new HashMap<>();
        reservation.lines().forEach(l -> held.merge(l.lotId(), l.grams(), Long::sum));
        return asked.equals(held);
    }

    private void release(String orderRef) {
        try {
            catalog.release(orderRef);
        } catch (RuntimeException e) {
            LOG.warnf("Release of reservation %s failed (%s); queued for retry", orderRef, e.toString());
            releaseLater(List.of(orderRef));
        }
    }

    private void releaseLater(List<String> orderRefs) {
        try {
            store.scheduleReleases(orderRefs);
        } catch (RuntimeException e) {
            LOG.warnf("Releases of %s could not be queued (%s); their time-to-live will free the stock", orderRefs,
                    e.toString());
        }
    }

    /** Whether catalog-service may have reserved before the call failed (a time-out, not a refused connection). */
    private static boolean mayHaveReserved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof CircuitBreakerOpenException) {
                return false;
            }
            if (t instanceof WebApplicationException web && web.getResponse().getStatus() >= 500) {
                return false;
            }
        }
        return true;
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String name = t.getClass().getSimpleName();
            if (name.contains("JDBCConnectionException") || name.contains("AcquisitionTimeout")) {
                return true;
            }
        }
        return false;
    }

    static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service unavailable", detail);
    }
}
