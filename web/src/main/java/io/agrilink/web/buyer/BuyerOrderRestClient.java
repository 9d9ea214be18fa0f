package io.agrilink.web.buyer;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.client.Page;
import io.agrilink.web.client.UserToken;

/** order-service as the signed-in buyer: place an order, read and cancel their own. */
@RegisterRestClient(configKey = "order")
@RegisterClientHeaders(UserToken.class)
@Path("/orders")
public interface BuyerOrderRestClient {

    record Cancellation(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    BuyerOrder place(@HeaderParam("Idempotency-Key") String idempotencyKey, PlaceOrder order);

    @GET
    Page<BuyerOrder> mine(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    BuyerOrder order(@PathParam("id") long id);

    @GET
    @Path("/{id}/history")
    List<OrderHistoryEntry> history(@PathParam("id") long id);

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    BuyerOrder cancel(@PathParam("id") long id, Cancellation cancellation);
}
