package io.agrilink.order.outbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import io.agrilink.order.client.CatalogClient;
import io.agrilink.order.client.CatalogRestClient;
import io.agrilink.order.config.OrderConfig;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.platform.outbox.Delivery;
import io.agrilink.platform.outbox.OutboxHandler;
import io.agrilink.platform.outbox.OutboxMessage;

/**
 * Confirms reservations in catalog-service, many in one call and one catalogue transaction (a
 * flash sale confirms a thousand orders a second), each message with its own outcome. A
 * confirmation refused with 409 or 404 means the stock is gone (the hold expired and its grams
 * were sold meanwhile): the order is cancelled in the recording transaction, so no order stays
 * confirmed without stock. Not kept when delivered: the order's history keeps the facts.
 */
@ApplicationScoped
public class ConfirmReservationHandler implements OutboxHandler {

    @Inject
    CatalogClient catalog;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    OrderConfig config;

    @Override
    public String kind() {
        return OutboxKinds.CONFIRM_RESERVATION;
    }

    @Override
    public int groupSize() {
        return config.confirmBatchSize();
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        catalog.confirm(message.payload());
        return Delivery.delivered();
    }

    @Override
    public List<Delivery> deliverAll(List<OutboxMessage> group) {
        CatalogRestClient.ConfirmationResults answer;
        try {
            answer = catalog.confirmAll(group.stream().map(OutboxMessage::payload).toList());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 || status == 404 || status == 405) {
                // a catalogue without the group endpoint, or one reference it refuses: one call each
                return OutboxHandler.super.deliverAll(group);
            }
            Delivery failed = Delivery.failed(e);
            return group.stream().map(m -> failed).toList();
        } catch (RuntimeException e) {
            Delivery failed = Delivery.failed(e);
            return group.stream().map(m -> failed).toList();
        }
        Map<String, CatalogRestClient.ConfirmationResult> byRef = new HashMap<>();
        if (answer != null && answer.results() != null) {
            answer.results().forEach(r -> byRef.put(r.orderRef(), r));
        }
        return group.stream().map(message -> {
            CatalogRestClient.ConfirmationResult result = byRef.get(message.payload());
            if (result == null) {
                return Delivery.retry("no result for this reservation");
            }
            if (result.status() == 200) {
                return Delivery.delivered();
            }
            Object detail = result.problem() == null ? null : result.problem().get("detail");
            return Delivery.ofStatus(result.status(), "HTTP " + result.status() + (detail == null ? "" : " " + detail));
        }).toList();
    }

    @Override
    public boolean keepDelivered() {
        return false;
    }

    @Override
    public void lockSubject(OutboxMessage message) {
        lifecycle.lockForOutbox(message.subjectId());
    }

    @Override
    public void refused(OutboxMessage message, Delivery.Refused refusal) {
        Instant now = Instant.now();
        lifecycle.outboxRefused(message.subjectId(), message.kind(), refusal.error(), now);
        if (message.subjectId() != null && (refusal.status() == 409 || refusal.status() == 404)) {
            lifecycle.stockLost(message.subjectId(), refusal.error(), now);
        }
    }
}
