package io.agrilink.training.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.vn.Communes;
import io.agrilink.platform.vn.Provinces;
import io.agrilink.platform.vn.VietnameseText;
import io.agrilink.training.Certificate;
import io.agrilink.training.Course;
import io.agrilink.training.Enrolment;
import io.agrilink.training.Enrolment.Status;
import io.agrilink.training.Notice;
import io.agrilink.training.TrainingSession;
import io.agrilink.training.config.TrainingConfig;
import io.agrilink.training.repository.EnrolmentRepository;
import io.agrilink.training.repository.SessionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Seats, the waitlist and offers. Every command locks the session row first
 * ({@code SELECT ... FOR UPDATE}), so seats plus outstanding offers never exceed the capacity
 * and arrival numbers (the waitlist order) have neither gaps nor duplicates.
 */
@ApplicationScoped
public class EnrolmentService {

    /** The farmer being enrolled, as the farmer or a commune officer (staff) gives them. */
    public record Applicant(String farmer, String name, String province, String commune) {
    }

    /** Where an enrolment stands: its place on the waitlist (null when not waiting) and its certificate. */
    public record Standing(Integer waitlistPosition, String certificateCode) {
    }

    @Inject
    EntityManager em;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    SessionRepository sessionRepository;

    @Inject
    NoticeService notices;

    @Inject
    TrainingConfig config;

    public Standing standing(Enrolment e) {
        Integer position = e.status == Status.WAITLISTED ? enrolments.waitlistPosition(e) : null;
        String certificate = e.attendance == Enrolment.Attendance.ATTENDED
                ? Certificate.<Certificate> find("enrolmentId", e.id).firstResultOptional().map(c -> c.code).orElse(null)
                : null;
        return new Standing(position, certificate);
    }

