package io.agrilink.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.order.repository.OrderRepository;
import io.agrilink.order.service.Dashboards;
import io.agrilink.platform.security.Roles;

@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    /**
     * The live counter of a campaign: its lines in every order that is not cancelled, in total, by
     * Vietnamese province, by country and per minute of placement (UTC).
     */
    public record CampaignDashboard(long campaignId, Instant asOf, long orders, long grams, BigDecimal kilograms,
            long revenue, List<Group> byProvince, List<Group> byCountry, List<Group> perMinute) {
    }

    /** One group: {@code key} is the province, the country code, or the minute ({@code 2026-06-10T20:31:00Z}). */
    public record Group(String key, long orders, long grams, BigDecimal kilograms, long revenue) {

        static Group of(OrderRepository.Totals totals) {
            return new Group(totals.key(), totals.orders(), totals.grams(), DashboardResource.kilograms(totals.grams()),
                    totals.revenue());
        }
    }

    @Inject
    Dashboards dashboards;

    @GET
    @Path("/campaigns/{campaignId}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Live campaign dashboard", description = "Orders, kilograms and revenue (whole đồng) of the "
            + "campaign's lines, cancelled orders excluded; sums equal the orders to the gram.")
    @APIResponse(responseCode = "200", description = "The counters (zero for a campaign without orders)")
    public CampaignDashboard campaign(@PathParam("campaignId") long campaignId) {
        Instant asOf = Instant.now();
        Dashboards.Campaign campaign = dashboards.campaign(campaignId);
        OrderRepository.Totals all = campaign.all();
        return new CampaignDashboard(campaignId, asOf, all.orders(), all.grams(), kilograms(all.grams()),
                all.revenue(), campaign.byProvince().stream().map(Group::of).toList(),
                campaign.byCountry().stream().map(Group::of).toList(),
                campaign.perMinute().stream().map(Group::of).toList());
    }

    private static BigDecimal kilograms(long grams) {
        return BigDecimal.valueOf(grams, 3);
    }
}
