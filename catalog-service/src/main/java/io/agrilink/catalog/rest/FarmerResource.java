package io.agrilink.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agrilink.catalog.service.ProducerService;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.web.InterService;

/** What training-service asks of and tells the catalogue about farmers. */
@Path("/farmers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FarmerResource {

    public record BadgeRequest(@NotBlank @Size(max = 100) String certificateCode) {
    }

    public record ListingView(String subject, long products) {
    }

    @Inject
    ProducerService producers;

    @PUT
    @Path("/{subject}/livestream-ready")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Grant the livestream-ready badge", description = "Every producer the farmer owns, now or "
            + "later, shows livestreamReady. Idempotent. Only training-service (role service) grants it.")
    @APIResponse(responseCode = "204", description = "Granted (or already granted)")
    @APIResponse(responseCode = "400", description = "No certificate code")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    public void grantLivestreamReady(@PathParam("subject") @Size(max = 100) String subject,
            @Valid @NotNull BadgeRequest badge) {
        producers.grantLivestreamBadge(subject, badge.certificateCode().strip());
    }

    @GET
    @Path("/listings")
    @Tag(name = InterService.TAG)
    @RolesAllowed({ Roles.SERVICE, Roles.STAFF })
    @Operation(summary = "How many products each farmer lists", description = "Through the producers they own")
    @APIResponse(responseCode = "200", description = "One entry per subject asked, 0 when none")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither service nor staff")
    public List<ListingView> listings(@QueryParam("subject") @Size(max = 500) List<@NotBlank @Size(max = 100) String> subjects) {
        return producers.listings(subjects == null ? List.of() : subjects.stream().distinct().toList())
                .entrySet().stream().map(e -> new ListingView(e.getKey(), e.getValue())).toList();
    }
}
