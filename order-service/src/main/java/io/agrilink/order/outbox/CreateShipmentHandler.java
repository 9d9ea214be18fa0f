package io.agrilink.order.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.client.LogisticsClient;
import io.agrilink.order.client.LogisticsRestClient;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.platform.outbox.Delivery;
import io.agrilink.platform.outbox.OutboxHandler;
import io.agrilink.platform.outbox.OutboxMessage;

/**
 * Hands a packed order to logistics-service (idempotent on orderId, so a repeated delivery has no
 * second effect). Kept when delivered: the answer gives the order its shipment and delivery code.
 */
@ApplicationScoped
public class CreateShipmentHandler implements OutboxHandler {

    @Inject
    LogisticsClient logistics;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return OutboxKinds.CREATE_SHIPMENT;
    }

    @Override
    public Delivery deliver(OutboxMessage message) throws Exception {
        return Delivery.delivered(logistics.create(json.readValue(message.payload(), LogisticsRestClient.NewShipment.class)));
    }

    /** The order, then its handoff, in the order a cancel takes them: a cancel stopping this handoff now is seen. */
    @Override
    public void lockSubject(OutboxMessage message) {
        lifecycle.lockForOutbox(message.subjectId());
    }

    @Override
    public void delivered(OutboxMessage message, Object answer) {
        LogisticsRestClient.Shipment shipment = (LogisticsRestClient.Shipment) answer;
        lifecycle.handedOver(message.subjectId(), shipment == null ? null : shipment.id(),
                shipment == null ? null : shipment.deliveryCode(), message.attempts(), Instant.now());
    }

    @Override
    public void refused(OutboxMessage message, Delivery.Refused refusal) {
        lifecycle.outboxRefused(message.subjectId(), message.kind(), refusal.error(), Instant.now());
    }
}
