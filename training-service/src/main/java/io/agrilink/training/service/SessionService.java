package io.agrilink.training.service;

import java.net.URI;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.vn.Communes;
import io.agrilink.platform.vn.Provinces;
import io.agrilink.platform.vn.VietnameseText;
import io.agrilink.training.Course;
import io.agrilink.training.Enrolment;
import io.agrilink.training.Notice;
import io.agrilink.training.TrainingSession;
import io.agrilink.training.VenueKind;
import io.agrilink.training.repository.EnrolmentRepository;
import io.agrilink.training.repository.SessionRepository;

/** Sessions: scheduling, changes (every farmer concerned is told) and cancellation. */
@ApplicationScoped
public class SessionService {

    /** Where a session takes place. */
    public record Venue(VenueKind kind, String name, String province, String commune, String url) {
    }

    /** What staff give to schedule a session; null window/cut-off fields take defaults. */
    public record SessionDraft(Long courseId, Instant startsAt, Instant endsAt, Venue venue, Integer capacity,
            String trainer, Instant enrolmentOpensAt, Instant enrolmentClosesAt, Instant cancellationCutoff) {
    }

    /** A change to a session: null fields stay as they are. */
    public record SessionChange(Instant startsAt, Instant endsAt, Venue venue, Integer capacity, String trainer,
            Instant enrolmentOpensAt, Instant enrolmentClosesAt, Instant cancellationCutoff) {
    }

    @Inject
    EntityManager em;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    SessionRepository sessionRepository;

    @Inject
    EnrolmentService enrolmentService;

    @Inject
    NoticeService notices;

    /** How full a session is: seats taken (seated plus offers outstanding) and farmers waiting. */
    public record Occupancy(long seatsTaken, long waitlistLength) {
    }

    public Occupancy occupancy(TrainingSession session) {
        return new Occupancy(enrolments.seatsTaken(session.id), enrolments.waitlistLength(session.id));
    }

    @Transactional
    public TrainingSession create(SessionDraft draft) {
        Course course = Course.<Course> findByIdOptional(draft.courseId())
                .orElseThrow(() -> ProblemException.invalid("courseId", "no course has id " + draft.courseId()));
        TrainingSession session = new TrainingSession();
        session.course = course;
        session.status = TrainingSession.Status.SCHEDULED;
        session.createdAt = Instant.now();
        session.startsAt = draft.startsAt();
        session.endsAt = draft.endsAt();
        session.capacity = draft.capacity();
        session.trainer = draft.trainer().strip();
        session.enrolmentOpensAt = draft.enrolmentOpensAt() == null ? session.createdAt : draft.enrolmentOpensAt();
        session.enrolmentClosesAt = draft.enrolmentClosesAt() == null ? draft.startsAt() : draft.enrolmentClosesAt();
        session.cancellationCutoff = draft.cancellationCutoff() == null ? draft.startsAt() : draft.cancellationCutoff();
        applyVenue(session, draft.venue());
        checkTimes(session);
        session.persist();
        return session;
    }

    @Transactional
    public TrainingSession change(long id, SessionChange change) {
        TrainingSession session = lock(id);
        if (session.status == TrainingSession.Status.CANCELLED) {
            throw ProblemException.conflict("Session " + id + " was cancelled and cannot be changed");
        }
        boolean farmersMustKnow = false;
        if (change.startsAt() != null && !change.startsAt().equals(session.startsAt)) {
            session.startsAt = change.startsAt();
            farmersMustKnow = true;
        }
        if (change.endsAt() != null && !change.endsAt().equals(session.endsAt)) {
            session.endsAt = change.endsAt();
            farmersMustKnow = true;
        }
        if (change.venue() != null) {
            applyVenue(session, change.venue());
            farmersMustKnow = true;
        }
        if (change.trainer() != null) {
            session.trainer = change.trainer().strip();
        }
        if (change.enrolmentOpensAt() != null) {
            session.enrolmentOpensAt = change.enrolmentOpensAt();
        }
        if (change.enrolmentClosesAt() != null) {
            session.enrolmentClosesAt = change.enrolmentClosesAt();
        }
        if (change.cancellationCutoff() != null) {
            session.cancellationCutoff = change.cancellationCutoff();
        }
        checkTimes(session);
        if (change.capacity() != null) {
            long taken = enrolments.seatsTaken(id);
            if (change.capacity() < taken) {
                throw ProblemException.conflict("capacity: " + taken + " seats are taken or offered; capacity cannot go below that")
                        .with("field", "capacity").with("seatsTaken", taken);
            }
            session.capacity = change.capacity();
        }
        if (farmersMustKnow) {
            for (Enrolment enrolment : enrolments.active(id)) {
                notices.about(enrolment, Notice.Kind.SESSION_CHANGED);
            }
        }
        enrolmentService.offerFreedSeats(session);
        return session;
    }

