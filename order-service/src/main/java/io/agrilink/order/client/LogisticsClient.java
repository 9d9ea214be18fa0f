package io.agrilink.order.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * logistics-service with a time limit. No retry or circuit breaker here: only the outbox calls
 * it, and the outbox retries with back-off itself.
 */
@ApplicationScoped
public class LogisticsClient {

    @Inject
    @RestClient
    LogisticsRestClient logistics;

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public LogisticsRestClient.Shipment create(LogisticsRestClient.NewShipment shipment) {
        return logistics.create(shipment);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public LogisticsRestClient.Withdrawn withdraw(LogisticsRestClient.Withdrawal withdrawal) {
        return logistics.withdraw(withdrawal);
    }
}
