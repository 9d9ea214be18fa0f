package io.agrilink.training.rest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.platform.web.Page;
import io.agrilink.training.Enrolment;
import io.agrilink.training.TrainingSession;
import io.agrilink.training.VenueKind;
import io.agrilink.training.repository.EnrolmentRepository;
import io.agrilink.training.service.AttendanceService;
import io.agrilink.training.service.EnrolmentService;
import io.agrilink.training.service.SessionService;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** A commune hall (province and commune required) or an online link. */
    public record VenueRequest(@NotNull VenueKind kind, @Size(max = 200) String name, @Size(max = 60) String province,
            @Size(max = 120) String commune, @Size(max = 500) String url) {

        SessionService.Venue venue() {
            return new SessionService.Venue(kind, name, province, commune, url);
        }
    }

    public record SessionRequest(@NotNull Long courseId, @NotNull Instant startsAt, @NotNull Instant endsAt,
            @Valid @NotNull VenueRequest venue, @NotNull @Min(1) @Max(10000) Integer capacity,
            @NotBlank @Size(max = 200) String trainer, Instant enrolmentOpensAt, Instant enrolmentClosesAt,
            Instant cancellationCutoff) {
    }

    public record SessionChangeRequest(Instant startsAt, Instant endsAt, @Valid VenueRequest venue,
            @Min(1) @Max(10000) Integer capacity, @Size(min = 1, max = 200) String trainer, Instant enrolmentOpensAt,
            Instant enrolmentClosesAt, Instant cancellationCutoff) {
    }

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    /** Staff give the farmer; a farmer enrolling themself may leave {@code farmer} and {@code name} out. */
    public record EnrolRequest(@Size(max = 200) String farmer, @Size(max = 200) String name,
            @Size(max = 60) String province, @Size(max = 120) String commune) {
    }

    public record AttendanceLine(@NotNull Long enrolmentId, @NotNull Enrolment.Attendance attendance) {
    }

    public record AttendanceRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull AttendanceLine> records) {
    }

    @Inject
    SessionService sessions;

    @Inject
    EnrolmentService enrolmentService;

    @Inject
    AttendanceService attendance;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    AgriLinkTime time;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Schedule a session of a course")
    @APIResponse(responseCode = "201", description = "Scheduled")
    @APIResponse(responseCode = "400", description = "Invalid field (capacity, endsAt, courseId, venue ...)")
    public Response create(@Valid @NotNull SessionRequest r) {
        TrainingSession session = sessions.create(new SessionService.SessionDraft(r.courseId(), r.startsAt(),
                r.endsAt(), r.venue().venue(), r.capacity(), r.trainer(), r.enrolmentOpensAt(), r.enrolmentClosesAt(),
                r.cancellationCutoff()));
        return Response.created(URI.create("/sessions/" + session.id)).entity(view(session)).build();
    }

    @GET
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "List sessions by start time, optionally of one course or from an instant")
    @APIResponse(responseCode = "200", description = "A page of sessions")
    public Page<SessionView> list(@QueryParam("courseId") Long courseId, @QueryParam("from") Instant from,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        Parameters parameters = new Parameters();
        if (courseId != null) {
            conditions.add("course.id = :courseId");
            parameters.and("courseId", courseId);
        }
        if (from != null) {
            conditions.add("startsAt >= :from");
            parameters.and("from", from);
        }
        var query = TrainingSession.<TrainingSession> find(String.join(" and ", conditions),
                Sort.by("startsAt").and("id"), parameters);
        return Page.of(query, page, size, this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "Read a session with its seats and waitlist length")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "404", description = "No such session")
    public SessionView get(@PathParam("id") long id) {
        return view(find(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Change times, venue, capacity or trainer; every farmer concerned is told")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "Cancelled session, or capacity below the seats taken")
    public SessionView change(@PathParam("id") long id, @Valid @NotNull SessionChangeRequest r) {
        return view(sessions.change(id, new SessionService.SessionChange(r.startsAt(), r.endsAt(),
                r.venue() == null ? null : r.venue().venue(), r.capacity(), r.trainer(), r.enrolmentOpensAt(),
                r.enrolmentClosesAt(), r.cancellationCutoff())));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Cancel a session; every enrolled, offered and waitlisted farmer is told")
    @APIResponse(responseCode = "200", description = "Cancelled (or already was)")
    @APIResponse(responseCode = "404", description = "No such session")
    public SessionView cancel(@PathParam("id") long id, @Valid CancelRequest r) {
        return view(sessions.cancel(id, r == null ? null : r.reason()));
    }

    @POST
    @Path("/{id}/enrolments")
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "Enrol a farmer: a seat if one is free, else the waitlist")
    @APIResponse(responseCode = "201", description = "SEATED, or WAITLISTED with waitlistPosition")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "403", description = "A farmer enrolling someone else")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "Outside the enrolment window, already enrolled in the course, prerequisites missing (missingCourses), or session cancelled")
    public Response enrol(@PathParam("id") long id, @Valid EnrolRequest r) {
        EnrolRequest request = r == null ? new EnrolRequest(null, null, null, null) : r;
        EnrolmentService.Applicant applicant;
        if (caller.isStaff()) {
            if (request.farmer() == null || request.farmer().isBlank()) {
                throw ProblemException.invalid("farmer", "staff enrolling a farmer must give the farmer's subject");
            }
            if (request.name() == null || request.name().isBlank()) {
                throw ProblemException.invalid("name", "staff enrolling a farmer must give the farmer's name");
            }
            applicant = new EnrolmentService.Applicant(request.farmer().strip(), request.name(), request.province(),
                    request.commune());
        } else {
            if (request.farmer() != null && !request.farmer().equals(caller.subject())) {
                throw ProblemException.forbidden("Farmers enrol themselves; a commune officer (staff) enrols others");
            }
            String name = request.name() != null && !request.name().isBlank() ? request.name()
                    : token.getClaim("name") instanceof String n && !n.isBlank() ? n : caller.subject();
            applicant = new EnrolmentService.Applicant(caller.subject(), name, request.province(), request.commune());
        }
        Enrolment enrolment = enrolmentService.enrol(id, applicant, caller.subject());
        return Response.created(URI.create("/enrolments/" + enrolment.id)).entity(EnrolmentView.of(enrolment, enrolmentService.standing(enrolment))).build();
    }

    @GET
    @Path("/{id}/enrolments")
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "The register: enrolments of a session in arrival order (staff or the trainer)")
    @APIResponse(responseCode = "200", description = "A page of enrolments, waitlist positions included")
    @APIResponse(responseCode = "403", description = "Neither staff nor the trainer")
    @APIResponse(responseCode = "404", description = "No such session")
    public Page<EnrolmentView> enrolments(@PathParam("id") long id, @QueryParam("status") Enrolment.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        attendance.requireTrainerOrStaff(id, caller.subject(), caller.isStaff());
        var query = status == null
                ? enrolments.find("session.id", Sort.by("arrival"), id)
                : enrolments.find("session.id = ?1 and status = ?2", Sort.by("arrival"), id, status);
        return Page.of(query, page, size, e -> EnrolmentView.of(e, enrolmentService.standing(e)));
    }

    @PUT
    @Path("/{id}/attendance")
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "Record attendance (staff or the trainer); ATTENDED completes the course and issues a certificate")
    @APIResponse(responseCode = "200", description = "The recorded enrolments, with certificate codes")
    @APIResponse(responseCode = "400", description = "Unknown enrolment or repeated line (field named)")
    @APIResponse(responseCode = "403", description = "Neither staff nor the trainer")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "An enrolment holds no seat, or was already certified")
    public List<EnrolmentView> attendance(@PathParam("id") long id, @Valid @NotNull AttendanceRequest r) {
        attendance.requireTrainerOrStaff(id, caller.subject(), caller.isStaff());
        List<AttendanceService.Mark> marks = r.records().stream()
                .map(l -> new AttendanceService.Mark(l.enrolmentId(), l.attendance())).toList();
        return attendance.record(id, marks, caller.subject()).stream()
                .map(e -> EnrolmentView.of(e, enrolmentService.standing(e))).toList();
    }

    private SessionView view(TrainingSession session) {
        return SessionView.of(session, sessions.occupancy(session), time.zone());
    }

    private static TrainingSession find(long id) {
        return TrainingSession.<TrainingSession> findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Session", id));
    }
}