    @Transactional
    public TrainingSession cancel(long id, String reason) {
        TrainingSession session = lock(id);
        if (session.status == TrainingSession.Status.CANCELLED) {
            return session;
        }
        session.status = TrainingSession.Status.CANCELLED;
        session.cancelReason = reason == null ? null : VietnameseText.nfc(reason);
        Instant now = Instant.now();
        for (Enrolment enrolment : enrolments.active(id)) {
            enrolment.status = Enrolment.Status.SESSION_CANCELLED;
            enrolment.offerExpiresAt = null;
            enrolment.updatedAt = now;
            notices.about(enrolment, Notice.Kind.SESSION_CANCELLED);
        }
        return session;
    }

    /** Loads the session with {@code SELECT ... FOR UPDATE}: every change to its seats goes through here. */
    TrainingSession lock(long id) {
        return sessionRepository.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("Session", id));
    }

    private static void applyVenue(TrainingSession session, Venue venue) {
        session.venueKind = venue.kind();
        session.venueName = venue.name() == null ? null : VietnameseText.nfc(venue.name());
        if (venue.kind() == VenueKind.HALL) {
            if (venue.province() == null || venue.province().isBlank()) {
                throw ProblemException.invalid("venue.province", "is required for a commune hall");
            }
            session.province = Provinces.resolve(venue.province())
                    .orElseThrow(() -> ProblemException.invalid("venue.province", "is not one of the 34 provinces"))
                    .province();
            if (venue.commune() == null || venue.commune().isBlank()) {
                throw ProblemException.invalid("venue.commune", "is required for a commune hall");
            }
            session.commune = Communes.require(session.province, venue.commune(), "venue.commune").commune().name();
            session.onlineUrl = null;
        } else {
            session.onlineUrl = onlineUrl(venue.url());
            session.province = venue.province() == null || venue.province().isBlank() ? null
                    : Provinces.resolve(venue.province())
                            .orElseThrow(() -> ProblemException.invalid("venue.province", "is not one of the 34 provinces"))
                            .province();
            session.commune = Communes.requireIfGiven(session.province, venue.commune(), "venue.province", "venue.commune");
        }
    }

    private static String onlineUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid("venue.url", "is required for an online session");
        }
        try {
            URI uri = URI.create(url.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw ProblemException.invalid("venue.url", "must be an http(s) link");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("venue.url", "must be an http(s) link");
        }
    }

    private static void checkTimes(TrainingSession s) {
        if (!s.endsAt.isAfter(s.startsAt)) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
        if (!s.enrolmentClosesAt.isAfter(s.enrolmentOpensAt)) {
            throw ProblemException.invalid("enrolmentClosesAt", "must be after enrolmentOpensAt");
        }
        if (s.enrolmentClosesAt.isAfter(s.endsAt)) {
            throw ProblemException.invalid("enrolmentClosesAt", "must not be after endsAt");
        }
        if (s.cancellationCutoff.isAfter(s.endsAt)) {
            throw ProblemException.invalid("cancellationCutoff", "must not be after endsAt");
        }
    }
}
