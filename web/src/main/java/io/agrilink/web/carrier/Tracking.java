package io.agrilink.web.carrier;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The web app's copy of logistics-service's tracking: status steps and temperature readings, oldest first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tracking(List<Step> events, List<Reading> readings) {

    public static final Tracking NONE = new Tracking(List.of(), List.of());

    public Tracking {
        events = events == null ? List.of() : events;
        readings = readings == null ? List.of() : readings;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String status, Instant occurredAt, String location, String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reading(double celsius, boolean outOfRange, Instant recordedAt) {
    }
}
