package io.agrilink.logistics.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.ShipmentEvent;
import io.agrilink.logistics.outbox.OutboxKinds;
import io.agrilink.logistics.outbox.ShipmentStatusChange;
import io.agrilink.platform.outbox.Outbox;

/**
 * Records a status change twice, in the caller's transaction: in the shipment's history, and in
 * the outbox for order-service, in order per shipment.
 */
@ApplicationScoped
public class StatusEventService {

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    /** The caller holds the shipment's row lock (every status change takes it first). */
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

        // Under the shipment's lock, its messages draw their ids in the order its changes commit:
        // the order the outbox delivers one ordering key in.
        ShipmentStatusChange change = new ShipmentStatusChange(UUID.randomUUID().toString(), shipment.orderId,
                shipment.id, status.name(), occurredAt, location, note);
        String subject = String.valueOf(shipment.id);
        outbox.addInOrder(OutboxKinds.SHIPMENT_STATUS, subject, "shipment:" + subject, payload(change));
    }

    private String payload(ShipmentStatusChange change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A status change that cannot be written as JSON: " + change, e);
        }
    }
}
