package io.agrilink.web.training;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * A farmer's training, from her phone: the courses and their coming sessions (enrol), her
 * enrolments with her place on the waitlist and any seat offered to her (accept before it
 * expires), and her certificates with their public verification link and QR code.
 */
@Path("/farmer")
@RolesAllowed("farmer")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class FarmerTrainingResource {

    /** A course with its coming sessions and the farmer's active enrolment in it, if any. */
    public record CourseCard(Course course, String title, String description, List<Session> sessions,
            Enrolment mine) {
    }

    /** One of the farmer's enrolments with the session (and course title) it is for. */
    public record MyEnrolment(Enrolment enrolment, String title, Session session, boolean offerOpen,
            boolean offerExpired) {
    }

    @Inject
    TrainingClient training;

    @Inject
    TrainingProblems problems;

    @Inject
    CertificateLinks links;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("training/courses.html")
    Template courses;

    @Location("training/certificates.html")
    Template certificates;

    @GET
    @Path("courses")
    public TemplateInstance courses() {
        return coursesPage(FormErrors.none(), 0, 0);
    }

    /** Enrols the farmer in a session: a seat if one is free, else the waitlist; refused, says why beside it. */
    @POST
    @Path("courses/sessions/{id}/enrol")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enrol(@PathParam("id") long sessionId) {
        try {
            Enrolment enrolment = training.enrol(sessionId);
            return Response.seeOther(URI.create("/farmer/courses#enrolment-" + enrolment.id())).build();
        } catch (WebApplicationException refused) {
            ServiceProblem problem = problems.clientProblem(refused);
            return Response.status(problem.status())
                    .entity(coursesPage(problems.enrolRefused(problem, visitor.locale()), sessionId, 0)).build();
        }
    }

    /** Takes the seat offered (the service refuses it once the offer has expired). */
    @POST
    @Path("courses/enrolments/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") long enrolmentId) {
        try {
            training.accept(enrolmentId);
            return Response.seeOther(URI.create("/farmer/courses#enrolment-" + enrolmentId)).build();
        } catch (WebApplicationException refused) {
            ServiceProblem problem = problems.clientProblem(refused);
            return Response.status(problem.status())
                    .entity(coursesPage(problems.acceptRefused(problem, visitor.locale()), 0, enrolmentId)).build();
        }
    }

    @GET
    @Path("certificates")
    public TemplateInstance certificates() {
        Fetched<List<Certificate>> mine = training.myCertificates();
        return pages.of(certificates).data("certificates", mine.value())
                .data("links", links).data("down", mine.down());
    }

    private TemplateInstance coursesPage(FormErrors errors, long errorSession, long errorEnrolment) {
        Instant now = Instant.now();
        Fetched<List<Course>> courseList = training.courses();
        Fetched<io.agrilink.web.client.Page<Session>> coming = training.sessions(now, 0);
        Fetched<List<Enrolment>> enrolments = training.myEnrolments();
        String language = visitor.language();

        Map<Long, Session> sessionsById = new HashMap<>();
        Map<Long, List<Session>> sessionsByCourse = new LinkedHashMap<>();
        for (Session s : coming.value().items()) {
            sessionsById.put(s.id(), s);
            if (!s.cancelled()) {
                sessionsByCourse.computeIfAbsent(s.courseId(), c -> new ArrayList<>()).add(s);
            }
        }
        Map<Long, Course> coursesById = new HashMap<>();
        courseList.value().forEach(c -> coursesById.put(c.id(), c));

        boolean down = courseList.down() || coming.down() || enrolments.down();
        List<MyEnrolment> mine = new ArrayList<>();
        Map<Long, Enrolment> activeByCourse = new HashMap<>();
        for (Enrolment e : enrolments.value()) {
            Session session = sessionsById.get(e.sessionId());
            if (session == null) {
                // a session that has begun (or is past) is not among the coming ones
                Fetched<Session> earlier = training.session(e.sessionId());
                session = earlier.value();
                down |= earlier.down();
            }
            Course course = coursesById.get(e.courseId());
            String title = course != null ? course.titleIn(language) : session != null ? session.courseTitle() : e.courseCode();
            mine.add(new MyEnrolment(e, title, session, e.offerOpenAt(now), e.offerExpiredAt(now)));
            if (e.active() || "ATTENDED".equals(e.attendance())) {
                activeByCourse.putIfAbsent(e.courseId(), e);
            }
        }
        List<CourseCard> cards = courseList.value().stream()
                .map(c -> new CourseCard(c, c.titleIn(language), c.descriptionIn(language),
                        sessionsByCourse.getOrDefault(c.id(), List.of()), activeByCourse.get(c.id())))
                .toList();
        return pages.of(courses).data("mine", mine).data("courses", cards).data("errors", errors)
                .data("errorSession", errorSession).data("errorEnrolment", errorEnrolment).data("down", down);
    }
}
