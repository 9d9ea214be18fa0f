package io.agrilink.training.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * catalog-service behind timeouts and a circuit breaker. The badge call is not retried here:
 * the outbox retries it with back-off ({@code outbox.LivestreamReadyHandler}); the report's listing
 * lookup and the funnel's activity lookup retry once.
 */
@ApplicationScoped
public class CatalogClient {

    /** catalog-service answers at most this many subjects in one activity call. */
    public static final int SUBJECTS_PER_CALL = 200;

    @Inject
    @RestClient
    CatalogRestClient catalog;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public void markLivestreamReady(String subject, String certificateCode) {
        catalog.livestreamReady(subject, new CatalogRestClient.LivestreamReady(certificateCode));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    public List<CatalogRestClient.FarmerListings> listings(List<String> subjects) {
        return catalog.listings(subjects);
    }

    /** One call of at most {@link #SUBJECTS_PER_CALL} subjects; the caller chunks. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    public List<CatalogRestClient.FarmerActivity> activity(List<String> subjects, Instant until) {
        if (subjects.size() > SUBJECTS_PER_CALL) {
            throw new IllegalArgumentException("at most " + SUBJECTS_PER_CALL + " subjects a call, not " + subjects.size());
        }
        return catalog.activity(subjects, until);
    }
}
