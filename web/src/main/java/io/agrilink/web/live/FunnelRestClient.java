package io.agrilink.web.live;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.client.UserToken;

/** training-service's funnel report, as JSON for the page and as CSV passed through to staff's browser. */
@RegisterRestClient(configKey = "training")
@RegisterClientHeaders(UserToken.class)
@Path("/reports/funnel")
public interface FunnelRestClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Funnel funnel(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to);

    /** The same report as CSV ({@code Accept: text/csv}, and {@code format=csv} as the service also takes). */
    @GET
    @Produces("text/csv")
    Response csv(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format);
}
