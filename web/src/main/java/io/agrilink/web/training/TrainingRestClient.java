package io.agrilink.web.training;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.client.Page;
import io.agrilink.web.client.UserToken;

/** training-service's endpoints the training screens use, called as the signed-in farmer or staff member. */
@RegisterRestClient(configKey = "training")
@RegisterClientHeaders(UserToken.class)
@Consumes(MediaType.APPLICATION_JSON)
public interface TrainingRestClient {

    /** One line of the register: ATTENDED, PARTIAL or NO_SHOW. */
    record AttendanceLine(long enrolmentId, String attendance) {
    }

    record Attendance(List<AttendanceLine> records) {
    }

    record Revoke(String reason) {
    }

    @GET
    @Path("/courses")
    Page<Course> courses(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Sessions by start; {@code from} an ISO instant or null for all. */
    @GET
    @Path("/sessions")
    Page<Session> sessions(@QueryParam("from") String from, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/sessions/{id}")
    Session session(@PathParam("id") long id);

    /** A farmer enrols themself: the body may be empty. */
    @POST
    @Path("/sessions/{id}/enrolments")
    Enrolment enrol(@PathParam("id") long sessionId, Map<String, String> body);

    @GET
    @Path("/sessions/{id}/enrolments")
    Page<Enrolment> register(@PathParam("id") long sessionId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @PUT
    @Path("/sessions/{id}/attendance")
    List<Enrolment> attendance(@PathParam("id") long sessionId, Attendance attendance);

    @GET
    @Path("/me/enrolments")
    Page<Enrolment> myEnrolments(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/me/certificates")
    Page<Certificate> myCertificates(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/enrolments/{id}/accept")
    Enrolment accept(@PathParam("id") long enrolmentId, Map<String, String> body);

    @GET
    @Path("/certificates/{code}")
    Certificate certificate(@PathParam("code") String code);

    /** Checks the certificate's signature ({@code jws}) and whether it is revoked. */
    @POST
    @Path("/certificates/verify")
    Certificate.Verdict verify(Map<String, String> jws);

    @POST
    @Path("/certificates/{code}/revoke")
    Certificate revoke(@PathParam("code") String code, Revoke reason);

    @GET
    @Path("/reports/training")
    TrainingReport report();
}
