package io.agrilink.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.agrilink.training.Enrolment;
import io.agrilink.training.service.EnrolmentService;

@Path("/enrolments/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {

    @Inject
    EnrolmentService enrolments;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "Read an enrolment (the farmer or staff)")
    @APIResponse(responseCode = "200", description = "The enrolment, with its waitlist position")
    @APIResponse(responseCode = "403", description = "Another farmer's enrolment")
    @APIResponse(responseCode = "404", description = "No such enrolment")
    public EnrolmentView get(@PathParam("id") long id) {
        return view(owned(id));
    }

    @DELETE
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "Cancel a seat (before the cut-off), leave the waitlist, or decline an offer")
    @APIResponse(responseCode = "200", description = "The enrolment, now CANCELLED, LEFT_WAITLIST or DECLINED")
    @APIResponse(responseCode = "403", description = "Another farmer's enrolment")
    @APIResponse(responseCode = "404", description = "No such enrolment")
    @APIResponse(responseCode = "409", description = "After the cancellation cut-off, or already ended")
    public EnrolmentView withdraw(@PathParam("id") long id) {
        owned(id);
        return view(enrolments.withdraw(id, caller.isStaff()));
    }

    @POST
    @Path("/accept")
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "Accept the seat offered")
    @APIResponse(responseCode = "200", description = "SEATED")
    @APIResponse(responseCode = "403", description = "Another farmer's enrolment")
    @APIResponse(responseCode = "404", description = "No such enrolment")
    @APIResponse(responseCode = "409", description = "No offer, or the offer expired")
    public EnrolmentView accept(@PathParam("id") long id) {
        owned(id);
        return view(enrolments.accept(id));
    }

    @POST
    @Path("/decline")
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "Decline the seat offered; it passes to the next farmer waiting")
    @APIResponse(responseCode = "200", description = "DECLINED")
    @APIResponse(responseCode = "403", description = "Another farmer's enrolment")
    @APIResponse(responseCode = "404", description = "No such enrolment")
    @APIResponse(responseCode = "409", description = "No offer")
    public EnrolmentView decline(@PathParam("id") long id) {
        owned(id);
        return view(enrolments.decline(id));
    }

    private EnrolmentView view(Enrolment enrolment) {
        return EnrolmentView.of(enrolment, enrolments.standing(enrolment));
    }

    private Enrolment owned(long id) {
        Enrolment enrolment = Enrolment.<Enrolment> findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Enrolment", id));
        caller.requireSelfOrStaff(enrolment.farmer, "enrolment " + id);
        return enrolment;
    }
}
