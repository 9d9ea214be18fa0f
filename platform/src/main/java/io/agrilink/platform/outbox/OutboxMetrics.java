package io.agrilink.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox on {@code /q/metrics}, per service and kind: {@code agrilink_outbox_pending},
 * {@code agrilink_outbox_oldest_pending_age_seconds}, {@code agrilink_outbox_failed} (refused for
 * good, waiting for staff), and the counters {@code agrilink_outbox_delivered_total},
 * {@code agrilink_outbox_retried_total}, {@code agrilink_outbox_refused_total}. The gauges come
 * from one grouped query every few seconds, not one per scrape.
 */
@ApplicationScoped
@IfBuildProperty(name = "agrilink.outbox.enabled", stringValue = "true")
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    /** One kind's gauges, as last read. */
    private record Figures(AtomicLong pending, AtomicLong oldestPendingMillis, AtomicLong failed) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxStore store;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private final Map<String, Figures> figures = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    void register(Collection<String> kinds) {
        kinds.forEach(this::figures);
        refresh();
    }

    void attempted(String kind, Delivery delivery) {
        String outcome = switch (delivery) {
            case Delivery.Delivered d -> "delivered";
            case Delivery.Retry r -> "retried";
            case Delivery.Refused r -> "refused";
        };
        counters.computeIfAbsent(kind + "/" + outcome, key -> Counter.builder("agrilink.outbox." + outcome)
                .description("Outbox delivery attempts that were " + outcome)
                .tag("service", service).tag("kind", kind).register(registry)).increment();
    }

    /** Re-reads the backlog per kind. */
    @Scheduled(every = "${agrilink.outbox.metrics-every:5s}", identity = "agrilink-outbox-metrics")
    void refresh() {
        try {
            List<OutboxStore.Backlog> backlog = store.backlog();
            Instant now = Instant.now();
            figures.values().forEach(f -> {
                f.pending().set(0);
                f.oldestPendingMillis().set(0);
                f.failed().set(0);
            });
            for (OutboxStore.Backlog kind : backlog) {
                Figures f = figures(kind.kind());
                f.pending().set(kind.pending());
                f.oldestPendingMillis().set(kind.oldestPending() == null ? 0
                        : Math.max(0, Duration.between(kind.oldestPending(), now).toMillis()));
                f.failed().set(kind.failed());
            }
        } catch (RuntimeException e) {
            LOG.debugf("Outbox figures not read: %s", e.getMessage());
        }
    }

    private Figures figures(String kind) {
        return figures.computeIfAbsent(kind, k -> {
            Figures f = new Figures(new AtomicLong(), new AtomicLong(), new AtomicLong());
            Gauge.builder("agrilink.outbox.pending", f.pending(), AtomicLong::get)
                    .description("Messages waiting to be delivered").tag("service", service).tag("kind", k)
                    .register(registry);
            Gauge.builder("agrilink.outbox.oldest.pending.age", f.oldestPendingMillis(), ms -> ms.get() / 1000.0)
                    .description("How long the oldest waiting message has waited").baseUnit("seconds")
                    .tag("service", service).tag("kind", k).register(registry);
            Gauge.builder("agrilink.outbox.failed", f.failed(), AtomicLong::get)
                    .description("Messages refused for good, waiting for staff to re-drive or discard them")
                    .tag("service", service).tag("kind", k).register(registry);
            return f;
        });
    }
}
