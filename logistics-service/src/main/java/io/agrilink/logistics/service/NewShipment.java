package io.agrilink.logistics.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order handed over for delivery, as {@link ShipmentService#handOver} takes it. Its parts are
 * named as in the handoff, which the service's error messages point to ({@code pickup.province}).
 *
 * @param codAmount   null: nothing to collect
 * @param coldChain   null: ambient temperature
 * @param deliverBy   null: the harvest day (or now) plus the shelf life of the load
 * @param harvestDate null: unknown
 */
public record NewShipment(long orderId, String orderRef, Place pickup, Destination destination, List<Line> parcels,
        Long codAmount, ColdChain coldChain, Instant deliverBy, LocalDate harvestDate) {

    /** Where goods are collected: the producer, the province (current or former name), the commune. */
    public record Place(Long producerId, String producerName, String province, String commune, String phone) {
    }

    /** {@code province} is needed (and only read) when {@code country} is VN. */
    public record Destination(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {
    }

    /** A parcel; {@code pickup} null: collected at the shipment's pickup. */
    public record Line(String description, long grams, Place pickup) {
    }

    public record ColdChain(double minCelsius, double maxCelsius) {
    }
}
