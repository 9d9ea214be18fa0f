package io.agrilink.catalog.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * order-service behind a timeout and a circuit breaker. Not retried here: the outbox retries a
 * snapshot with back-off ({@code outbox.LivestreamChangedHandler}).
 */
@ApplicationScoped
public class OrderClient {

    @Inject
    @RestClient
    OrderRestClient orders;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public void sendLivestream(OrderRestClient.LivestreamSnapshot snapshot) {
        orders.livestream(snapshot.id(), snapshot);
    }
}
