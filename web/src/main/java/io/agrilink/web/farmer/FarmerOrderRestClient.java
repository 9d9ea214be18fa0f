package io.agrilink.web.farmer;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.client.UserToken;

/** order-service's packing endpoints, called as the signed-in farmer (order-service picks her lines). */
@RegisterRestClient(configKey = "order")
@RegisterClientHeaders(UserToken.class)
public interface FarmerOrderRestClient {

    /** Today's list (Việt Nam time) of the calling farmer's lines. */
    @GET
    @Path("/packing-list")
    PackingList packingList(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/orders/{id}/packing")
    @Consumes(MediaType.APPLICATION_JSON)
    void pack(@PathParam("id") long orderId, PackingList.Packing packing);
}
