package io.agrilink.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.security.Roles;
import io.agrilink.training.service.ReportService;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportService reports;

    @GET
    @Path("/training")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Enrolments, attendance, completion and no-show rates by course, province and commune; "
            + "waitlists; trained farmers who list products (catalog-service)")
    @APIResponse(responseCode = "200", description = "The report; listings.catalog says if catalog-service was unavailable")
    public ReportService.Report training(@QueryParam("courseId") Long courseId) {
        return reports.report(courseId);
    }
}
