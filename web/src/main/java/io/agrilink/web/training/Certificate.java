package io.agrilink.web.training;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A training certificate as issued (public): holder, course, date, issuer, its signature, revocation. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Certificate(String code, String holderName, String courseCode, String courseTitle,
        LocalDate completedOn, String issuer, Instant issuedAt, String signature, boolean revoked,
        Instant revokedAt, String revokeReason) {

    /** training-service's answer to "is this certificate genuine and in force?". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verdict(boolean valid, String reason, boolean revoked) {
    }
}
