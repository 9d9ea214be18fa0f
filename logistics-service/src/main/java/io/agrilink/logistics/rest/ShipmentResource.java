package io.agrilink.logistics.rest;

import java.net.URI;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agrilink.platform.web.Page;
import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.rest.ShipmentRequests.AssignmentRequest;
import io.agrilink.logistics.rest.ShipmentRequests.CancellationRequest;
import io.agrilink.logistics.rest.ShipmentRequests.ChecklistTickRequest;
import io.agrilink.logistics.rest.ShipmentRequests.DeclineRequest;
import io.agrilink.logistics.rest.ShipmentRequests.ReadingRequest;
import io.agrilink.logistics.rest.ShipmentRequests.ShipmentRequest;
import io.agrilink.logistics.rest.ShipmentRequests.TrackingUpdateRequest;
import io.agrilink.logistics.rest.ShipmentRequests.WithdrawalRequest;
import io.agrilink.logistics.service.ShipmentDetails;
import io.agrilink.logistics.service.ShipmentService;
import io.agrilink.logistics.service.TenderService;
import io.agrilink.logistics.service.TrackingService;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.web.InterService;

@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    @Inject
    ShipmentService shipments;

    @Inject
    TenderService tenders;

    @Inject
    TrackingService tracking;

    @Inject
    Caller caller;

    // ------------------------------------------------------------ handoff from order-service

    @POST
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Hand over an order's goods (order-service only); idempotent on orderId")
    @APIResponse(responseCode = "201", description = "Shipment created; the body carries the buyer's deliveryCode",
            content = @Content(schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "200", description = "This order was handed over before: the same shipment",
            content = @Content(schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. a negative weight or an unknown province")
    public Response handOver(@Valid @NotNull ShipmentRequest request) {
        ShipmentService.Handoff handoff = shipments.handOver(request.toNewShipment());
        ShipmentView view = ShipmentView.of(handoff.details(), true);
        if (!handoff.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/shipments/" + view.id())).entity(view).build();
    }

    @POST
    @Path("/withdrawals")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Withdraw the shipment of a cancelled order (order-service only); idempotent on orderId",
            description = "Before pickup the shipment is CANCELLED; if the handoff has not arrived yet, it is refused when it comes.")
    @APIResponse(responseCode = "200", description = "Withdrawn: status CANCELLED, with the shipment id when there was one")
    @APIResponse(responseCode = "400", description = "No orderId")
    @APIResponse(responseCode = "409", description = "Already picked up: the shipment goes on (names currentStatus)")
    public WithdrawalView withdraw(@Valid @NotNull WithdrawalRequest request) {
        TenderService.Withdrawn withdrawn = tenders.withdraw(request.orderId(), caller.subject(), request.reason());
        return new WithdrawalView(withdrawn.orderId(), withdrawn.shipment() == null ? null : withdrawn.shipment().id,
                Shipment.Status.CANCELLED);
    }

    /** The outcome of a withdrawal; {@code shipmentId} is null when the handoff had not arrived. */
    public record WithdrawalView(long orderId, Long shipmentId, Shipment.Status status) {
    }

    // ------------------------------------------------------------ reading

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SERVICE })
    @Operation(summary = "Search shipments by status, carrier and (pickup or destination) province")
    @APIResponse(responseCode = "200", description = "A page of shipments, newest first")
    public Page<ShipmentView> search(@QueryParam("status") @Size(max = 20) String status,
            @QueryParam("carrierId") Long carrierId, @QueryParam("province") @Size(max = 100) String province,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return views(shipments.search(status(status), carrierId, province, page, size));
    }

    @GET
    @Path("/open")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Open shipments the calling carrier can serve (province, capabilities, capacity left)")
    @APIResponse(responseCode = "200", description = "A page of open shipments, earliest deadline first")
    @APIResponse(responseCode = "403", description = "The account is not a registered carrier")
    public Page<ShipmentView> open(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return views(tenders.openFor(caller.subject(), page, size));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Shipments the calling carrier holds")
    @APIResponse(responseCode = "200", description = "A page of shipments, newest first")
    public Page<ShipmentView> mine(@QueryParam("status") @Size(max = 20) String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return views(shipments.heldBy(caller.subject(), status(status), page, size));
    }

    @GET
    @Path("/at-risk")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Undelivered shipments due within N hours or with the cold chain broken")
    @APIResponse(responseCode = "200", description = "A page of shipments, earliest deadline first")
    public Page<ShipmentView> atRisk(@QueryParam("withinHours") @DefaultValue("24") @Min(0) @Max(2160) int withinHours,
            @QueryParam("carrierId") Long carrierId, @QueryParam("province") @Size(max = 100) String province,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return views(shipments.atRisk(withinHours, carrierId, province, page, size));
    }

    @GET
    @Path("/by-order/{orderId}")
    @RolesAllowed({ Roles.STAFF, Roles.SERVICE })
    @Operation(summary = "The shipment of an order")
    @APIResponse(responseCode = "200", description = "The shipment")
    @APIResponse(responseCode = "404", description = "The order was not handed over")
    public ShipmentView byOrder(@PathParam("orderId") long orderId) {
        return view(shipments.byOrder(orderId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SERVICE, Roles.CARRIER })
    @Operation(summary = "One shipment (carriers: open ones and their own)")
    @APIResponse(responseCode = "200", description = "The shipment")
    @APIResponse(responseCode = "403", description = "Held by another carrier")
    @APIResponse(responseCode = "404", description = "No such shipment")
    public ShipmentView get(@PathParam("id") long id) {
        return view(shipments.readable(id, caller));
    }

    @GET
    @Path("/{id}/tracking")
    @RolesAllowed({ Roles.STAFF, Roles.SERVICE, Roles.CARRIER })
    @Operation(summary = "Status history and temperature readings")
    @APIResponse(responseCode = "200", description = "The history, oldest first")
    @APIResponse(responseCode = "403", description = "Held by another carrier")
    @APIResponse(responseCode = "404", description = "No such shipment")
    public TrackingView history(@PathParam("id") long id) {
        ShipmentService.Tracking t = shipments.tracking(id, caller);
        return new TrackingView(id, t.events().stream().map(TrackingView.Step::of).toList(),
                t.readings().stream().map(TrackingView.Reading::of).toList());
    }

    // ------------------------------------------------------------ tendering

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Take an open shipment; of carriers racing for it, exactly one wins")
    @APIResponse(responseCode = "200", description = "The shipment, now ASSIGNED to the caller")
    @APIResponse(responseCode = "403", description = "The account is not a registered carrier")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "Already taken, declined before, not servable, or capacity used up")
    public ShipmentView accept(@PathParam("id") long id) {
        return view(tenders.accept(id, caller.subject()));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Decline an open shipment; it is not offered to the caller again")
    @APIResponse(responseCode = "204", description = "Declined (again: no effect)")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "No longer open")
    public Response decline(@PathParam("id") long id, @Valid DeclineRequest request) {
        tenders.decline(id, caller.subject(), request == null ? null : request.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Give an open shipment to a carrier directly")
    @APIResponse(responseCode = "200", description = "The shipment, now ASSIGNED")
    @APIResponse(responseCode = "404", description = "No such shipment or carrier")
    @APIResponse(responseCode = "409", description = "Already taken, not servable by that carrier, or capacity used up")
    public ShipmentView assign(@PathParam("id") long id, @Valid @NotNull AssignmentRequest request) {
        return view(tenders.assign(id, request.carrierId(), caller.subject()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Cancel a shipment before pickup, with a reason",
            description = "No longer offered; a carrier who had accepted it sees it CANCELLED; order-service cancels the order. "
                    + "The step, who and why, is in the tracking history.")
    @APIResponse(responseCode = "200", description = "The shipment, CANCELLED (again: no further effect)")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "Already picked up (names currentStatus)")
    public ShipmentView cancel(@PathParam("id") long id, @Valid @NotNull CancellationRequest request) {
        return view(tenders.cancel(id, caller.subject(), request.reason()));
    }

    // ------------------------------------------------------------ tracking

    @POST
    @Path("/{id}/events")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Report the next step: PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, FAILED_ATTEMPT, RETURNED")
    @APIResponse(responseCode = "200", description = "The shipment after the step")
    @APIResponse(responseCode = "400", description = "Unknown status or a missing field (location, reason, proof, cashCollected)")
    @APIResponse(responseCode = "403", description = "The shipment is not held by the caller")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "Backward or skipped step (names currentStatus and allowedNext), or export checklist incomplete")
    @APIResponse(responseCode = "422", description = "The delivery code does not match")
    public ShipmentView report(@PathParam("id") long id, @Valid @NotNull TrackingUpdateRequest update) {
        return view(tracking.report(id, caller.subject(), update.toStep()));
    }

    @POST
    @Path("/{id}/temperatures")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Record a temperature reading; outside the range it raises an alert")
    @APIResponse(responseCode = "201", description = "Recorded; outOfRange and the alert raised, if any")
    @APIResponse(responseCode = "400", description = "Missing value or unit (C or F)")
    @APIResponse(responseCode = "403", description = "The shipment is not held by the caller")
    @APIResponse(responseCode = "409", description = "The shipment is delivered or returned")
    public Response recordTemperature(@PathParam("id") long id, @Valid @NotNull ReadingRequest request) {
        TrackingService.Recorded recorded = tracking.recordTemperature(id, caller.subject(), request.toNewReading());
        ReadingView body = new ReadingView(TrackingView.Reading.of(recorded.reading()),
                recorded.alert() == null ? null
                        : new ShipmentView.Alert(recorded.alert().kind, recorded.alert().detail,
                                recorded.alert().raisedAt));
        return Response.created(URI.create("/shipments/" + id + "/tracking")).entity(body).build();
    }

    /** A recorded reading and the alert it raised (null when within range). */
    public record ReadingView(TrackingView.Reading reading, ShipmentView.Alert alert) {
    }

    @PUT
    @Path("/{id}/checklist/{requirement}")
    @RolesAllowed({ Roles.STAFF, Roles.CARRIER })
    @Operation(summary = "Tick an export paper or treatment with its document reference")
    @APIResponse(responseCode = "200", description = "The shipment with its checklist")
    @APIResponse(responseCode = "400", description = "Unknown requirement or missing documentRef")
    @APIResponse(responseCode = "403", description = "A carrier not holding the shipment")
    @APIResponse(responseCode = "404", description = "No such shipment, or the requirement is not on its checklist")
    @APIResponse(responseCode = "409", description = "Already picked up")
    public ShipmentView tick(@PathParam("id") long id, @PathParam("requirement") String requirement,
            @Valid @NotNull ChecklistTickRequest request) {
        return view(tracking.tick(id, requirement, request.documentRef(), caller));
    }

    /** A 400 naming the parameter, where JAX-RS would answer an unknown enum constant with 404. */
    private static Shipment.Status status(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Shipment.Status.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + java.util.List.of(Shipment.Status.values()));
        }
    }

    private ShipmentView view(ShipmentDetails details) {
        return ShipmentView.of(details, caller.isStaff() || caller.isService());
    }

    private Page<ShipmentView> views(Page<ShipmentDetails> page) {
        return new Page<>(page.items().stream().map(this::view).toList(), page.page(), page.size(), page.total());
    }
}
