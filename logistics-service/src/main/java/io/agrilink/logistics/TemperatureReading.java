package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A temperature measured in the load, as reported and converted to Celsius. */
@Entity
@Table(name = "temperature_reading")
public class TemperatureReading extends PanacheEntity {

    public enum Unit {
        C, F;

        public double toCelsius(double value) {
            return this == C ? value : (value - 32) * 5 / 9;
        }
    }

    @Column(name = "shipment_id")
    public long shipmentId;

    public double value;

    @Enumerated(EnumType.STRING)
    public Unit unit;

    public double celsius;

    @Column(name = "out_of_range")
    public boolean outOfRange;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
