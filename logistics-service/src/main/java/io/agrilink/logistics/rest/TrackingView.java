package io.agrilink.logistics.rest;

import java.time.Instant;
import java.util.List;

import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.ShipmentEvent;
import io.agrilink.logistics.TemperatureReading;

/** A shipment's history: status steps and temperature readings, oldest first. */
public record TrackingView(long shipmentId, List<Step> events, List<Reading> readings) {

    public record Step(Shipment.Status status, Instant occurredAt, String location, String note, String actor) {

        public static Step of(ShipmentEvent e) {
            return new Step(e.status, e.occurredAt, e.location, e.note, e.actor);
        }
    }

    public record Reading(long id, double value, TemperatureReading.Unit unit, double celsius, boolean outOfRange,
            Instant recordedAt, String recordedBy) {

        public static Reading of(TemperatureReading r) {
            return new Reading(r.id, r.value, r.unit, r.celsius, r.outOfRange, r.recordedAt, r.recordedBy);
        }
    }
}
