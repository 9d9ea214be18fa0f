package io.agrilink.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.web.Page;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.agrilink.training.Certificate;
import io.agrilink.training.Enrolment;
import io.agrilink.training.Notice;
import io.agrilink.training.service.EnrolmentService;
import io.quarkus.panache.common.Sort;

/** The calling farmer's own enrolments, notices and certificates. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    EnrolmentService enrolmentService;

    @GET
    @Path("/notices")
    @RolesAllowed(Roles.FARMER)
    @Operation(summary = "My notices, newest first")
    @APIResponse(responseCode = "200", description = "A page of notices")
    public Page<NoticeView> notices(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = Notice.<Notice> find("farmer", Sort.descending("id"), caller.subject());
        return Page.of(query, page, size, NoticeView::of);
    }

    @GET
    @Path("/enrolments")
    @RolesAllowed(Roles.FARMER)
    @Operation(summary = "My enrolments, newest first")
    @APIResponse(responseCode = "200", description = "A page of enrolments")
    public Page<EnrolmentView> enrolments(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = Enrolment.<Enrolment> find("farmer", Sort.descending("id"), caller.subject());
        return Page.of(query, page, size, e -> EnrolmentView.of(e, enrolmentService.standing(e)));
    }

    @GET
    @Path("/certificates")
    @RolesAllowed(Roles.FARMER)
    @Operation(summary = "My certificates")
    @APIResponse(responseCode = "200", description = "A page of certificates")
    public Page<CertificateView> certificates(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = Certificate.<Certificate> find("farmer", Sort.descending("id"), caller.subject());
        return Page.of(query, page, size, CertificateView::of);
    }
}
