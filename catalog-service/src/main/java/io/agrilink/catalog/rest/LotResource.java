package io.agrilink.catalog.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.catalog.Lot;
import io.agrilink.catalog.service.LotService;
import io.agrilink.platform.security.Roles;

@Path("/lots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LotResource {

    @Inject
    LotService lots;

    @POST
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "Record a harvest lot", description = "Best-before is the harvest date plus the product's "
            + "shelf life; the producer's growing-area code is kept with the lot.")
    @APIResponse(responseCode = "201", description = "Recorded; all of it available")
    @APIResponse(responseCode = "400", description = "Invalid field (zero or negative grams ...)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an owner of the product's producer")
    @APIResponse(responseCode = "404", description = "No such product")
    public Response create(@Valid @NotNull LotRequest input, @Context HttpHeaders headers) {
        Lot lot = lots.get(lots.create(input.toNewLot()).id);
        return Response.created(URI.create("/lots/" + lot.id)).entity(response(lot, headers)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "Correct a lot's quantity or harvest date", description = "The quantity may not go below "
            + "what is already held or sold.")
    @APIResponse(responseCode = "200", description = "Corrected")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an owner")
    @APIResponse(responseCode = "404", description = "No such lot")
    @APIResponse(responseCode = "409", description = "Below the grams already held or sold")
    public LotView change(@PathParam("id") long id, @Valid @NotNull LotChangeRequest change,
            @Context HttpHeaders headers) {
        lots.change(id, change.toChange());
        return response(lots.get(id), headers);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A lot, traced to its producer and growing area, with its stock")
    @APIResponse(responseCode = "200", description = "The lot")
    @APIResponse(responseCode = "404", description = "No such lot")
    public LotView get(@PathParam("id") long id, @Context HttpHeaders headers) {
        return response(lots.get(id), headers);
    }

    private LotView response(Lot lot, HttpHeaders headers) {
        String name = ProductView.pick(lot.product.texts, headers.getAcceptableLanguages()).name;
        return LotView.from(lot, name, lots.runningCampaign(lot.id).orElse(null));
    }
}
