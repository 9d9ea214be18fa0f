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

/**
 * Which methods a buyer may choose, and staff's view of every payment (the mismatches to decide).
 * The providers' notifications come in at their own resources, in their own protocols.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/payments")
public class PaymentResource {

    /** A method and whether a buyer may choose it now; cash on delivery only for addresses in Vietnam. */
    public record Method(CustomerOrder.Payment method, boolean available, boolean domesticOnly) {
    }

    @Inject
    PaymentProviders providers;

    @Inject
    PaymentQueries queries;

    @Inject
    PaymentViews views;

    @GET
    @Path("/methods")
    @PermitAll
    @Operation(summary = "The payment methods", description = "Which a buyer may choose now: cash on delivery (Vietnam "
            + "only), a VietQR bank transfer, VNPay and Stripe once configured.")
    @APIResponse(responseCode = "200", description = "Every method, available or not")
    public List<Method> methods() {
        return Arrays.stream(CustomerOrder.Payment.values())
                .map(m -> new Method(m, providers.available(m), !m.online())).toList();
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Payments", description = "Newest first; mismatch=true: money arrived but not the amount due, "
            + "for staff to decide.")
    @APIResponse(responseCode = "200", description = "One page of payments")
    @APIResponse(responseCode = "400", description = "Invalid status, method, page or size")
    public Page<PaymentView> payments(@QueryParam("status") @Size(max = 20) String status,
            @QueryParam("method") @Size(max = 20) String method,
            @QueryParam("mismatch") @DefaultValue("false") boolean mismatch,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Page.of(queries.payments(status, method, mismatch), page, size, views::of);
    }
}
