package io.agrilink.web.carrier;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The signed-in carrier's registration in logistics-service ({@code GET /carriers/me}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CarrierAccount(long id, String name, Instant suspendedAt) {

    public boolean suspended() {
        return suspendedAt != null;
    }
}
