package io.agrilink.order.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agrilink.platform.web.Page;
import io.agrilink.order.CustomerOrder;
import io.agrilink.order.service.OrderLifecycle;
import io.agrilink.order.service.OrderPlacement;
import io.agrilink.order.service.OrderQueries;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.web.InterService;
import io.smallrye.mutiny.Uni;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    OrderPlacement placement;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    OrderQueries orders;

    @Inject
    Caller caller;

    /*
     * Not blocking: the request waits for its placement batch without holding a worker thread,
     * so thousands of buyers can wait at once.
     */
    @POST
    @RolesAllowed(Roles.BUYER)
    @Operation(summary = "Place an order", description = "Reserves the stock in catalog-service at the catalogue's "
            + "current price (the campaign price while the campaign runs). Needs an Idempotency-Key: the same key "
            + "and body again returns the first answer.")
    @APIResponse(responseCode = "201", description = "Placed: CONFIRMED (cash on delivery) or PLACED awaiting the bank transfer")
    @APIResponse(responseCode = "400", description = "Invalid body, missing Idempotency-Key, unknown lot")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a buyer")
    @APIResponse(responseCode = "409", description = "Sold out (gramsLeft), campaign limit reached, or the same key still in flight")
    @APIResponse(responseCode = "422", description = "The key was used before with a different body, or no one cold chain "
            + "can carry the lines (temperature ranges apart, or outside what logistics carries; the lines are named)")
    @APIResponse(responseCode = "503", description = "The catalogue or the database is unavailable; nothing was ordered")
    public Uni<Response> place(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull PlaceOrderRequest request, @Context SecurityContext security) {
        String buyer = security.getUserPrincipal().getName();
        return Uni.createFrom().completionStage(placement.place(buyer, idempotencyKey, request.toNewOrder()))
                .map(answer -> {
                    Response.ResponseBuilder response = Response.status(answer.status())
                            .type(MediaType.APPLICATION_JSON).entity(answer.body())
                            .location(URI.create("/orders/" + answer.orderId()));
                    if (answer.replayed()) {
                        response.header("Idempotent-Replayed", "true");
                    }
                    return response.build();
                });
    }

    @GET
    @RolesAllowed({ Roles.BUYER, Roles.STAFF })
    @Operation(summary = "List orders", description = "A buyer sees their own orders; staff see all, optionally one buyer's.")
    @APIResponse(responseCode = "200", description = "One page of orders, newest first")
    @APIResponse(responseCode = "400", description = "Invalid page, size or status")
    public Page<OrderView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @QueryParam("status") @Size(max = 30) String status,
            @QueryParam("buyer") @Size(max = 200) String buyer) {
        return Page.of(orders.list(buyer, status), page, size, OrderView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BUYER, Roles.FARMER, Roles.STAFF })
    @Operation(summary = "One order", description = "Its buyer, the farmers of its lines, and staff can read it.")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "No such order, or not one of yours")
    public OrderView get(@PathParam("id") long id) {
        CustomerOrder order = orders.visible(id);
        OrderView view = OrderView.of(order);
        return orders.seesDeliveryCode(order) ? view : view.withoutDeliveryCode();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.BUYER, Roles.FARMER, Roles.STAFF })
    @Operation(summary = "The order's audit trail", description = "Who did what, when, with the status before and after.")
    @APIResponse(responseCode = "200", description = "The entries, oldest first")
    @APIResponse(responseCode = "404", description = "No such order, or not one of yours")
    public List<OrderRequests.HistoryEntry> history(@PathParam("id") long id) {
        return orders.history(id).stream().map(OrderRequests.HistoryEntry::of).toList();
    }

    @POST
    @Path("/{id}/payment")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Record the bank transfer", description = "PLACED → CONFIRMED; the reservation is confirmed in catalog-service.")
    @APIResponse(responseCode = "200", description = "The confirmed order")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Not a bank-transfer order awaiting payment, or its payment window closed")
    public OrderView markPaid(@PathParam("id") long id, @Valid OrderRequests.Payment payment) {
        return OrderView.of(lifecycle.markPaid(id, actor(), payment == null ? null : payment.reference()));
    }

    @POST
    @Path("/{id}/packing")
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "Record what was packed", description = "The farmer who owns the lines gives the packed weight "
            + "of each; when every line is packed the order is READY_FOR_PICKUP and handed to logistics-service.")
    @APIResponse(responseCode = "200", description = "The order, READY_FOR_PICKUP once every line is packed")
    @APIResponse(responseCode = "400", description = "A line is not part of the order, or a weight is invalid")
    @APIResponse(responseCode = "403", description = "A line belongs to another farmer")
    @APIResponse(responseCode = "404", description = "No such order, or none of its lines are yours")
    @APIResponse(responseCode = "409", description = "The order is not CONFIRMED")
    public OrderView pack(@PathParam("id") long id, @Valid @NotNull OrderRequests.Packing packing) {
        return OrderView.of(lifecycle.pack(id, actor(), packing.lines().stream()
                .map(l -> new OrderLifecycle.PackedLine(l.lineId(), l.packedGrams())).toList()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.BUYER, Roles.STAFF })
    @Operation(summary = "Cancel the order", description = "Before the carrier picks it up. Before the handoff to "
            + "logistics-service the order is CANCELLED at once; after it, CANCELLING until logistics-service "
            + "withdraws the shipment (then CANCELLED, stock released) or refuses because it was picked up meanwhile "
            + "(back to READY_FOR_PICKUP, CANCEL_REFUSED in the history).")
    @APIResponse(responseCode = "200", description = "The order, CANCELLED or CANCELLING")
    @APIResponse(responseCode = "404", description = "No such order, or not one of yours")
    @APIResponse(responseCode = "409", description = "Picked up by the carrier (staff too), being cancelled, delivered or cancelled")
    public OrderView cancel(@PathParam("id") long id, @Valid OrderRequests.Cancellation cancellation) {
        return OrderView.of(lifecycle.cancel(id, actor(), cancellation == null ? null : cancellation.reason()));
    }

    @POST
    @Path("/{id}/shipment-events")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Shipment status from logistics-service", description = "PICKED_UP → HANDED_OVER, "
            + "IN_TRANSIT/OUT_FOR_DELIVERY → IN_TRANSIT, DELIVERED → DELIVERED, CANCELLED → CANCELLED (stock released); "
            + "ASSIGNED, FAILED_ATTEMPT and RETURNED are recorded only. A repeated eventId has no effect.")
    @APIResponse(responseCode = "200", description = "Applied, or a repeat of an event already applied (applied: false)")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "A step backwards, a cancellation after pickup, or the order was never handed to logistics")
    public OrderRequests.ShipmentEventResult shipmentEvent(@PathParam("id") long id,
            @Valid @NotNull OrderRequests.ShipmentEvent event) {
        OrderLifecycle.EventOutcome outcome = lifecycle.shipmentEvent(id, new OrderLifecycle.ShipmentEvent(
                event.eventId(), event.shipmentId(), event.status(), event.occurredAt(), event.location(),
                event.note()), caller.subject());
        return new OrderRequests.ShipmentEventResult(id, outcome.order().status, outcome.applied());
    }

    private OrderLifecycle.Actor actor() {
        return new OrderLifecycle.Actor(caller.subject(), caller.isStaff());
    }
}
