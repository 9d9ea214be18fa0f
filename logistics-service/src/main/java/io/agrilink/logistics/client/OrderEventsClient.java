package io.agrilink.logistics.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.agrilink.platform.outbox.Delivery;

/**
 * Sends status events to order-service. A refusal for good (by the outbox's one rule,
 * {@link Delivery#ofStatus}) becomes {@link EventRejected}, so that neither the retry nor the
 * circuit breaker counts it; any other failure (5xx, 408/429, no connection, timeout, open
 * circuit) is thrown as is, and the outbox tries again later. The short retry here only smooths
 * over a blip.
 */
@ApplicationScoped
public class OrderEventsClient {

    @Inject
    @RestClient
    OrderEventsRestClient client;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = EventRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 2, delayUnit = ChronoUnit.SECONDS,
            skipOn = EventRejected.class)
    public void send(long orderId, ShipmentStatusEvent event) {
        try {
            client.send(orderId, event);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (Delivery.ofStatus(status, null) instanceof Delivery.Refused) {
                throw new EventRejected(status, readBody(e));
            }
            throw e;
        }
    }

    private static String readBody(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            return body == null ? null : body.substring(0, Math.min(body.length(), 500));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
