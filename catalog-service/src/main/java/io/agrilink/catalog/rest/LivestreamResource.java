package io.agrilink.catalog.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.catalog.Campaign;
import io.agrilink.catalog.Livestream;
import io.agrilink.catalog.service.LivestreamCodes;
import io.agrilink.catalog.service.LivestreamService;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;

/** Livestreams: public to read, scheduled by staff or a host, moved by staff or a mover. */
@Path("/livestreams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LivestreamResource {

    /** Most streams one list answers. */
    static final int MOST = 100;

    @Inject
    LivestreamService streams;

    @POST
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "Schedule a livestream", description = "A title, a platform and its https URL, planned start "
            + "and end (at most 24 h), the campaign and 0–20 of its lots, 1–5 hosts. A farmer schedules only a stream "
            + "she would move (its FARMER host, a host's subject, or a member of its TEAM host's team). Answers with its "
            + "code, for the host to read out and the link to carry.")
    @APIResponse(responseCode = "201", description = "Scheduled; Location /livestreams/{code}")
    @APIResponse(responseCode = "400", description = "Invalid field (url, plannedEnd, hosts[i] ...)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither staff nor farmer, or a farmer who would not move it")
    @APIResponse(responseCode = "422", description = "Unknown campaign (campaignId) or team (hosts[i].teamId), a lot "
            + "not in the campaign (lotIds[i])")
    public Response schedule(@Valid @NotNull LivestreamRequest input) {
        Livestream stream = streams.get(streams.schedule(input.toDetails()).code);
        return Response.created(URI.create("/livestreams/" + stream.code)).entity(view(stream)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Livestreams, newest planned start first (at most 100)", description = "By state, campaign, "
            + "and planned start in [from, to)")
    @APIResponse(responseCode = "200", description = "The streams")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public List<LivestreamView> list(
            @QueryParam("state") @Parameter(schema = @Schema(enumeration = { "SCHEDULED", "LIVE", "ENDED",
                    "CANCELLED" }, type = SchemaType.STRING)) String state,
            @QueryParam("campaignId") Long campaignId,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to) {
        return streams.list(state(state), campaignId, Instants.parse(from, "from"), Instants.parse(to, "to"), MOST).stream().map(this::view).toList();
    }

    @GET
    @Path("/mine")
    @RolesAllowed({ Roles.STAFF, Roles.FARMER, Roles.BUYER })
    @Operation(summary = "The streams the caller may move", description = "She is a host's subject, or a member of a "
            + "TEAM host's team; newest planned start first")
    @APIResponse(responseCode = "200", description = "Her streams, each with mayMove")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither staff, farmer nor buyer")
    public List<LivestreamView> mine() {
        return streams.mine().stream().map(this::view).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "A livestream by its code (case-insensitive)")
    @APIResponse(responseCode = "200", description = "The stream")
    @APIResponse(responseCode = "400", description = "Not a livestream code (code)")
    @APIResponse(responseCode = "404", description = "No stream has that code")
    public LivestreamView get(@PathParam("code") String code) {
        return view(streams.get(LivestreamCodes.normalise(code, "code")));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({ Roles.STAFF, Roles.FARMER, Roles.BUYER })
    @Operation(summary = "Change a scheduled livestream", description = "Title, platform, url, planned times, lots and "
            + "hosts; its campaign stays. Staff or a mover, who stays one.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither staff nor a mover")
    @APIResponse(responseCode = "404", description = "No stream has that code")
    @APIResponse(responseCode = "409", description = "Not SCHEDULED (state)")
    @APIResponse(responseCode = "422", description = "Another campaign, an unknown team, a lot not in the campaign")
    public LivestreamView update(@PathParam("code") String code, @Valid @NotNull LivestreamRequest input) {
        return view(streams.get(streams.update(LivestreamCodes.normalise(code, "code"), input.toDetails()).code));
    }

    @POST
    @Path("/{code}/start")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.STAFF, Roles.FARMER, Roles.BUYER })
    @Operation(summary = "Go live: SCHEDULED → LIVE", description = "startedAt is now; orders with its code count for it")
    @APIResponse(responseCode = "200", description = "LIVE")
    @APIResponse(responseCode = "400", description = "Not a livestream code (code)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither staff nor a mover")
    @APIResponse(responseCode = "404", description = "No stream has that code")
    @APIResponse(responseCode = "409", description = "Not SCHEDULED (state)")
    public LivestreamView start(@PathParam("code") String code) {
        return view(streams.get(streams.start(LivestreamCodes.normalise(code, "code")).code));
    }

    @POST
    @Path("/{code}/end")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.STAFF, Roles.FARMER, Roles.BUYER })
    @Operation(summary = "End it: LIVE → ENDED", description = "endedAt is now")
    @APIResponse(responseCode = "200", description = "ENDED")
    @APIResponse(responseCode = "400", description = "Not a livestream code (code)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither staff nor a mover")
    @APIResponse(responseCode = "404", description = "No stream has that code")
    @APIResponse(responseCode = "409", description = "Not LIVE (state)")
    public LivestreamView end(@PathParam("code") String code) {
        return view(streams.get(streams.end(LivestreamCodes.normalise(code, "code")).code));
    }

    @POST
    @Path("/{code}/cancel")
    @RolesAllowed({ Roles.STAFF, Roles.FARMER, Roles.BUYER })
    @Operation(summary = "Cancel it: SCHEDULED → CANCELLED", description = "With a reason, shown on its page")
    @APIResponse(responseCode = "200", description = "CANCELLED")
    @APIResponse(responseCode = "400", description = "No reason, or not a livestream code (code)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither staff nor a mover")
    @APIResponse(responseCode = "404", description = "No stream has that code")
    @APIResponse(responseCode = "409", description = "Not SCHEDULED (state)")
    public LivestreamView cancel(@PathParam("code") String code, @Valid @NotNull ReasonRequest input) {
        return view(streams.get(streams.cancel(LivestreamCodes.normalise(code, "code"), input.reason()).code));
    }

    /* parsed here so that a wrong state is a 400 naming it (an enum parameter that does not convert answers 404) */
    private static Livestream.State state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return Livestream.State.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("state", "must be one of SCHEDULED, LIVE, ENDED, CANCELLED");
        }
    }

    private LivestreamView view(Livestream s) {
        Campaign campaign = streams.campaign(s);
        return new LivestreamView(s.id, s.code, s.title, s.platform.name(), s.url, s.plannedStart, s.plannedEnd,
                s.state.name(), s.startedAt, s.endedAt, s.cancelledAt, s.cancelReason,
                new LivestreamView.CampaignRef(campaign.id, campaign.name), s.lotIds.stream().sorted().toList(),
                s.hosts.stream().map(h -> new LivestreamView.Host(h.kind.name(), h.name, h.teamId)).toList(),
                "/live/" + s.code, streams.mayMove(s) ? Boolean.TRUE : null);
    }
}
