package io.agrilink.training;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * One run of a course: when, where, how many seats, who trains. Its row is the lock every
 * enrolment change takes, so seats plus outstanding offers never exceed the capacity.
 */
@Entity
public class TrainingSession extends PanacheEntity {

    public enum Status {
        SCHEDULED, CANCELLED
    }

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "course_id")
    public Course course;

    public Instant startsAt;
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    public VenueKind venueKind;

    /** The hall's name ("Hội trường UBND xã ...") or the platform of an online session. */
    public String venueName;
    public String province;
    public String commune;
    public String onlineUrl;

    public int capacity;

    /** Subject of the trainer, who may record attendance. */
    public String trainer;

    public Instant enrolmentOpensAt;
    public Instant enrolmentClosesAt;

    /** After this instant a farmer can no longer give up a seat themselves. */
    public Instant cancellationCutoff;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String cancelReason;

    /** How many enrolments this session has received: the next arrival number. */
    public long arrivals;

    public Instant createdAt;
}
