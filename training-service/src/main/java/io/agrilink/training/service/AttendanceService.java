package io.agrilink.training.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.platform.outbox.Outbox;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.training.Certificate;
import io.agrilink.training.Enrolment;
import io.agrilink.training.Topic;
import io.agrilink.training.TrainingSession;
import io.agrilink.training.outbox.LivestreamReadyHandler;
import io.agrilink.training.outbox.OutboxKinds;
import io.agrilink.training.repository.SessionRepository;

/**
 * Attendance, recorded by staff or the session's trainer. ATTENDED completes the course: a
 * certificate is issued, the farmer is told, and completing LIVESTREAM_SELLING sends the
 * livestream-ready badge to catalog-service through the outbox.
 */
@ApplicationScoped
public class AttendanceService {

    /** One line of the register. */
    public record Mark(long enrolmentId, Enrolment.Attendance attendance) {
    }

    @Inject
    EntityManager em;

    @Inject
    SessionRepository sessions;

    @Inject
    CertificateService certificates;

    @Inject
    NoticeService notices;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    /** Checks that {@code subject} may record attendance: staff, or the session's trainer. */
    public void requireTrainerOrStaff(long sessionId, String subject, boolean staff) {
        TrainingSession session = TrainingSession.<TrainingSession> findByIdOptional(sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        if (!staff && !session.trainer.equals(subject)) {
            throw ProblemException.forbidden("Only staff or the session's trainer may record attendance");
        }
    }

    @Transactional
    public List<Enrolment> record(long sessionId, List<Mark> marks, String by) {
        TrainingSession session = sessions.lockForUpdate(sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        if (session.status == TrainingSession.Status.CANCELLED) {
            throw ProblemException.conflict("Session " + sessionId + " was cancelled");
        }
        List<Enrolment> recorded = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Instant now = Instant.now();
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            String field = "records[" + i + "].enrolmentId";
            if (!seen.add(mark.enrolmentId())) {
                throw ProblemException.invalid(field, "appears twice");
            }
            Enrolment enrolment = Enrolment.findById(mark.enrolmentId());
            if (enrolment == null || !enrolment.session.id.equals(sessionId)) {
                throw ProblemException.invalid(field, "no enrolment " + mark.enrolmentId() + " in session " + sessionId);
            }
            if (enrolment.status != Enrolment.Status.SEATED) {
                throw ProblemException.conflict(field + ": enrolment " + enrolment.id + " holds no seat ("
                        + enrolment.status + ")").with("field", field);
            }
            if (enrolment.attendance == Enrolment.Attendance.ATTENDED
                    && mark.attendance() != Enrolment.Attendance.ATTENDED) {
                throw ProblemException.conflict(field + ": enrolment " + enrolment.id
                        + " was completed and certified; revoke the certificate instead").with("field", field);
            }
            boolean completes = mark.attendance() == Enrolment.Attendance.ATTENDED
                    && enrolment.attendance != Enrolment.Attendance.ATTENDED;
            enrolment.attendance = mark.attendance();
            enrolment.attendanceBy = by;
            enrolment.updatedAt = now;
            if (completes) {
                complete(enrolment);
            }
            recorded.add(enrolment);
        }
        Persistence.flushOrConflict(em, "A farmer on this register already completed the course in another session");
        return recorded;
    }

    private void complete(Enrolment enrolment) {
        Certificate certificate = certificates.issue(enrolment);
        notices.certificateIssued(enrolment, certificate);
        if (enrolment.session.course.topic == Topic.LIVESTREAM_SELLING) {
            try {
                outbox.add(OutboxKinds.LIVESTREAM_READY, LivestreamReadyHandler.subjectOf(enrolment.farmer),
                        json.writeValueAsString(new LivestreamReadyHandler.Badge(enrolment.farmer, certificate.code)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
