package io.agrilink.platform.outbox;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/outbox}: DOWN while a message has waited longer than
 * {@code agrilink.outbox.backlog-age}. Deliberately not a readiness or liveness check: a receiver
 * that is down must not take this service out of its load balancer or restart it; an alert on
 * this group (or on {@code agrilink_outbox_oldest_pending_age_seconds}) tells an operator.
 */
@ApplicationScoped
@HealthGroup("outbox")
@IfBuildProperty(name = "agrilink.outbox.enabled", stringValue = "true")
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxStore store;

    @Inject
    OutboxConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("outbox").up();
        Instant now = Instant.now();
        Duration oldest = Duration.ZERO;
        for (OutboxStore.Backlog kind : store.backlog()) {
            health.withData(kind.kind() + ".pending", kind.pending()).withData(kind.kind() + ".failed", kind.failed());
            if (kind.oldestPending() != null) {
                Duration age = Duration.between(kind.oldestPending(), now);
                health.withData(kind.kind() + ".oldestPendingSeconds", age.toSeconds());
                oldest = age.compareTo(oldest) > 0 ? age : oldest;
            }
        }
        if (oldest.compareTo(config.backlogAge()) > 0) {
            health.down().withData("reason", "a message has waited " + oldest.toSeconds() + " s, more than "
                    + config.backlogAge().toSeconds() + " s");
        }
        return health.build();
    }
}
