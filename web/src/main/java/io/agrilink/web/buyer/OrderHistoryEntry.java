package io.agrilink.web.buyer;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One step of an order's audit trail, as its timeline shows it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderHistoryEntry(Instant at, String actor, String action, String fromStatus, String toStatus,
        String detail) {
}
