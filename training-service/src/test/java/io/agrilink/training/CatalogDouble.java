package io.agrilink.training;

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
 * ({@code PUT /farmers/{subject}/livestream-ready}, {@code GET /farmers/listings}), deployed in
 * the test app. Records what it accepted and can be switched to answer 503, as in an outage.
 */
@Path("/test-double/catalog/farmers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogDouble {

    public record LivestreamReady(String certificateCode) {
    }

    public record FarmerListings(String subject, long products) {
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
}
