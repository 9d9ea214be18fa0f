package io.agrilink.training.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.platform.security.ServiceAuthorization;

/** catalog-service as training-service uses it (role {@code service}). */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/farmers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogRestClient {

    /** Body of the livestream-ready call. */
    record LivestreamReady(String certificateCode) {
    }

    /** How many products the producers a farmer owns list. */
    record FarmerListings(String subject, long products) {
    }

    /**
     * What a farmer did in the catalogue up to a moment, for the funnel: her producers (province and
     * commune of the first), her team, products listed and livestreams hosted.
     */
    record FarmerActivity(String subject, List<Long> producerIds, String province, String commune, Long teamId,
            String teamName, long productsListed, Instant firstListedAt, long streamsHosted, Instant firstStreamAt) {
    }

    @PUT
    @Path("/{subject}/livestream-ready")
    void livestreamReady(@PathParam("subject") String subject, LivestreamReady body);

    @GET
    @Path("/listings")
    List<FarmerListings> listings(@QueryParam("subject") List<String> subjects);

    /** At most {@link CatalogClient#SUBJECTS_PER_CALL} subjects a call; an unknown one answers a row of zeros. */
    @GET
    @Path("/activity")
    List<FarmerActivity> activity(@QueryParam("subject") List<String> subjects, @QueryParam("until") Instant until);
}
