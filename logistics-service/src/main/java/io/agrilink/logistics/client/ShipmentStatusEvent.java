package io.agrilink.logistics.client;

import java.time.Instant;

/** The body order-service agreed to take at {@code POST /orders/{orderId}/shipment-events}. */
public record ShipmentStatusEvent(String eventId, long shipmentId, String status, Instant occurredAt,
        String location, String note) {
}
