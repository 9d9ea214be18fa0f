package io.agrilink.training.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The training steps of the funnel, in SQL: who enrolled in a session starting in a period, who
 * attended, who holds a certificate from it that is not revoked. Enrolments a farmer gave up
 * (cancelled, left the waitlist, declined or let an offer expire) or whose session was cancelled
 * are not counted.
 */
@ApplicationScoped
public class FunnelRepository {

    /** One farmer in one course: enrolled in the period, and whether she attended and is certified from it. */
    public record CourseStep(String farmer, long courseId, String courseCode, String courseTitle, boolean attended,
            boolean certified) {
    }

    /** Where a farmer's most recent enrolment of the period took place: her own commune, else the hall's. */
    public record EnrolmentPlace(String farmer, String province, String commune) {
    }

    @Inject
    EntityManager em;

    /** Sessions starting in [start, end). */
    @SuppressWarnings("unchecked")
    public List<CourseStep> courseSteps(Instant start, Instant end) {
        List<Object[]> rows = em.createNativeQuery("""
                select e.farmer, c.id, c.code, c.title ->> 'vi',
                       bool_or(e.attendance = 'ATTENDED'),
                       bool_or(e.attendance = 'ATTENDED' and cert.id is not null and cert.revoked_at is null)
                from enrolment e
                join training_session s on s.id = e.session_id
                join course c on c.id = e.course_id
                left join certificate cert on cert.enrolment_id = e.id
                where s.starts_at >= :start and s.starts_at < :end and e.status in ('SEATED', 'WAITLISTED', 'OFFERED')
                group by e.farmer, c.id, c.code, c.title ->> 'vi'
                order by c.code, e.farmer""")
                .setParameter("start", start).setParameter("end", end).getResultList();
        return rows.stream().map(r -> new CourseStep((String) r[0], ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], Boolean.TRUE.equals(r[4]), Boolean.TRUE.equals(r[5]))).toList();
    }

    /** For each farmer of the period with a place on an enrolment, the most recent one's. */
    @SuppressWarnings("unchecked")
    public List<EnrolmentPlace> enrolmentPlaces(Instant start, Instant end) {
        List<Object[]> rows = em.createNativeQuery("""
                select distinct on (e.farmer) e.farmer,
                       case when e.commune is not null then e.province else s.province end,
                       coalesce(e.commune, s.commune)
                from enrolment e
                join training_session s on s.id = e.session_id
                where s.starts_at >= :start and s.starts_at < :end and e.status in ('SEATED', 'WAITLISTED', 'OFFERED')
                  and coalesce(e.commune, s.commune) is not null
                order by e.farmer, s.starts_at desc, e.id desc""")
                .setParameter("start", start).setParameter("end", end).getResultList();
        return rows.stream().map(r -> new EnrolmentPlace((String) r[0], (String) r[1], (String) r[2])).toList();
    }
}
