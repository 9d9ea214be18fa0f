package io.agrilink.catalog.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.web.Page;
import io.agrilink.catalog.Campaign;
import io.agrilink.catalog.Lot;
import io.agrilink.catalog.service.CampaignService;
import io.agrilink.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Create a sale campaign", description = "A time window, its host, the lots on sale at a "
            + "campaign price, the per-buyer limit and the target, all in grams and whole đồng.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid field (endsAt before startsAt, a lot listed twice ...)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "A lot does not exist")
    public Response create(@Valid @NotNull CampaignRequest input, @Context HttpHeaders headers) {
        Campaign campaign = campaigns.get(campaigns.create(input.toDetails()).id);
        return Response.created(URI.create("/campaigns/" + campaign.id)).entity(response(campaign, headers)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Change a campaign", description = "Replaces its name, host, description, window, "
            + "per-buyer limit, target and lots at campaign price; `reason` is required and goes to the audit trail. "
            + "Reservations already made keep their price.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid field, or no reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such campaign, or a lot does not exist")
    @APIResponse(responseCode = "409", description = "A lot leaving the campaign has grams held for unconfirmed orders "
            + "in it (lotId, heldGrams), or a lot added belongs to a delisted product")
    public CampaignView update(@PathParam("id") long id, @Valid @NotNull CampaignRequest input,
            @Context HttpHeaders headers) {
        campaigns.update(id, input.toDetails());
        return response(campaigns.get(id), headers);
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "End a running campaign now", description = "Its lots go back to their regular price for "
            + "new reservations; reservations already made keep the campaign price and count against the buyer's limit.")
    @APIResponse(responseCode = "200", description = "Ended: endsAt is now")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "Already ended, or not started yet (change its window instead)")
    public CampaignView end(@PathParam("id") long id, @Valid @NotNull ReasonRequest input,
            @Context HttpHeaders headers) {
        campaigns.end(id, input.reason());
        return response(campaigns.get(id), headers);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "A campaign's audit trail, oldest first: who created, changed or ended it, when and why")
    @APIResponse(responseCode = "200", description = "The entries")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public List<AuditView> audit(@PathParam("id") long id) {
        return campaigns.audit(id).stream().map(AuditView::of).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A campaign with its lots and progress")
    @APIResponse(responseCode = "200", description = "The campaign")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public CampaignView get(@PathParam("id") long id, @Context HttpHeaders headers) {
        return response(campaigns.get(id), headers);
    }

    @GET
    @PermitAll
    @Operation(summary = "Campaigns, newest first, or only those running now")
    @APIResponse(responseCode = "200", description = "One page of campaigns")
    @APIResponse(responseCode = "400", description = "Bad paging")
    public Page<CampaignView> list(@QueryParam("running") @DefaultValue("false") boolean running,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @Context HttpHeaders headers) {
        PanacheQuery<Campaign> query = campaigns.list(running);
        List<CampaignView> items = query.page(page, size).list().stream().map(c -> response(c, headers)).toList();
        return new Page<>(items, page, size, query.count());
    }

    private CampaignView response(Campaign c, HttpHeaders headers) {
        Map<Long, Lot> lots = campaigns.lots(c).stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        List<CampaignView.LotOnSale> onSale = c.lots.stream().map(cl -> {
            Lot lot = lots.get(cl.lotId);
            return new CampaignView.LotOnSale(lot.id, lot.product.id,
                    ProductView.pick(lot.product.texts, headers.getAcceptableLanguages()).name,
                    lot.product.producer.id, lot.product.producer.name, cl.pricePerKg, lot.product.pricePerKg,
                    lot.quantityGrams, lot.availableGrams);
        }).toList();
        return new CampaignView(c.id, c.name, c.host, c.description, c.startsAt, c.endsAt,
                c.runningAt(Instant.now()), c.perBuyerLimitGrams, c.targetGrams, campaigns.reservedGrams(c.id), onSale,
                c.createdAt);
    }
}
