package io.agrilink.web.training;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Page;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The programme's staff at their desks: every session with its capacity, seats and waitlist; a
 * session's register with attendance marking (ATTENDED issues the certificate) and revoking a
 * certificate with a reason; the training report.
 */
@Path("/staff/training")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffTrainingResource {

    private static final Set<String> MARKS = Set.of("ATTENDED", "PARTIAL", "NO_SHOW");

    /** One of the report's tables: its figures by course, province or commune. */
    public record Group(String key, List<TrainingReport.Figures> rows) {
    }

    /**
     * A line of the register, with the certificate it earned (and whether it was revoked) and the mark
     * its select shows: the one just posted when the form comes back refused, else the one recorded.
     */
    public record RegisterLine(Enrolment enrolment, Certificate certificate, String mark) {
    }

    @Inject
    TrainingClient training;

    @Inject
    TrainingProblems problems;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("training/staff-sessions.html")
    Template sessions;

    @Location("training/staff-session.html")
    Template session;

    @Location("training/staff-reports.html")
    Template reports;

    @GET
    public TemplateInstance sessions(@QueryParam("page") @DefaultValue("0") int page) {
        Fetched<Page<Session>> all = training.sessions(null, Math.max(0, page));
        Page<Session> shown = all.value();
        boolean more = (long) (shown.page() + 1) * TrainingClient.ALL < shown.total();
        return pages.of(sessions).data("sessions", shown.items()).data("page", shown.page()).data("more", more)
                .data("down", all.down());
    }

    @GET
    @Path("sessions/{id}")
    public TemplateInstance session(@PathParam("id") long id) {
        return sessionPage(id, FormErrors.none(), Map.of());
    }

    /**
     * Records the attendance chosen on the register: each line posts its {@code enrolment} id and its
     * {@code mark}, in the same order; lines left at "not recorded" are not sent.
     */
    @POST
    @Path("sessions/{id}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response attendance(@PathParam("id") long id, @RestForm("enrolment") List<Long> enrolments,
            @RestForm("mark") List<String> marks) {
        List<TrainingRestClient.AttendanceLine> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(enrolments.size(), marks.size()); i++) {
            if (MARKS.contains(marks.get(i))) {
                lines.add(new TrainingRestClient.AttendanceLine(enrolments.get(i), marks.get(i)));
            }
        }
        if (lines.isEmpty()) {
            return Response.status(400).entity(sessionPage(id,
                    FormErrors.none().form(TrainingProblems.messages(visitor.locale()).register_nothingChosen()),
                    Map.of())).build();
        }
        try {
            training.attendance(id, lines);
            return Response.seeOther(URI.create("/staff/training/sessions/" + id + "#register")).build();
        } catch (WebApplicationException refused) {
            ServiceProblem problem = problems.clientProblem(refused);
            Map<Long, String> chosen = new HashMap<>();
            lines.forEach(l -> chosen.put(l.enrolmentId(), l.attendance()));
            return Response.status(problem.status())
                    .entity(sessionPage(id, problems.staffRefused(problem, visitor.locale()), chosen)).build();
        }
    }

    /** Revokes a certificate of this session's register, with the reason given. */
    @POST
    @Path("sessions/{id}/certificates/{code}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, @PathParam("code") String code, @RestForm String reason) {
        if (!CertificateLinks.isCode(code)) {
            throw new NotFoundException();
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            FormErrors errors = FormErrors.none().field(code,
                    TrainingProblems.messages(visitor.locale()).revoke_reasonNeeded());
            return Response.status(400).entity(sessionPage(id, errors, Map.of()).data("reason", why)
                    .data("reasonFor", code)).build();
        }
        try {
            training.revoke(code, why);
            return Response.seeOther(URI.create("/staff/training/sessions/" + id + "#certificate-" + code)).build();
        } catch (WebApplicationException refused) {
            ServiceProblem problem = problems.clientProblem(refused);
            return Response.status(problem.status()).entity(sessionPage(id, FormErrors.of(problem, visitor.locale()),
                    Map.of()).data("reason", why).data("reasonFor", code)).build();
        }
    }

    @GET
    @Path("reports")
    public TemplateInstance reports() {
        Fetched<TrainingReport> report = training.report();
        TrainingReport shown = report.value();
        List<Group> groups = shown == null ? List.of()
                : List.of(new Group("course", shown.byCourse()), new Group("province", shown.byProvince()),
                        new Group("commune", shown.byCommune()));
        return pages.of(reports).data("report", shown).data("groups", groups).data("down", report.down());
    }

    private TemplateInstance sessionPage(long id, FormErrors errors, Map<Long, String> chosen) {
        Fetched<Session> found;
        try {
            found = training.session(id);
        } catch (WebApplicationException missing) {
            throw new NotFoundException();
        }
        Fetched<List<Enrolment>> register = found.down() ? new Fetched<>(List.of(), true) : training.register(id);
        boolean down = found.down() || register.down();
        List<RegisterLine> lines = new ArrayList<>();
        for (Enrolment e : register.value()) {
            Certificate certificate = null;
            if (e.certificateCode() != null) {
                try {
                    Fetched<Certificate> issued = training.certificate(e.certificateCode());
                    certificate = issued.value();
                    down |= issued.down();
                } catch (WebApplicationException notFound) {
                    // the register names a code the service no longer finds: shown without its state
                }
            }
            lines.add(new RegisterLine(e, certificate, chosen.getOrDefault(e.id(), e.attendance())));
        }
        boolean markable = lines.stream().anyMatch(l -> l.enrolment().markable());
        return pages.of(session).data("session", found.value()).data("lines", lines).data("markable", markable)
                .data("errors", errors).data("reason", "").data("reasonFor", "")
                .data("down", down);
    }
}
