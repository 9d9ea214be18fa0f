package io.agrilink.web.staff.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import io.agrilink.web.payment.Refund;

/** order-service as staff use it, with the staff member's own token. */
@RegisterRestClient(configKey = "order")
@RegisterClientHeaders(UserToken.class)
public interface StaffOrderRestClient {

    @GET
    @Path("/dashboard/campaigns/{id}")
    Dashboard dashboard(@PathParam("id") long campaignId);

    @GET
    @Path("/orders")
    Page<StaffOrder> orders(@QueryParam("status") String status, @QueryParam("buyer") String buyer,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/orders/{id}")
    StaffOrder order(@PathParam("id") long id);

    @GET
    @Path("/orders/{id}/history")
    List<StaffOrder.HistoryEntry> history(@PathParam("id") long id);

    @POST
    @Path("/orders/{id}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    StaffOrder markPaid(@PathParam("id") long id, Payment payment);

    @POST
    @Path("/orders/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    StaffOrder cancel(@PathParam("id") long id, Cancellation cancellation);

    @GET
    @Path("/orders/{id}/payments")
    OrderPayments orderPayments(@PathParam("id") long id);

    /** Payments of every order: by status, by method, or only those whose amount did not match. */
    @GET
    @Path("/payments")
    // the payment method's record, not this client's Payment (the "mark paid" body)
    Page<io.agrilink.web.payment.Payment> payments(@QueryParam("status") String status, @QueryParam("method") String method,
            @QueryParam("mismatch") Boolean mismatch, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/refunds")
    Page<Refund> refunds(@QueryParam("status") String status, @QueryParam("method") String method,
            @QueryParam("page") int page, @QueryParam("size") int size);

    /** A bank-transfer refund staff sent by hand: REQUESTED → DONE with the transfer's reference (409 otherwise). */
    @POST
    @Path("/refunds/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    Refund completeRefund(@PathParam("id") long id, RefundSent sent);

    /** The reference of the transfer staff sent back to the buyer. */
    record RefundSent(String reference) {
    }

    /** The bank's reference of the transfer, for the audit trail (optional). */
    record Payment(String reference) {
    }

    /** Why staff cancel (optional), for the audit trail. */
    record Cancellation(String reason) {
    }
}
