package io.agrilink.web.buyer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** order-service's public campaign counter: no token, so an expired session never breaks the live page. */
@RegisterRestClient(configKey = "order")
@Path("/campaigns")
public interface CampaignCounterRestClient {

    @GET
    @Path("/{id}/counter")
    CampaignCounter counter(@PathParam("id") long campaignId);
}
