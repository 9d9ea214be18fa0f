package io.agrilink.catalog.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.platform.security.ServiceAuthorization;

/** order-service as catalog-service uses it (role {@code service}): its replica of each livestream. */
@RegisterRestClient(configKey = "order")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/livestreams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OrderRestClient {

    /**
     * What order-service keeps of a stream to attribute orders and answer its results: its hosts with
     * the subjects that may see them, a TEAM host with its team's members. order-service keeps the
     * highest {@code version} it was given.
     */
    record LivestreamSnapshot(long id, String code, long campaignId, String title, String state,
            Instant plannedStart, Instant plannedEnd, Instant startedAt, Instant endedAt, Long teamId, String teamName,
            List<Host> hosts, long version) {
    }

    record Host(String kind, String name, String subject, Long teamId, List<String> members) {
    }

    /** 204 whether taken or older than what order-service holds. */
    @PUT
    @Path("/{id}")
    void livestream(@PathParam("id") long id, LivestreamSnapshot snapshot);
}
