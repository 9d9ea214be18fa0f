package io.agrilink.training;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A farmer's place in a session: a seat, a place on the waitlist, an offer, or how it ended. */
@Entity
public class Enrolment extends PanacheEntity {

    public enum Status {
        /** Holds a seat. */
        SEATED,
        /** Waits for a seat, in arrival order. */
        WAITLISTED,
        /** A freed seat is held for this farmer until {@code offerExpiresAt}. */
        OFFERED,
        /** Gave up their seat. */
        CANCELLED,
        /** Left the waitlist. */
        LEFT_WAITLIST,
        /** Declined an offered seat. */
        DECLINED,
        /** Did not accept an offered seat in time. */
        OFFER_EXPIRED,
        /** The session was cancelled. */
        SESSION_CANCELLED;

        /** Statuses that count towards the one-enrolment-per-course rule. */
        public boolean active() {
            return this == SEATED || this == WAITLISTED || this == OFFERED;
        }
    }

    public enum Attendance {
        ATTENDED, PARTIAL, NO_SHOW
    }

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "session_id")
    public TrainingSession session;

    public long courseId;

    /** The farmer's subject. */
    public String farmer;
    public String farmerName;
    public String province;
    public String commune;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Arrival number within the session: the waitlist order. */
    public long arrival;

    public Instant offerExpiresAt;
    public Instant offerRemindedAt;

    @Enumerated(EnumType.STRING)
    public Attendance attendance;
    public String attendanceBy;

    /** Who made the enrolment: the farmer, or the staff member enrolling them. */
    public String enrolledBy;

    public Instant createdAt;
    public Instant updatedAt;
}
