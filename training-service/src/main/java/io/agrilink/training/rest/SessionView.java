package io.agrilink.training.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.agrilink.training.Topic;
import io.agrilink.training.TrainingSession;
import io.agrilink.training.service.SessionService;

/** A session; times as instants and as local wall-clock times in {@code timeZone}. */
public record SessionView(long id, long courseId, String courseCode, String courseTitle, Topic topic,
        Instant startsAt, Instant endsAt, String startsAtLocal, String endsAtLocal, String timeZone,
        VenueView venue, int capacity, String trainer, Instant enrolmentOpensAt, Instant enrolmentClosesAt,
        Instant cancellationCutoff, TrainingSession.Status status, String cancelReason, long seatsTaken,
        long seatsFree, long waitlistLength) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static SessionView of(TrainingSession s, SessionService.Occupancy occupancy, ZoneId zone) {
        return new SessionView(s.id, s.course.id, s.course.code, s.course.titleVi(), s.course.topic, s.startsAt,
                s.endsAt, LOCAL.format(s.startsAt.atZone(zone)), LOCAL.format(s.endsAt.atZone(zone)), zone.getId(),
                VenueView.of(s), s.capacity, s.trainer, s.enrolmentOpensAt, s.enrolmentClosesAt, s.cancellationCutoff,
                s.status, s.cancelReason, occupancy.seatsTaken(), Math.max(0, s.capacity - occupancy.seatsTaken()),
                occupancy.waitlistLength());
    }
}
