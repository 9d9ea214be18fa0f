package io.agrilink.order.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.PaymentLedger;
import io.agrilink.order.payment.PaymentProviders;
import io.agrilink.order.payment.PaymentQueries;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.web.Page;
import io.vertx.core.http.HttpServerRequest;

/** Refunds: staff follow them, and complete the bank transfers they send back by hand. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/refunds")
public class RefundResource {

    public record RefundDone(@NotBlank @Size(max = 200) String reference) {
    }

    @Inject
    PaymentLedger ledger;

    @Inject
    PaymentQueries queries;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Refunds", description = "Those still REQUESTED first, the longest waiting first.")
    @APIResponse(responseCode = "200", description = "One page of refunds")
    @APIResponse(responseCode = "400", description = "Invalid status, method, page or size")
    public Page<RefundView> refunds(@QueryParam("status") @Size(max = 20) String status,
            @QueryParam("method") @Size(max = 20) String method,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Page.of(queries.refunds(status, method), page, size, RefundView::of);
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "A bank-transfer refund was sent", description = "Staff transferred the money back by hand: "
            + "REQUESTED → DONE with their transfer's reference.")
    @APIResponse(responseCode = "200", description = "The refund, DONE")
    @APIResponse(responseCode = "400", description = "No reference")
    @APIResponse(responseCode = "404", description = "No such refund")
    @APIResponse(responseCode = "409", description = "Not a REQUESTED bank-transfer refund (refundStatus)")
    public RefundView complete(@PathParam("id") long id, @Valid @NotNull RefundDone done) {
        return RefundView.of(ledger.completeByStaff(id, caller.subject(), done.reference().strip()));
    }
}
