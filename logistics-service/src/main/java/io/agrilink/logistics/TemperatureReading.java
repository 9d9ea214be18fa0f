package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A temperature measured in the load, as reported and converted to Celsius. */
@Entity
public class TemperatureReading extends PanacheEntity {

    public enum Unit {
        C, F;

        public double toCelsius(double value) {
            return this == C ? value : (value - 32) * 5 / 9;
        }
    }

    public long shipmentId;

    public double value;

    @Enumerated(EnumType.STRING)
    public Unit unit;

    public double celsius;

    public boolean outOfRange;

    public Instant recordedAt;

    public String recordedBy;
}
