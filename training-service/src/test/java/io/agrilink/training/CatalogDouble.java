package io.agrilink.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Test-only stand-in for catalog-service's side of the contract with training-service
 * ({@code PUT /farmers/{subject}/livestream-ready}, {@code GET /farmers/listings},
 * {@code GET /farmers/activity}), deployed in the test app. Records what it accepted and can be switched to answer 503, as in an outage.
 */
@Path("/test-double/catalog/farmers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogDouble {

    public record LivestreamReady(String certificateCode) {
    }

    public record FarmerListings(String subject, long products) {
    }

    public record FarmerActivity(String subject, List<Long> producerIds, String province, String commune,
            Long teamId, String teamName, long productsListed, Instant firstListedAt, long streamsHosted,
            Instant firstStreamAt) {
    }

    public static final AtomicBoolean DOWN = new AtomicBoolean();
    /** Subjects for which the badge call is refused with 400, a refusal retrying cannot fix. */
    public static final Set<String> REJECTED = ConcurrentHashMap.newKeySet();
    /** Subject → how many calls were answered 400. */
    public static final Map<String, Integer> BAD_REQUESTS = new ConcurrentHashMap<>();
    /** Subject → certificate codes of the calls answered 204. */
    public static final Map<String, List<String>> ACCEPTED = new ConcurrentHashMap<>();
    /** Subject → how many calls were answered 503. */
    public static final Map<String, Integer> REFUSED = new ConcurrentHashMap<>();
    /** Subject → products listed by the producers the farmer owns. */
    public static final Map<String, Long> PRODUCTS = new ConcurrentHashMap<>();
    /** Subject → her activity in the catalogue; anyone else answers a row of zeros and nulls, as catalog does. */
    public static final Map<String, FarmerActivity> ACTIVITY = new ConcurrentHashMap<>();
    /** How many subjects each activity call asked about, and its until, in order. */
    public static final List<Integer> ACTIVITY_CALLS = new CopyOnWriteArrayList<>();
    public static final List<Instant> ACTIVITY_UNTIL = new CopyOnWriteArrayList<>();

    @PUT
    @Path("/{subject}/livestream-ready")
    @RolesAllowed("service")
    public Response livestreamReady(@PathParam("subject") String subject, LivestreamReady body) {
        if (REJECTED.contains(subject)) {
            BAD_REQUESTS.merge(subject, 1, Integer::sum);
            return Response.status(400).build();
        }
        if (DOWN.get()) {
            REFUSED.merge(subject, 1, Integer::sum);
            return Response.status(503).build();
        }
        ACCEPTED.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>()).add(body.certificateCode());
        return Response.noContent().build();
    }

    @GET
    @Path("/listings")
    @RolesAllowed({ "service", "staff" })
    public Response listings(@QueryParam("subject") List<String> subjects) {
        if (DOWN.get()) {
            return Response.status(503).build();
        }
        return Response.ok(subjects.stream().map(s -> new FarmerListings(s, PRODUCTS.getOrDefault(s, 0L))).toList())
                .build();
    }

    @GET
    @Path("/activity")
    @RolesAllowed("service")
    public Response activity(@QueryParam("subject") List<String> subjects, @QueryParam("until") Instant until) {
        if (DOWN.get()) {
            return Response.status(503).build();
        }
        if (subjects.size() > 200) {
            return Response.status(400).build();
        }
        ACTIVITY_CALLS.add(subjects.size());
        ACTIVITY_UNTIL.add(until);
        return Response.ok(subjects.stream().map(s -> ACTIVITY.getOrDefault(s,
                new FarmerActivity(s, List.of(), null, null, null, null, 0, null, 0, null))).toList()).build();
    }
}