    @Transactional
    public Enrolment enrol(long sessionId, Applicant applicant, String enrolledBy) {
        // rules about the farmer and the course first, without the lock: the session row is
        // the queue every enrolment waits in, so it is held only for the seat decision
        TrainingSession unlocked = TrainingSession.<TrainingSession> findByIdOptional(sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        checkFarmerMayTake(unlocked.course, applicant.farmer());
        TrainingSession session = lock(sessionId);
        Instant now = Instant.now();
        if (session.status == TrainingSession.Status.CANCELLED) {
            throw ProblemException.conflict("Session " + sessionId + " was cancelled");
        }
        if (now.isBefore(session.enrolmentOpensAt)) {
            throw ProblemException.conflict("Enrolment for this session opens at " + session.enrolmentOpensAt)
                    .with("field", "enrolmentOpensAt").with("enrolmentOpensAt", session.enrolmentOpensAt);
        }
        if (now.isAfter(session.enrolmentClosesAt)) {
            throw ProblemException.conflict("Enrolment for this session closed at " + session.enrolmentClosesAt)
                    .with("field", "enrolmentClosesAt").with("enrolmentClosesAt", session.enrolmentClosesAt);
        }
        Course course = session.course;

        Enrolment enrolment = new Enrolment();
        enrolment.session = session;
        enrolment.courseId = course.id;
        enrolment.farmer = applicant.farmer();
        enrolment.farmerName = VietnameseText.nfc(applicant.name());
        enrolment.province = applicant.province() == null || applicant.province().isBlank() ? null
                : Provinces.resolve(applicant.province())
                        .orElseThrow(() -> ProblemException.invalid("province", "is not one of the 34 provinces"))
                        .province();
        enrolment.commune = Communes.requireIfGiven(enrolment.province, applicant.commune(), "province", "commune");
        enrolment.enrolledBy = enrolledBy;
        enrolment.arrival = ++session.arrivals;
        enrolment.createdAt = now;
        enrolment.updatedAt = now;
        boolean seatFree = enrolments.seatsTaken(sessionId) < session.capacity;
        enrolment.status = seatFree ? Status.SEATED : Status.WAITLISTED;
        enrolment.persist();
        // the same farmer enrolling at once in another session of the course: the partial unique index
        // refuses the second; PostgreSQL let it wait for the first to commit, so a new transaction sees it
        Persistence.flushOrConflict(em, () -> QuarkusTransaction.requiringNew()
                .call(() -> enrolments.blockingInCourse(course.id, applicant.farmer())
                        .map(other -> alreadyEnrolled(course, applicant.farmer(), other)))
                .orElseGet(() -> ProblemException.conflict(applicant.farmer() + " already has an enrolment in course "
                        + course.code).with("field", "farmer")));
        notices.about(enrolment, seatFree ? Notice.Kind.SEATED : Notice.Kind.WAITLISTED);
        return enrolment;
    }

    /** One active enrolment per farmer per course (a completed course counts), and prerequisites completed. */
    private void checkFarmerMayTake(Course course, String farmer) {
        Optional<Enrolment> existing = enrolments.blockingInCourse(course.id, farmer);
        if (existing.isPresent()) {
            throw alreadyEnrolled(course, farmer, existing.get());
        }
        List<String> missing = new ArrayList<>();
        for (Long prerequisite : course.prerequisiteIds) {
            if (!enrolments.completed(prerequisite, farmer)) {
                Course required = Course.findById(prerequisite);
                missing.add(required.code);
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("Course " + course.code + " requires completing " + String.join(", ", missing)
                    + " first").with("field", "prerequisites").with("missingCourses", missing);
        }
    }

    /** 409: one enrolment per farmer per course; names the rule ({@code field}) and the enrolment that holds it. */
    private static ProblemException alreadyEnrolled(Course course, String farmer, Enrolment other) {
        String what = other.attendance == Enrolment.Attendance.ATTENDED ? "has already completed"
                : "already has an enrolment (" + other.status + ") in";
        return ProblemException.conflict(farmer + " " + what + " course " + course.code)
                .with("field", "farmer").with("enrolmentId", other.id);
    }

    /**
     * The farmer gives up: a seat (before the cancellation cut-off, unless staff do it), a place
     * on the waitlist, or an offer. A freed seat is offered to the first farmer waiting.
     */
    @Transactional
    public Enrolment withdraw(long enrolmentId, boolean byStaff) {
        Enrolment enrolment = lockedEnrolment(enrolmentId);
        TrainingSession session = enrolment.session;
        Instant now = Instant.now();
        switch (enrolment.status) {
            case SEATED -> {
                if (enrolment.attendance != null) {
                    throw ProblemException.conflict("Attendance was already recorded for this enrolment");
                }
                if (!byStaff && now.isAfter(session.cancellationCutoff)) {
                    throw ProblemException.conflict("Seats can no longer be cancelled: the cut-off was "
                            + session.cancellationCutoff).with("field", "cancellationCutoff");
                }
                enrolment.status = Status.CANCELLED;
            }
            case WAITLISTED -> enrolment.status = Status.LEFT_WAITLIST;
            case OFFERED -> {
                enrolment.status = Status.DECLINED;
                enrolment.offerExpiresAt = null;
            }
            default -> throw ProblemException.conflict("This enrolment has already ended (" + enrolment.status + ")");
        }
        enrolment.updatedAt = now;
        notices.about(enrolment, Notice.Kind.SEAT_CANCELLED);
        offerFreedSeats(session);
        return enrolment;
    }

    /** The farmer takes the seat offered to them. */
    @Transactional
    public Enrolment accept(long enrolmentId) {
        Enrolment enrolment = lockedEnrolment(enrolmentId);
        if (enrolment.status == Status.SEATED) {
            return enrolment;
        }
        if (enrolment.status != Status.OFFERED) {
            throw ProblemException.conflict("No seat is offered to this enrolment (" + enrolment.status + ")");
        }
        if (!Instant.now().isBefore(enrolment.offerExpiresAt)) {
            throw ProblemException.conflict("The offer expired at " + enrolment.offerExpiresAt);
        }
        enrolment.status = Status.SEATED;
        enrolment.offerExpiresAt = null;
        enrolment.updatedAt = Instant.now();
        notices.about(enrolment, Notice.Kind.SEATED);
        return enrolment;
    }

    /** The farmer declines the seat offered: it passes to the next farmer waiting. */
    @Transactional
    public Enrolment decline(long enrolmentId) {
        Enrolment enrolment = lockedEnrolment(enrolmentId);
        if (enrolment.status != Status.OFFERED) {
            throw ProblemException.conflict("No seat is offered to this enrolment (" + enrolment.status + ")");
        }
        enrolment.status = Status.DECLINED;
        enrolment.offerExpiresAt = null;
        enrolment.updatedAt = Instant.now();
        offerFreedSeats(enrolment.session);
        return enrolment;
    }

    /** Expires one offer if it is still outstanding and past its time; the seat goes to the next farmer. */
    @Transactional
    public boolean expireOffer(long enrolmentId, Instant now) {
        Enrolment enrolment = lockedEnrolment(enrolmentId);
        if (enrolment.status != Status.OFFERED || now.isBefore(enrolment.offerExpiresAt)) {
            return false;
        }
        enrolment.status = Status.OFFER_EXPIRED;
        enrolment.updatedAt = now;
        notices.about(enrolment, Notice.Kind.OFFER_EXPIRED);
        offerFreedSeats(enrolment.session);
        return true;
    }

    /** Reminds the farmer once that their offer is about to expire. */
    @Transactional
    public boolean remind(long enrolmentId, Instant now) {
        Enrolment enrolment = lockedEnrolment(enrolmentId);
        if (enrolment.status != Status.OFFERED || enrolment.offerRemindedAt != null
                || !now.isBefore(enrolment.offerExpiresAt)) {
            return false;
        }
        enrolment.offerRemindedAt = now;
        notices.about(enrolment, Notice.Kind.OFFER_EXPIRING);
        return true;
    }

    /** With the session locked: offers free seats, one per farmer waiting, in arrival order. */
    @Transactional(Transactional.TxType.MANDATORY)
    void offerFreedSeats(TrainingSession session) {
        if (session.status != TrainingSession.Status.SCHEDULED) {
            return;
        }
        long taken = enrolments.seatsTaken(session.id);
        Instant now = Instant.now();
        while (taken < session.capacity) {
            Optional<Enrolment> next = enrolments.firstWaiting(session.id);
            if (next.isEmpty()) {
                return;
            }
            Enrolment offered = next.get();
            offered.status = Status.OFFERED;
            offered.offerExpiresAt = now.plus(config.offerHold());
            offered.offerRemindedAt = null;
            offered.updatedAt = now;
            notices.about(offered, Notice.Kind.OFFERED);
            taken++;
        }
    }

    private Enrolment lockedEnrolment(long enrolmentId) {
        long sessionId = enrolments.sessionIdOf(enrolmentId)
                .orElseThrow(() -> ProblemException.notFound("Enrolment", enrolmentId));
        lock(sessionId);
        Enrolment enrolment = enrolments.findById(enrolmentId);
        em.refresh(enrolment);
        return enrolment;
    }

    private TrainingSession lock(long sessionId) {
        return sessionRepository.lockForUpdate(sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
    }
}
