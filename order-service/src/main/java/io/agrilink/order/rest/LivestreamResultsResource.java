package io.agrilink.order.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.order.service.LivestreamCounters;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;

/** The results of a farmer team's or a host's livestreams over a period. */
@Path("/livestream-results")
@Produces(MediaType.APPLICATION_JSON)
public class LivestreamResultsResource {

    @Inject
    LivestreamCounters counters;

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "A team's or a host's livestream results", description = "Streams with a TEAM host of "
            + "team (or a host whose account is host) started in [from, to) (ISO instants; all time by default): each "
            + "stream's orders, grams, revenue and headline, their sums, by province and by country, and the headline "
            + "over the streams' durations. Staff see any; a farmer her own (host) or her team's.")
    @APIResponse(responseCode = "200", description = "The results (no stream: zeros)")
    @APIResponse(responseCode = "400", description = "Neither or both of team and host, or a bad from/to")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff, nor the farmer herself or a member of the team")
    public LivestreamViews.Results results(@QueryParam("team") @Positive Long team,
            @QueryParam("host") @Size(min = 1, max = 200) String host, @QueryParam("from") @Size(max = 40) String from,
            @QueryParam("to") @Size(max = 40) String to) {
        if ((team == null) == (host == null)) {
            throw ProblemException.invalid("team", "give either team (a team's id) or host (a host's account), not "
                    + (team == null ? "neither" : "both"));
        }
        Periods period = Periods.of(from, to);
        Instant now = Instant.now();
        return LivestreamViews.Results.of(team, host, period.from(), period.to(),
                counters.results(team, host, period.fromOrBeginning(), period.toOrEnd(), now));
    }
}
