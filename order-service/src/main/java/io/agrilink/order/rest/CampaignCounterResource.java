package io.agrilink.order.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.order.repository.OrderRepository;
import io.agrilink.order.service.Dashboards;

/**
 * The public face of a campaign's live counter, for its page that thousands of buyers watch: totals
 * and grams by Vietnamese province only, no buyer, no amount, nothing of any one order. Answers may
 * be cached for a second, so a crowd polling the page costs the database one read a second per cache.
 */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignCounterResource {

    /** Orders and grams of the campaign's lines in orders not cancelled, and the same by province (VN deliveries). */
    public record CampaignCounter(long campaignId, Instant asOf, long orders, long grams, List<ProvinceCount> byProvince) {
    }

    public record ProvinceCount(String province, long orders, long grams) {

        static ProvinceCount of(OrderRepository.Totals totals) {
            return new ProvinceCount(totals.key(), totals.orders(), totals.grams());
        }
    }

    private static final CacheControl ONE_SECOND = CacheControl.valueOf("public, max-age=1");

    @Inject
    Dashboards dashboards;

    @GET
    @Path("/{campaignId}/counter")
    @PermitAll
    @Operation(summary = "A campaign's public counter", description = "Orders and grams of the campaign's lines, "
            + "cancelled orders excluded, in total and by Vietnamese province; no buyer data. Cacheable for 1 s.")
    @APIResponse(responseCode = "200", description = "The counter (zero for a campaign without orders)")
    public Response counter(@PathParam("campaignId") long campaignId) {
        Instant asOf = Instant.now();
        Dashboards.Counter counter = dashboards.counter(campaignId);
        return Response.ok(new CampaignCounter(campaignId, asOf, counter.all().orders(), counter.all().grams(),
                counter.byProvince().stream().map(ProvinceCount::of).toList())).cacheControl(ONE_SECOND).build();
    }
}
