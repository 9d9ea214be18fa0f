package io.agrilink.training.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agrilink.training.Enrolment;
import io.agrilink.training.Enrolment.Status;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EnrolmentRepository implements PanacheRepository<Enrolment> {

    /** Seats taken: seated farmers plus offers still outstanding. */
    public long seatsTaken(long sessionId) {
        return count("session.id = ?1 and status in ?2", sessionId, List.of(Status.SEATED, Status.OFFERED));
    }

    public long waitlistLength(long sessionId) {
        return count("session.id = ?1 and status = ?2", sessionId, Status.WAITLISTED);
    }

    /** 1 for the first farmer waiting, counting only those still waiting. */
    public int waitlistPosition(Enrolment enrolment) {
        return (int) count("session.id = ?1 and status = ?2 and arrival < ?3", enrolment.session.id,
                Status.WAITLISTED, enrolment.arrival) + 1;
    }

    public Optional<Enrolment> firstWaiting(long sessionId) {
        return find("session.id = ?1 and status = ?2 order by arrival", sessionId, Status.WAITLISTED)
                .firstResultOptional();
    }

    /** The farmer's enrolment in the course that blocks another one (active, or completed). */
    public Optional<Enrolment> blockingInCourse(long courseId, String farmer) {
        return find("courseId = ?1 and farmer = ?2 and status in ?3 and (attendance is null or attendance = ?4)",
                courseId, farmer, List.of(Status.SEATED, Status.WAITLISTED, Status.OFFERED),
                Enrolment.Attendance.ATTENDED).firstResultOptional();
    }

    public boolean completed(long courseId, String farmer) {
        return count("courseId = ?1 and farmer = ?2 and status = ?3 and attendance = ?4", courseId, farmer,
                Status.SEATED, Enrolment.Attendance.ATTENDED) > 0;
    }

    /** Every enrolment still holding a seat, an offer or a waitlist place. */
    public List<Enrolment> active(long sessionId) {
        return list("session.id = ?1 and status in ?2 order by arrival", sessionId,
                List.of(Status.SEATED, Status.WAITLISTED, Status.OFFERED));
    }

    public Optional<Long> sessionIdOf(long enrolmentId) {
        return getEntityManager().createQuery("select e.session.id from Enrolment e where e.id = :id", Long.class)
                .setParameter("id", enrolmentId).getResultStream().findFirst();
    }
}
