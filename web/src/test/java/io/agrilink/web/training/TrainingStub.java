package io.agrilink.web.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.agrilink.web.client.Page;

/**
 * training-service as the training screens' web tests need it, served by the test app at
 * {@code /stub/training} (over real HTTP, with the problem bodies the service sends). State is
 * static: each test {@link #reset()}s it and adds what it needs; calls are recorded with the
 * bearer token they carried, so tests assert what the service was asked, and how often.
 */
@Path("/stub/training")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class TrainingStub {

    /** One call the stub received: what, the bearer token, the body. */
    public record Call(String what, String token, Object body) {
    }

    /** The web app serves no JSON itself (no quarkus-rest-jackson): the stub writes and reads it here. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final List<Course> COURSES = new CopyOnWriteArrayList<>();
    static final List<Session> SESSIONS = new CopyOnWriteArrayList<>();
    /** Enrolments by id; {@code farmer} is the subject the token names ({@code token-of-<farmer>}). */
    static final Map<Long, Enrolment> ENROLMENTS = new ConcurrentHashMap<>();
    static final Map<String, Certificate> CERTIFICATES = new ConcurrentHashMap<>();
    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** When set, every call answers this status and problem body (a service refusing, or down). */
    static volatile Response.Status failing;
    static volatile String enrolProblem;
    static volatile String attendanceProblem;
    static volatile TrainingReport report;

    static void reset() {
        COURSES.clear();
        SESSIONS.clear();
        ENROLMENTS.clear();
        CERTIFICATES.clear();
        CALLS.clear();
        failing = null;
        enrolProblem = null;
        attendanceProblem = null;
        report = null;
    }

    static List<Call> calls(String what) {
        return CALLS.stream().filter(c -> c.what().equals(what)).toList();
    }

    static Session session(long id, long courseId, String title, Instant startsAt, int capacity, long taken,
            long waiting) {
        Session s = new Session(id, courseId, "C" + courseId, title, startsAt, startsAt.plusSeconds(3 * 3600),
                new Session.Venue("HALL", "Hội trường UBND xã Lục Ngạn", "Bắc Ninh", "Xã Lục Ngạn", null), capacity,
                "trainer-tuan", startsAt.minusSeconds(30 * 86400), startsAt, "SCHEDULED", taken,
                Math.max(0, capacity - taken), waiting);
        SESSIONS.add(s);
        return s;
    }

    static Enrolment enrolment(long id, Session s, String farmer, String name, String status, Integer position,
            Instant offerExpiresAt, String attendance, String certificate) {
        Enrolment e = new Enrolment(id, s.id(), s.courseId(), s.courseCode(), farmer, name, "Bắc Ninh", "Xã Lục Ngạn",
                status, position, offerExpiresAt, attendance, certificate, farmer, Instant.parse("2026-05-01T01:00:00Z"));
        ENROLMENTS.put(id, e);
        return e;
    }

    private static Response json(int status, Object body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(JSON.writeValueAsString(body)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response problem(int status, String body) {
        return Response.status(status).type("application/problem+json").entity(body).build();
    }

    private static String farmer(String authorization) {
        return authorization == null ? null : authorization.replace("Bearer token-of-", "");
    }

    private Response record(String what, String authorization, Object body) {
        CALLS.add(new Call(what, authorization, body));
        return failing == null ? null : problem(failing.getStatusCode(),
                "{\"title\":\"" + failing.getReasonPhrase() + "\",\"status\":" + failing.getStatusCode() + "}");
    }

    @GET
    @Path("/courses")
    public Response courses(@HeaderParam("Authorization") String token) {
        Response failed = record("courses", token, null);
        return failed != null ? failed : json(200, new Page<>(COURSES, 0, 100, COURSES.size()));
    }

    @GET
    @Path("/sessions")
    public Response sessions(@HeaderParam("Authorization") String token, @QueryParam("from") String from) {
        Response failed = record("sessions", token, from);
        if (failed != null) {
            return failed;
        }
        List<Session> shown = SESSIONS.stream()
                .filter(s -> from == null || !s.startsAt().isBefore(Instant.parse(from))).toList();
        return json(200, new Page<>(shown, 0, 100, shown.size()));
    }

    @GET
    @Path("/sessions/{id}")
    public Response session(@HeaderParam("Authorization") String token, @PathParam("id") long id) {
        Response failed = record("session", token, id);
        if (failed != null) {
            return failed;
        }
        return SESSIONS.stream().filter(s -> s.id() == id).findFirst().map(s -> json(200, s))
                .orElse(problem(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"Session " + id + " not found\"}"));
    }

    @POST
    @Path("/sessions/{id}/enrolments")
    public Response enrol(@HeaderParam("Authorization") String token, @PathParam("id") long id, String body) {
        Response failed = record("enrol", token, id);
        if (failed != null) {
            return failed;
        }
        if (enrolProblem != null) {
            return problem(409, enrolProblem);
        }
        Session s = SESSIONS.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        long next = ENROLMENTS.keySet().stream().mapToLong(Long::longValue).max().orElse(100) + 1;
        Enrolment e = enrolment(next, s, farmer(token), farmer(token), s.seatsFree() > 0 ? "SEATED" : "WAITLISTED",
                s.seatsFree() > 0 ? null : (int) s.waitlistLength() + 1, null, null, null);
        return json(201, e);
    }

    @GET
    @Path("/sessions/{id}/enrolments")
    public Response register(@HeaderParam("Authorization") String token, @PathParam("id") long id) {
        Response failed = record("register", token, id);
        if (failed != null) {
            return failed;
        }
        List<Enrolment> lines = ENROLMENTS.values().stream().filter(e -> e.sessionId() == id)
                .sorted(java.util.Comparator.comparingLong(Enrolment::id)).toList();
        return json(200, new Page<>(lines, 0, 100, lines.size()));
    }

    @PUT
    @Path("/sessions/{id}/attendance")
    public Response attendance(@HeaderParam("Authorization") String token, @PathParam("id") long id,
            String json) throws Exception {
        TrainingRestClient.Attendance body = JSON.readValue(json, TrainingRestClient.Attendance.class);
        Response failed = record("attendance", token, body);
        if (failed != null) {
            return failed;
        }
        if (attendanceProblem != null) {
            return problem(409, attendanceProblem);
        }
        List<Enrolment> recorded = new ArrayList<>();
        for (TrainingRestClient.AttendanceLine line : body.records()) {
            Enrolment e = ENROLMENTS.get(line.enrolmentId());
            String code = "ATTENDED".equals(line.attendance()) ? "CERT" + e.id() + "XYZ" : null;
            Enrolment marked = new Enrolment(e.id(), e.sessionId(), e.courseId(), e.courseCode(), e.farmer(),
                    e.farmerName(), e.province(), e.commune(), e.status(), null, null, line.attendance(), code,
                    e.enrolledBy(), e.createdAt());
            ENROLMENTS.put(e.id(), marked);
            recorded.add(marked);
        }
        return json(200, recorded);
    }

    @GET
    @Path("/me/enrolments")
    public Response myEnrolments(@HeaderParam("Authorization") String token) {
        Response failed = record("myEnrolments", token, null);
        if (failed != null) {
            return failed;
        }
        List<Enrolment> mine = ENROLMENTS.values().stream().filter(e -> e.farmer().equals(farmer(token)))
                .sorted(java.util.Comparator.comparingLong(Enrolment::id).reversed()).toList();
        return json(200, new Page<>(mine, 0, 100, mine.size()));
    }

    @GET
    @Path("/me/certificates")
    public Response myCertificates(@HeaderParam("Authorization") String token) {
        Response failed = record("myCertificates", token, null);
        if (failed != null) {
            return failed;
        }
        List<Certificate> mine = new ArrayList<>(CERTIFICATES.values());
        return json(200, new Page<>(mine, 0, 100, mine.size()));
    }

    @POST
    @Path("/enrolments/{id}/accept")
    public Response accept(@HeaderParam("Authorization") String token, @PathParam("id") long id) {
        Response failed = record("accept", token, id);
        if (failed != null) {
            return failed;
        }
        Enrolment e = ENROLMENTS.get(id);
        if (e == null || !"OFFERED".equals(e.status()) || !Instant.now().isBefore(e.offerExpiresAt())) {
            return problem(409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The offer expired\"}");
        }
        Enrolment seated = new Enrolment(e.id(), e.sessionId(), e.courseId(), e.courseCode(), e.farmer(),
                e.farmerName(), e.province(), e.commune(), "SEATED", null, null, null, null, e.enrolledBy(),
                e.createdAt());
        ENROLMENTS.put(id, seated);
        return json(200, seated);
    }

    @GET
    @Path("/certificates/{code}")
    public Response certificate(@PathParam("code") String code) {
        Response failed = record("certificate", null, code);
        if (failed != null) {
            return failed;
        }
        Certificate c = CERTIFICATES.get(code);
        return c == null ? problem(404, "{\"title\":\"Not Found\",\"status\":404}") : json(200, c);
    }

    @POST
    @Path("/certificates/verify")
    public Response verify(String json) throws Exception {
        Map<?, ?> body = JSON.readValue(json, Map.class);
        Response failed = record("verify", null, body);
        if (failed != null) {
            return failed;
        }
        Certificate c = CERTIFICATES.values().stream().filter(x -> x.signature().equals(body.get("jws"))).findFirst()
                .orElse(null);
        boolean revoked = c != null && c.revoked();
        return json(200, Map.of("valid", c != null && !revoked, "reason", c == null ? "bad signature" : "ok",
                "revoked", revoked));
    }

    @POST
    @Path("/certificates/{code}/revoke")
    public Response revoke(@HeaderParam("Authorization") String token, @PathParam("code") String code,
            String json) throws Exception {
        TrainingRestClient.Revoke body = JSON.readValue(json, TrainingRestClient.Revoke.class);
        Response failed = record("revoke", token, body.reason());
        if (failed != null) {
            return failed;
        }
        Certificate c = CERTIFICATES.get(code);
        Certificate revoked = new Certificate(c.code(), c.holderName(), c.courseCode(), c.courseTitle(),
                c.completedOn(), c.issuer(), c.issuedAt(), c.signature(), true, Instant.now(), body.reason());
        CERTIFICATES.put(code, revoked);
        return json(200, revoked);
    }

    @GET
    @Path("/reports/training")
    public Response report(@HeaderParam("Authorization") String token) {
        Response failed = record("report", token, null);
        return failed != null ? failed : json(200, report);
    }
}
