package io.agrilink.suite.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a request from many concurrent clients for a while and keeps what a benchmark reports:
 * throughput, latency percentiles, and outcomes by kind. Measurement starts after a warm-up.
 */
public final class Load {

    /** One request; returns the outcome's kind ("201", "409 sold out", "timeout") — "ok" kinds count as success. */
    @FunctionalInterface
    public interface Request {
        String send(int client, long sequence) throws Exception;
    }

    /** What a run measured. */
    public record Result(long requests, long succeeded, double seconds, long[] latenciesMicros,
            Map<String, Long> outcomes) {

        public double perSecond() {
            return succeeded / seconds;
        }

        public double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(index, latenciesMicros.length - 1))] / 1000.0;
        }

        public String summary(String what) {
            return String.format("%s: %,d requests in %.1f s, %,.0f successful/s; latency p50 %.1f ms, p95 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms; outcomes %s", what, requests, seconds, perSecond(),
                    percentileMillis(50), percentileMillis(95), percentileMillis(99), percentileMillis(100), outcomes);
        }
    }

    private Load() {
    }

    /**
     * {@code clients} threads send {@code request} back to back; the first {@code warmupSeconds} are
     * not measured; the run stops after {@code measureSeconds} or when {@code stop} says so.
     */
    public static Result run(int clients, double warmupSeconds, double measureSeconds, Request request,
            java.util.function.BooleanSupplier stop, java.util.function.Predicate<String> success)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (measureSeconds * 1e9);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        LongAdder succeeded = new LongAdder();
        AtomicInteger sequence = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        long[] measuredEnd = { 0 };
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[1 << 16];
            Thread.ofPlatform().name("load-" + c).start(() -> {
                try {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end || stop.getAsBoolean()) {
                            break;
                        }
                        String outcome;
                        long t0 = System.nanoTime();
                        try {
                            outcome = request.send(client, sequence.incrementAndGet());
                        } catch (Exception e) {
                            outcome = e.getClass().getSimpleName();
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (counts[client] == latencies[client].length) {
                                latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                            }
                            latencies[client][counts[client]++] = (t1 - t0) / 1000;
                            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                            if (success.test(outcome)) {
                                succeeded.increment();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        measuredEnd[0] = Math.min(System.nanoTime(), end);
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        Map<String, Long> byKind = new TreeMap<>();
        outcomes.forEach((k, v) -> byKind.put(k, v.sum()));
        double seconds = Math.max(0.001, (measuredEnd[0] - measureFrom) / 1e9);
        return new Result(total, succeeded.sum(), seconds, all, byKind);
    }
}
