package io.agrilink.order.rest;

import java.time.Instant;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agrilink.order.service.LivestreamCounters;
import io.agrilink.order.service.LivestreamReplica;
import io.agrilink.order.service.PublicCounters;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.platform.web.InterService;

/**
 * Livestreams as order-service knows them: catalog-service's snapshots (the replica that
 * attribution reads), a stream's public counter, and its results for staff and its hosts.
 */
@Path("/livestreams")
@Produces(MediaType.APPLICATION_JSON)
public class LivestreamResource {

    static final String CODE = "[A-Za-z0-9]{4,12}";
    static final String CODE_MESSAGE = "must be a livestream's code: 4 to 12 letters or digits";

    private static final CacheControl ONE_SECOND = CacheControl.valueOf("public, max-age=1");

    @Inject
    LivestreamReplica replica;

    @Inject
    LivestreamCounters counters;

    @Inject
    AgriLinkTime time;

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "A livestream's snapshot from catalog-service", description = "Stored iff its version "
            + "is newer than the one held; an older or equal one is ignored. Attribution uses it within a second.")
    @APIResponse(responseCode = "204", description = "Stored, or ignored as not newer")
    @APIResponse(responseCode = "400", description = "Invalid snapshot, or its id is not the path's")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    @APIResponse(responseCode = "409", description = "Another livestream already has this code")
    public Response snapshot(@PathParam("id") long id, @Valid @NotNull LivestreamSnapshotRequest snapshot) {
        if (snapshot.id() != id) {
            throw ProblemException.invalid("id", "is " + snapshot.id() + ", not the path's " + id);
        }
        replica.store(snapshot.toSnapshot());
        return Response.noContent().build();
    }

    @Inject
    PublicCounters publicCounters;

    @GET
    @Path("/{code}/counter")
    @PermitAll
    @Operation(summary = "A livestream's public counter", description = "Orders and grams attributed to the stream "
            + "(cancelled orders excluded), by Vietnamese province, by country and per minute (programme time), and "
            + "the headline (\"54,2 t in 6 h 03 min\"). No amount, no buyer. Cacheable for 1 s.")
    @APIResponse(responseCode = "200", description = "The counter")
    @APIResponse(responseCode = "400", description = "Not a livestream code")
    @APIResponse(responseCode = "404", description = "No livestream has this code")
    public Response counter(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
        PublicCounters.AsOf counter = publicCounters.of(code.toUpperCase(Locale.ROOT));
        return Response.ok(LivestreamViews.Counter.of(counter.counter(), counter.asOf(), false, time.zone()))
                .cacheControl(ONE_SECOND).build();
    }

    @GET
    @Path("/{code}/results")
    @RolesAllowed({ Roles.STAFF, Roles.FARMER, Roles.BUYER })
    @Operation(summary = "A livestream's results", description = "The counter with revenue (whole đồng) on the totals "
            + "and every group. Staff, and the stream's movers: a host's account, or a member of a TEAM host's team.")
    @APIResponse(responseCode = "200", description = "The results")
    @APIResponse(responseCode = "400", description = "Not a livestream code")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff nor one of the stream's hosts")
    @APIResponse(responseCode = "404", description = "No livestream has this code")
    public LivestreamViews.Counter results(
            @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
        Instant asOf = Instant.now();
        return LivestreamViews.Counter.of(counters.results(code.toUpperCase(Locale.ROOT), asOf), asOf, true,
                time.zone());
    }
}
