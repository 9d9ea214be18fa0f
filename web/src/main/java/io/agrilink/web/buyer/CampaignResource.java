package io.agrilink.web.buyer;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.agrilink.web.Pages;
import io.agrilink.web.Provinces;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Campaign;
import io.agrilink.web.client.CatalogClient;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.live.LiveServices;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * A live campaign: its lots at the campaign price, a counter that moves (the page's script fetches
 * {@code /campaigns/{id}/counter} every few seconds; the first render has the numbers), and the
 * order form for a signed-in buyer.
 */
@Path("/campaigns")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CampaignResource {

    private static final String ORDER_SERVICE = "order-service";
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    CatalogClient catalog;

    @Inject
    @RestClient
    CampaignCounterRestClient counters;

    @Inject
    OrderPlacing placing;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("buyer/campaign.html")
    Template campaign;

    @Location("buyer/counter.html")
    Template counter;

    @GET
    @Path("/{id}")
    public TemplateInstance campaign(@PathParam("id") long id, @QueryParam("live") String live) {
        return page(id, null, FormErrors.none(), LiveServices.codeOrNone(live).orElse(null));
    }

    /** The counter alone, the HTML the campaign page's script puts in place of the old numbers. */
    @GET
    @Path("/{id}/counter")
    public Response counter(@PathParam("id") long id) {
        Fetched<Campaign> found = campaignOf(id);
        if (found.value() == null) {
            return Response.status(503).cacheControl(NO_STORE).build();
        }
        return Response.ok(pages.of(counter).data("counter", live(found.value(), found.down())))
                .cacheControl(NO_STORE).build();
    }

    /** The order form of the campaign page: placed, to its confirmation; refused, the page again with what was typed. */
    @POST
    @Path("/{id}/orders")
    @RolesAllowed("buyer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response order(@PathParam("id") long id, @BeanParam OrderForm form) {
        return placing.answer(form, visitor.locale(), (typed, errors) -> page(id, typed, errors, null));
    }

    /** {@code liveCode}: the code of the livestream the buyer came from ({@code ?live=}), carried in the order form. */
    private TemplateInstance page(long id, OrderForm typed, FormErrors errors, String liveCode) {
        Fetched<Campaign> found = campaignOf(id);
        Campaign shown = found.value();
        if (shown == null) {
            return pages.of(campaign).data("campaign", null).data("down", true);
        }
        List<BuyerChoices.LotChoice> choices = shown.lots().stream()
                .map(l -> new BuyerChoices.LotChoice(l.lotId(), l.productName(), null, l.pricePerKg(), l.availableGrams()))
                .toList();
        LiveCounter live = live(shown, found.down());
        OrderForm form = typed != null ? typed : OrderForm.fresh(BuyerChoices.firstOnSale(choices), liveCode);
        long max = shown.perBuyerLimitGrams() > 0 ? Math.min(shown.perBuyerLimitGrams(), BuyerChoices.MAX_GRAMS)
                : BuyerChoices.MAX_GRAMS;
        return pages.of(campaign).data("campaign", shown).data("counter", live).data("form", form)
                .data("errors", errors).data("choices", choices).data("action", "/campaigns/" + id + "/orders")
                .data("maxGrams", max).data("provinces", Provinces.ALL).data("payments", placing.offered())
                .data("down", live.down());
    }

    private Fetched<Campaign> campaignOf(long id) {
        try {
            return catalog.campaign(id, visitor.locale());
        } catch (WebApplicationException e) {
            throw new NotFoundException();
        }
    }

    private LiveCounter live(Campaign shown, boolean catalogDown) {
        Fetched<CampaignCounter> counted = Fetched.of(ORDER_SERVICE, () -> counters.counter(shown.id()),
                CampaignCounter.none(shown.id()));
        return LiveCounter.of(shown, counted.value(), catalogDown || counted.down());
    }
}
