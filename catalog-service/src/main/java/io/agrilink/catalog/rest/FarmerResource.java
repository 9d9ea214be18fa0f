package io.agrilink.catalog.rest;

import java.time.Instant;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agrilink.catalog.service.FarmerActivity;
import io.agrilink.catalog.service.FarmerActivityService;
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

    /** What a farmer did in the catalogue up to {@code until}, for training-service's funnel. */
    public record ActivityView(String subject, List<Long> producerIds, String province, String commune, Long teamId,
            String teamName, long productsListed, Instant firstListedAt, long streamsHosted, Instant firstStreamAt) {

        static ActivityView of(FarmerActivity a) {
            return new ActivityView(a.subject(), a.producerIds(), a.province(), a.commune(), a.teamId(), a.teamName(),
                    a.productsListed(), a.firstListedAt(), a.streamsHosted(), a.firstStreamAt());
        }
    }

    @Inject
    ProducerService producers;

    @Inject
    FarmerActivityService activity;

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

    @GET
    @Path("/activity")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "What farmers did in the catalogue up to a moment", description = "For each subject asked "
            + "(at most 200): her producers (province and commune of the first), her team, the products created and "
            + "the streams started (as FARMER host, or as a member of a TEAM host's team) up to until (default now). "
            + "An unknown subject answers zeros and nulls.")
    @APIResponse(responseCode = "200", description = "One entry per subject asked, in that order")
    @APIResponse(responseCode = "400", description = "Too many subjects, a blank one, or until not an ISO instant")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    public List<ActivityView> activity(
            @QueryParam("subject") @Size(max = 200) List<@NotBlank @Size(max = 100) String> subjects,
            @QueryParam("until") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String until) {
        Instant upTo = Instants.parse(until, "until");
        return activity.of(subjects == null ? List.of() : subjects.stream().distinct().toList(),
                upTo == null ? Instant.now() : upTo).stream().map(ActivityView::of).toList();
    }
}
