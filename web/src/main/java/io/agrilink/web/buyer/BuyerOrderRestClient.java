package io.agrilink.web.buyer;

import java.util.List;
import java.util.Map;

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
import io.agrilink.web.payment.OrderPayments;
import io.agrilink.web.payment.Payment;

/** order-service as the signed-in buyer: place an order, read, pay and cancel their own. */
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

    /**
     * Starts the order's payment with its provider, or answers the one already pending: 409 when the
     * order no longer awaits payment, 503 when the provider is down. VNPay wants the buyer's address.
     */
    @POST
    @Path("/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    Payment startPayment(@PathParam("id") long id, @HeaderParam("X-Forwarded-For") String buyerIp,
            Map<String, String> none);

    @GET
    @Path("/{id}/payments")
    OrderPayments payments(@PathParam("id") long id);

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    BuyerOrder cancel(@PathParam("id") long id, Cancellation cancellation);
}
