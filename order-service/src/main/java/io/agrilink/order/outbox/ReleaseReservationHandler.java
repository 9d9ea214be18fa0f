package io.agrilink.order.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import io.agrilink.order.client.CatalogClient;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.platform.outbox.Delivery;
import io.agrilink.platform.outbox.OutboxHandler;
import io.agrilink.platform.outbox.OutboxMessage;

/**
 * Gives a reservation's stock back in catalog-service. A 404 counts as delivered: nothing is held
 * under that reference, so the release has nothing left to do. Not kept: the order's history
 * keeps the facts.
 */
@ApplicationScoped
public class ReleaseReservationHandler implements OutboxHandler {

    @Inject
    CatalogClient catalog;

    @Inject
    OrderLifecycle lifecycle;

    @Override
    public String kind() {
        return OutboxKinds.RELEASE_RESERVATION;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        try {
            catalog.release(message.payload());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw e;
            }
        }
        return Delivery.delivered();
    }

    @Override
    public boolean keepDelivered() {
        return false;
    }

    @Override
    public void refused(OutboxMessage message, Delivery.Refused refusal) {
        lifecycle.outboxRefused(message.subjectId(), message.kind(), refusal.error(), Instant.now());
    }
}
