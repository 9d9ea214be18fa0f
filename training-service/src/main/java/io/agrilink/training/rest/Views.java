package io.agrilink.training.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.training.Certificate;
import io.agrilink.training.Enrolment;
import io.agrilink.training.Notice;
import io.agrilink.training.Topic;
import io.agrilink.training.TrainingSession;
import io.agrilink.training.VenueKind;
import io.agrilink.training.repository.EnrolmentRepository;

/** Maps entities to the JSON the API returns. */
@ApplicationScoped
public class Views {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public record VenueView(VenueKind kind, String name, String province, String commune, String url) {
    }

    /** A session; times as instants and as local wall-clock times in {@code timeZone}. */
    public record SessionView(long id, long courseId, String courseCode, String courseTitle, Topic topic,
            Instant startsAt, Instant endsAt, String startsAtLocal, String endsAtLocal, String timeZone,
            VenueView venue, int capacity, String trainer, Instant enrolmentOpensAt, Instant enrolmentClosesAt,
            Instant cancellationCutoff, TrainingSession.Status status, String cancelReason, long seatsTaken,
            long seatsFree, long waitlistLength) {
    }

    /** An enrolment; {@code waitlistPosition} is 1 for the first farmer waiting, null when not waiting. */
    public record EnrolmentView(long id, long sessionId, long courseId, String courseCode, String farmer,
            String farmerName, String province, String commune, Enrolment.Status status, Integer waitlistPosition,
            Instant offerExpiresAt, Enrolment.Attendance attendance, String certificateCode, String enrolledBy,
            Instant createdAt) {
    }

    public record NoticeView(long id, Notice.Kind kind, Long sessionId, Long enrolmentId, String message,
            Instant createdAt, boolean delivered) {
    }

    /** A certificate as issued: the signed fields, the signature (compact JWS), and revocation. */
    public record CertificateView(String code, String holderName, String courseCode, String courseTitle,
            LocalDate completedOn, String issuer, Instant issuedAt, String signature, boolean revoked,
            Instant revokedAt, String revokeReason) {
    }

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    AgriLinkTime time;

    public SessionView session(TrainingSession s) {
        ZoneId zone = time.zone();
        long taken = enrolments.seatsTaken(s.id);
        return new SessionView(s.id, s.course.id, s.course.code, s.course.titleVi(), s.course.topic, s.startsAt,
                s.endsAt, LOCAL.format(s.startsAt.atZone(zone)), LOCAL.format(s.endsAt.atZone(zone)), zone.getId(),
                new VenueView(s.venueKind, s.venueName, s.province, s.commune, s.onlineUrl), s.capacity, s.trainer,
                s.enrolmentOpensAt, s.enrolmentClosesAt, s.cancellationCutoff, s.status, s.cancelReason, taken,
                Math.max(0, s.capacity - taken), enrolments.waitlistLength(s.id));
    }

    public EnrolmentView enrolment(Enrolment e) {
        Integer position = e.status == Enrolment.Status.WAITLISTED ? enrolments.waitlistPosition(e) : null;
        return enrolment(e, position);
    }

    public EnrolmentView enrolment(Enrolment e, Integer position) {
        String certificate = e.attendance == Enrolment.Attendance.ATTENDED
                ? Certificate.<Certificate> find("enrolmentId", e.id).firstResultOptional().map(c -> c.code).orElse(null)
                : null;
        return new EnrolmentView(e.id, e.session.id, e.courseId, e.session.course.code, e.farmer, e.farmerName,
                e.province, e.commune, e.status, position, e.offerExpiresAt, e.attendance, certificate, e.enrolledBy,
                e.createdAt);
    }

    public static NoticeView notice(Notice n) {
        return new NoticeView(n.id, n.kind, n.sessionId, n.enrolmentId, n.message, n.createdAt, n.deliveredAt != null);
    }

    public static CertificateView certificate(Certificate c) {
        return new CertificateView(c.code, c.holderName, c.courseCode, c.courseTitle, c.completedOn, c.issuer,
                c.issuedAt, c.signature, c.revokedAt != null, c.revokedAt, c.revokeReason);
    }
}
