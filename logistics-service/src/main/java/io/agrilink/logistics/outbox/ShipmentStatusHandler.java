package io.agrilink.logistics.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.logistics.client.EventRejected;
import io.agrilink.logistics.client.OrderEventsClient;
import io.agrilink.platform.outbox.Delivery;
import io.agrilink.platform.outbox.OutboxHandler;
import io.agrilink.platform.outbox.OutboxMessage;

/**
 * Posts a shipment's status change to order-service's {@code POST /orders/{orderId}/shipment-events}.
 * The messages of one shipment carry the ordering key {@code shipment:<id>}, so the outbox hands
 * them over one at a time, in the order they happened; order-service drops repeats by event id.
 */
@ApplicationScoped
public class ShipmentStatusHandler implements OutboxHandler {

    @Inject
    OrderEventsClient orders;

    @Inject
    ObjectMapper json;

    @Override
    public String kind() {
        return OutboxKinds.SHIPMENT_STATUS;
    }

    @Override
    public Delivery deliver(OutboxMessage message) throws JsonProcessingException {
        ShipmentStatusChange change = json.readValue(message.payload(), ShipmentStatusChange.class);
        try {
            orders.send(change.orderId(), change.event());
            return Delivery.delivered();
        } catch (EventRejected refusal) {
            return Delivery.refused(refusal.status(), refusal.getMessage());
        }
    }
}
