package io.agrilink.logistics.outbox;

import java.time.Instant;

import io.agrilink.logistics.client.ShipmentStatusEvent;

/**
 * The payload of a {@link OutboxKinds#SHIPMENT_STATUS} message: the event order-service takes,
 * and the order it is posted for.
 *
 * @param eventId order-service drops an event id it already applied
 */
public record ShipmentStatusChange(String eventId, long orderId, long shipmentId, String status, Instant occurredAt,
        String location, String note) {

    ShipmentStatusEvent event() {
        return new ShipmentStatusEvent(eventId, shipmentId, status, occurredAt, location, note);
    }
}
