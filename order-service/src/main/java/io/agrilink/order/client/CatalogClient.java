package io.agrilink.order.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * catalog-service with time limits and a circuit breaker: a slow or dead catalogue fails fast,
 * so buyers get a 503 at once instead of waiting, and it recovers on its own.
 */
@ApplicationScoped
public class CatalogClient {

    @Inject
    @RestClient
    CatalogRestClient catalog;

    /** Reserves stock for many orders in one call; each result says whether its order got its stock. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public CatalogRestClient.BatchResult reserve(CatalogRestClient.Batch batch) {
        return catalog.reserveBatch(batch);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public CatalogRestClient.Reservation confirm(String orderRef) {
        return catalog.confirm(orderRef);
    }

    /** Confirms many reservations in one call and one catalogue transaction; a result per reference. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public CatalogRestClient.ConfirmationResults confirmAll(java.util.List<String> orderRefs) {
        return catalog.confirmAll(new CatalogRestClient.Confirmations(orderRefs));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public void release(String orderRef) {
        catalog.release(orderRef);
    }
}
