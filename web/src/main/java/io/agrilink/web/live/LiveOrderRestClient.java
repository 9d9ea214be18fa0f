package io.agrilink.web.live;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.client.UserToken;

/** order-service's livestream figures: the public counter, and the results (with revenue) for staff and hosts. */
@RegisterRestClient(configKey = "order")
@RegisterClientHeaders(UserToken.class)
public interface LiveOrderRestClient {

    @GET
    @Path("/livestreams/{code}/counter")
    StreamCounter counter(@PathParam("code") String code);

    @GET
    @Path("/livestreams/{code}/results")
    StreamCounter results(@PathParam("code") String code);

    @GET
    @Path("/livestream-results")
    TeamResults teamResults(@QueryParam("team") long team);
}
