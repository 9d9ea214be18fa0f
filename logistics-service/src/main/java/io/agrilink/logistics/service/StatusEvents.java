package io.agrilink.logistics.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agrilink.logistics.OutboxEvent;
import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.ShipmentEvent;

/**
 * Records a status change twice, in the caller's transaction: in the shipment's history, and in
 * the outbox for order-service, numbered per shipment so it is delivered in order.
 */
@ApplicationScoped
public class StatusEvents {

    void record(Shipment shipment, Shipment.Status status, Instant occurredAt, String location, String note,
            String actor) {
        ShipmentEvent event = new ShipmentEvent();
        event.shipmentId = shipment.id;
        event.status = status;
        event.occurredAt = occurredAt;
        event.location = location;
        event.note = note;
        event.actor = actor;
        event.persist();

        shipment.eventCount++;
        OutboxEvent outbox = new OutboxEvent();
        outbox.eventId = UUID.randomUUID();
        outbox.shipmentId = shipment.id;
        outbox.orderId = shipment.orderId;
        outbox.position = shipment.eventCount;
        outbox.status = status;
        outbox.occurredAt = occurredAt;
        outbox.location = location;
        outbox.note = note;
        outbox.nextAttemptAt = Instant.now();
        outbox.persist();
    }
}
