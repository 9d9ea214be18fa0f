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

    /** The bank's reference of the transfer, for the audit trail (optional). */
    record Payment(String reference) {
    }

    /** Why staff cancel (optional), for the audit trail. */
    record Cancellation(String reason) {
    }
}
