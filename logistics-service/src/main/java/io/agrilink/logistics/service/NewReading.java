package io.agrilink.logistics.service;

import java.time.Instant;

import io.agrilink.logistics.TemperatureReading;

/** A temperature reading, as {@link TrackingService#recordTemperature} takes it; {@code recordedAt} null: now. */
public record NewReading(double value, TemperatureReading.Unit unit, Instant recordedAt) {
}
