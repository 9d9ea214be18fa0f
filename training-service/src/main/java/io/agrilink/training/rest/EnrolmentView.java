package io.agrilink.training.rest;

import java.time.Instant;

import io.agrilink.training.Enrolment;
import io.agrilink.training.service.EnrolmentService;

/** An enrolment; {@code waitlistPosition} is 1 for the first farmer waiting, null when not waiting. */
public record EnrolmentView(long id, long sessionId, long courseId, String courseCode, String farmer,
        String farmerName, String province, String commune, Enrolment.Status status, Integer waitlistPosition,
        Instant offerExpiresAt, Enrolment.Attendance attendance, String certificateCode, String enrolledBy,
        Instant createdAt) {

    static EnrolmentView of(Enrolment e, EnrolmentService.Standing standing) {
        return new EnrolmentView(e.id, e.session.id, e.courseId, e.session.course.code, e.farmer, e.farmerName,
                e.province, e.commune, e.status, standing.waitlistPosition(), e.offerExpiresAt, e.attendance,
                standing.certificateCode(), e.enrolledBy, e.createdAt);
    }
}
