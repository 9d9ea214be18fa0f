package io.agrilink.training.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * order-service behind a timeout and one retry (the funnel's sales figures). No circuit breaker: the
 * funnel is a staff report asked for now and then, and one that finds order-service down says so
 * in its {@code sources} and still gives the other steps.
 */
@ApplicationScoped
public class OrderClient {

    /** order-service answers at most this many producers in one call. */
    public static final int PRODUCERS_PER_CALL = 200;

    @Inject
    @RestClient
    OrderRestClient orders;

    /** One call of at most {@link #PRODUCERS_PER_CALL} producers; the caller chunks. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    public List<OrderRestClient.ProducerSales> producerSales(List<Long> producerIds, Instant from, Instant to) {
        if (producerIds.size() > PRODUCERS_PER_CALL) {
            throw new IllegalArgumentException("at most " + PRODUCERS_PER_CALL + " producers a call, not "
                    + producerIds.size());
        }
        return orders.producers(producerIds, from, to);
    }
}
