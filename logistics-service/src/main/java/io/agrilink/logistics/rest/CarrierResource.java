package io.agrilink.logistics.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.web.Page;
import io.agrilink.logistics.Carrier;
import io.agrilink.logistics.rest.CarrierRequests.CarrierEventView;
import io.agrilink.logistics.rest.CarrierRequests.CarrierView;
import io.agrilink.logistics.rest.CarrierRequests.CarrierRequest;
import io.agrilink.logistics.rest.CarrierRequests.PerformanceView;
import io.agrilink.logistics.rest.CarrierRequests.SuspensionRequest;
import io.agrilink.logistics.rest.CarrierRequests.SuspensionView;
import io.agrilink.logistics.service.CarrierService;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;

@Path("/carriers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CarrierResource {

    @Inject
    CarrierService carriers;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Register a logistics firm: provinces it picks up in, capabilities, daily capacity")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Invalid field, e.g. an unknown province")
    @APIResponse(responseCode = "409", description = "The subject is already a registered carrier")
    public Response register(@Valid @NotNull CarrierRequest request) {
        Carrier carrier = carriers.register(request.toNewCarrier());
        return Response.created(URI.create("/carriers/" + carrier.id)).entity(CarrierView.of(carrier)).build();
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "All carriers, by name")
    @APIResponse(responseCode = "200", description = "A page of carriers")
    public Page<CarrierView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Page<Carrier> result = carriers.list(page, size);
        return new Page<>(result.items().stream().map(CarrierView::of).toList(), page, size, result.total());
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "The calling carrier's own registration")
    @APIResponse(responseCode = "200", description = "The carrier")
    @APIResponse(responseCode = "403", description = "The account is not a registered carrier")
    public CarrierView me() {
        return CarrierView.of(carriers.bySubject(caller.subject()));
    }

    @GET
    @Path("/performance")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "On-time rate of every carrier: delivered, delivered before deliverBy, rate")
    @APIResponse(responseCode = "200", description = "A page of carrier performances")
    public Page<PerformanceView> performances(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return carriers.performances(page, size).map(PerformanceView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.CARRIER })
    @Operation(summary = "One carrier (staff, or the carrier itself)")
    @APIResponse(responseCode = "200", description = "The carrier")
    @APIResponse(responseCode = "403", description = "Another carrier's registration")
    @APIResponse(responseCode = "404", description = "No such carrier")
    public CarrierView get(@PathParam("id") long id) {
        Carrier carrier = carriers.get(id);
        caller.requireSelfOrStaff(carrier.subject, "carrier " + id);
        return CarrierView.of(carrier);
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Suspend a carrier: no new shipments are offered or given to it",
            description = "Shipments it already holds stay with it and go on to delivery; they are listed in heldShipments.")
    @APIResponse(responseCode = "200", description = "Suspended; the carrier and the shipments it still holds")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such carrier")
    @APIResponse(responseCode = "409", description = "Already suspended")
    public SuspensionView suspend(@PathParam("id") long id, @Valid @NotNull SuspensionRequest request) {
        return view(carriers.suspend(id, caller.subject(), request.reason()));
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Lift a carrier's suspension: it is offered shipments again")
    @APIResponse(responseCode = "200", description = "Reinstated; the carrier and the shipments it holds")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such carrier")
    @APIResponse(responseCode = "409", description = "Not suspended")
    public SuspensionView reinstate(@PathParam("id") long id, @Valid @NotNull SuspensionRequest request) {
        return view(carriers.reinstate(id, caller.subject(), request.reason()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The carrier's audit trail: suspensions and reinstatements, who, when and why")
    @APIResponse(responseCode = "200", description = "The trail, oldest first")
    @APIResponse(responseCode = "404", description = "No such carrier")
    public List<CarrierEventView> history(@PathParam("id") long id) {
        return carriers.history(id).stream().map(CarrierEventView::of).toList();
    }

    private static SuspensionView view(CarrierService.Suspension suspension) {
        return new SuspensionView(CarrierView.of(suspension.carrier()), suspension.heldShipments());
    }

    @GET
    @Path("/{id}/performance")
    @RolesAllowed({ Roles.STAFF, Roles.CARRIER })
    @Operation(summary = "On-time rate of one carrier (staff, or the carrier itself)")
    @APIResponse(responseCode = "200", description = "Delivered, delivered on time, rate (null before any delivery)")
    @APIResponse(responseCode = "403", description = "Another carrier's figures")
    @APIResponse(responseCode = "404", description = "No such carrier")
    public PerformanceView performance(@PathParam("id") long id) {
        Carrier carrier = carriers.get(id);
        caller.requireSelfOrStaff(carrier.subject, "carrier " + id);
        return PerformanceView.of(carriers.performance(carrier));
    }
}
