package io.agrilink.order.rest;

import java.time.Instant;
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

/** An order's money: its buyer starts paying it, and sees (as staff do) its payments and refunds. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/orders/{id}/payments")
public class OrderPaymentResource {

    /** An order's money: what is due, its payments and refunds. */
    public record OrderPayments(long orderId, CustomerOrder.Status orderStatus, CustomerOrder.Payment method,
            long amount, Instant paymentDueAt, List<PaymentView> payments, List<RefundView> refunds) {
    }

    @Inject
    PaymentLedger ledger;

    @Inject
    PaymentQueries queries;

    @Inject
    Caller caller;

    @Inject
    PaymentViews views;

    @Inject
    HttpServerRequest request;

    @GET
    @RolesAllowed({ Roles.BUYER, Roles.STAFF })
    @Operation(summary = "An order's payments and refunds", description = "For its buyer and staff.")
    @APIResponse(responseCode = "200", description = "What is due, the payments and refunds, oldest first")
    @APIResponse(responseCode = "404", description = "No such order, or not yours")
    public OrderPayments ofOrder(@PathParam("id") long id) {
        PaymentQueries.OrderMoney money = queries.ofOrder(id);
        CustomerOrder order = money.order();
        return new OrderPayments(order.id, order.status, order.payment, order.totalAmount, order.paymentDueAt,
                money.payments().stream().map(views::of).toList(),
                money.refunds().stream().map(RefundView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.BUYER)
    @Operation(summary = "Pay the order", description = "Starts the payment with the order's method, or returns the one "
            + "started before: a VietQR code to scan, or the VNPay/Stripe page to go to.")
    @APIResponse(responseCode = "200", description = "The pending payment")
    @APIResponse(responseCode = "404", description = "No such order, or not yours")
    @APIResponse(responseCode = "409", description = "The order is not waiting for a payment (cash on delivery, paid, cancelled, expired)")
    @APIResponse(responseCode = "503", description = "The provider is not answering; nothing was charged")
    public PaymentView start(@PathParam("id") long id, @HeaderParam("X-Forwarded-For") String forwardedFor) {
        return views.of(ledger.start(id, caller.subject(), buyerIp(forwardedFor)));
    }

    /** VNPay wants the buyer's address: the first hop the ingress saw, else the caller's. */
    private String buyerIp(String forwardedFor) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String first = forwardedFor.split(",")[0].strip();
            if (first.matches("[0-9a-fA-F:.]{2,45}")) {
                return first;
            }
        }
        return request.remoteAddress() == null ? "127.0.0.1" : request.remoteAddress().hostAddress();
    }
}
