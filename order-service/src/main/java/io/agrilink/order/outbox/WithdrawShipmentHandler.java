package io.agrilink.order.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.client.LogisticsClient;
import io.agrilink.order.client.LogisticsRestClient;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.platform.outbox.Delivery;
import io.agrilink.platform.outbox.OutboxHandler;
import io.agrilink.platform.outbox.OutboxMessage;

/**
 * Asks logistics-service to withdraw the shipment of a cancelled order (idempotent on orderId). Its
 * answer settles the CANCELLING order: withdrawn, the order is cancelled; 409, the carrier picked
 * the goods up first and the order goes back to waiting for its PICKED_UP event. That 409 is an
 * answer, not a failure: the message is delivered, and staff have nothing to re-drive.
 */
@ApplicationScoped
public class WithdrawShipmentHandler implements OutboxHandler {

    /** logistics-service's answer when the carrier already has the goods. */
    record PickedUpFirst(String error) {
    }

    @Inject
    LogisticsClient logistics;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return OutboxKinds.WITHDRAW_SHIPMENT;
    }

    @Override
    public Delivery deliver(OutboxMessage message) throws Exception {
        try {
            return Delivery.delivered(logistics.withdraw(json.readValue(message.payload(),
                    LogisticsRestClient.Withdrawal.class)));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                String error = Delivery.failed(e) instanceof Delivery.Refused refusal ? refusal.error() : "HTTP 409";
                return Delivery.delivered(new PickedUpFirst(error));
            }
            throw e;
        }
    }

    @Override
    public void lockSubject(OutboxMessage message) {
        lifecycle.lockForOutbox(message.subjectId());
    }

    @Override
    public void delivered(OutboxMessage message, Object answer) {
        if (answer instanceof PickedUpFirst refused) {
            lifecycle.withdrawalRefused(message.subjectId(), refused.error(), Instant.now());
        } else {
            lifecycle.shipmentWithdrawn(message.subjectId(), Instant.now());
        }
    }

    @Override
    public void refused(OutboxMessage message, Delivery.Refused refusal) {
        lifecycle.outboxRefused(message.subjectId(), message.kind(), refusal.error(), Instant.now());
    }
}
