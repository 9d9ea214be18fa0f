package io.agrilink.web.training;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * training-service's enrolment: SEATED, WAITLISTED (with {@code waitlistPosition}, 1 = next), OFFERED
 * (a seat held until {@code offerExpiresAt}), or how it ended; attendance and certificate once recorded.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Enrolment(long id, long sessionId, long courseId, String courseCode, String farmer, String farmerName,
        String province, String commune, String status, Integer waitlistPosition, Instant offerExpiresAt,
        String attendance, String certificateCode, String enrolledBy, Instant createdAt) {

    /** Whether it holds or waits for a place in the course (the service allows one such per course). */
    public boolean active() {
        return "SEATED".equals(status) || "WAITLISTED".equals(status) || "OFFERED".equals(status);
    }

    public boolean offered() {
        return "OFFERED".equals(status);
    }

    /** An offer that can still be taken at {@code now}. */
    public boolean offerOpenAt(Instant now) {
        return offered() && offerExpiresAt != null && now.isBefore(offerExpiresAt);
    }

    /** An offer whose time is up, whether or not the service has moved it on yet. */
    public boolean offerExpiredAt(Instant now) {
        return "OFFER_EXPIRED".equals(status) || offered() && !offerOpenAt(now);
    }

    /** A seat whose attendance may still be recorded (a completed course cannot be re-marked). */
    public boolean markable() {
        return "SEATED".equals(status) && !"ATTENDED".equals(attendance);
    }
}
