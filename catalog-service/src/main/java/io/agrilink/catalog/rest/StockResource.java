package io.agrilink.catalog.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agrilink.catalog.service.StockOutcome;
import io.agrilink.catalog.service.StockService;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.web.InterService;

/** Stock reservations for order-service: hold, confirm, release; idempotent on the order reference. */
@Path("/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

    @Inject
    StockService stock;

    @POST
    @Path("/reservations")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Hold grams of lots for an order", description = "All lines or none. The same orderRef "
            + "again returns the existing reservation (200) and holds nothing more. The unit price is the campaign "
            + "price while a campaign with the lot runs.")
    @APIResponse(responseCode = "201", description = "Held until expiresAt",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "200", description = "This orderRef was already reserved: the existing reservation",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (zero grams, ttl ...)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    @APIResponse(responseCode = "404", description = "Unknown lot (lotId)")
    @APIResponse(responseCode = "409", description = "Not enough left (lotId, gramsLeft) or per-buyer campaign limit (limitGrams, gramsLeft)")
    public Response reserve(@Valid @NotNull ReservationRequest request) {
        StockOutcome outcome = stock.reserve(request.toNewReservation());
        if (!outcome.succeeded()) {
            throw outcome.problem();
        }
        Response.ResponseBuilder response = outcome.status() == 201
                ? Response.created(location(request.orderRef()))
                : Response.ok();
        return response.entity(ReservationView.of(outcome.reservation())).build();
    }

    @POST
    @Path("/reservation-batches")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Hold many reservations in one call", description = "Each is decided as by POST "
            + "/stock/reservations; reservations of the same lots are applied in one transaction.")
    @APIResponse(responseCode = "200", description = "One result per reservation, in order")
    @APIResponse(responseCode = "400", description = "No reservations, or more than 1000")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    public ReservationBatchView reserveBatch(@Valid @NotNull ReservationBatchRequest batch) {
        return ReservationBatchView.of(stock.reserveAll(batch.reservations().stream()
                .map(r -> r == null ? null : r.toNewReservation()).toList()), "/stock/reservation-batches");
    }

    @GET
    @Path("/reservations/{orderRef}")
    @RolesAllowed({ Roles.SERVICE, Roles.STAFF })
    @Operation(summary = "A reservation")
    @APIResponse(responseCode = "200", description = "The reservation")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither service nor staff")
    @APIResponse(responseCode = "404", description = "No reservation with this orderRef")
    public ReservationView get(@PathParam("orderRef") String orderRef) {
        return stock.find(orderRef).map(ReservationView::of)
                .orElseThrow(() -> ProblemException.notFound("Reservation", orderRef));
    }

    @POST
    @Path("/reservations/{orderRef}/confirm")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Confirm a held reservation (the order is paid or accepted)", description = "Idempotent. "
            + "An expired reservation is confirmed if every lot still has its grams (taken again); a released one never.")
    @APIResponse(responseCode = "200", description = "Confirmed")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    @APIResponse(responseCode = "404", description = "No reservation with this orderRef")
    @APIResponse(responseCode = "409", description = "Released, or expired and its grams sold meanwhile (lotId, gramsLeft)")
    public ReservationView confirm(@PathParam("orderRef") String orderRef) {
        return ReservationView.of(stock.confirm(orderRef));
    }

    @POST
    @Path("/confirmations")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Confirm many held reservations in one call", description = "Each is decided as by POST "
            + "/stock/reservations/{orderRef}/confirm (idempotent), all in one transaction; the results carry the "
            + "reservation's status, not the whole reservation.")
    @APIResponse(responseCode = "200", description = "One result per reference, in order: 200, 404 or 409")
    @APIResponse(responseCode = "400", description = "No references, more than 1000, or a blank one")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    public ConfirmationBatchView confirmAll(@Valid @NotNull ConfirmationRequest request) {
        return ConfirmationBatchView.of(stock.confirmAll(request.orderRefs().stream().map(String::strip).toList()),
                "/stock/confirmations");
    }

    @DELETE
    @Path("/reservations/{orderRef}")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Release a reservation, giving its grams back", description = "Idempotent: releasing "
            + "again, or an expired or unknown reservation, changes nothing.")
    @APIResponse(responseCode = "204", description = "Released (or nothing to release)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    public void release(@PathParam("orderRef") String orderRef) {
        stock.release(orderRef);
    }

    private static URI location(String orderRef) {
        return URI.create("/stock/reservations/" + URLEncoder.encode(orderRef, StandardCharsets.UTF_8));
    }
}
