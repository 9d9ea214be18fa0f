package io.agrilink.web.live;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agrilink.web.Pages;
import io.agrilink.web.Provinces;
import io.agrilink.web.Visitor;
import io.agrilink.web.buyer.BuyerChoices;
import io.agrilink.web.buyer.OrderForm;
import io.agrilink.web.buyer.OrderPlacing;
import io.agrilink.web.client.Campaign;
import io.agrilink.web.client.CatalogClient;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.forms.FormErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * A livestream's public page: the stream (catalog-service), its counter (order-service's public
 * counter, refreshed by {@code live.js} every 3 s from {@code /live/{code}/counter}), and the lots it
 * features with the order form, which carries the stream's code so order-service can count the order for it.
 */
@Path("/live")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class LivestreamResource {

    @Inject
    LiveServices services;

    @Inject
    CatalogClient catalog;

    @Inject
    OrderPlacing placing;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("live/stream.html")
    Template stream;

    @Location("live/counter.html")
    Template counter;

    /** What the page shows of the counter: the figures, the per-minute chart, and whether they are stale. */
    public record Shown(StreamCounter counted, io.agrilink.web.staff.Chart perMinute, boolean stale, boolean ended) {
    }

    @GET
    @Path("{code}")
    public TemplateInstance stream(@PathParam("code") String code) {
        return page(LiveServices.code(code), null, FormErrors.none());
    }

    /** The counter alone, the HTML the stream page's script puts in place of the old figures; never cached. */
    @GET
    @Path("{code}/counter")
    public Response counter(@PathParam("code") String code) {
        String upper = LiveServices.code(code);
        Fetched<StreamCounter> counted = services.counter(upper);
        boolean ended = counted.value() != null && "ENDED".equals(counted.value().state());
        return LiveForms.fragment(counted.down() ? 503 : 200, pages.of(counter)
                .data("shown", new Shown(counted.value(), LiveForms.perMinute(counted.value()), counted.down(), ended)));
    }

    /** The stream page's order form: as a campaign page's, with the stream's code. */
    @POST
    @Path("{code}/orders")
    @RolesAllowed("buyer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response order(@PathParam("code") String code, @BeanParam OrderForm form) {
        String upper = LiveServices.code(code);
        if (form.live == null || form.live.isBlank()) {
            form.live = upper;
        }
        return placing.answer(form, visitor.locale(), (typed, errors) -> page(upper, typed, errors));
    }

    private TemplateInstance page(String code, OrderForm typed, FormErrors errors) {
        Fetched<Livestream> found = services.livestream(code);
        Livestream shown = found.value();
        if (shown == null) {
            return pages.of(stream).data("stream", null).data("code", code).data("down", true);
        }
        Fetched<StreamCounter> counted = shown.counted() ? services.counter(code)
                : new Fetched<>(StreamCounter.none(code), false);
        Fetched<Campaign> ofStream = campaign(shown);
        Campaign campaign = ofStream.value();
        List<Campaign.LotOnSale> featured = featured(shown, campaign);
        List<BuyerChoices.LotChoice> choices = featured.stream()
                .map(l -> new BuyerChoices.LotChoice(l.lotId(), l.productName(), null, l.pricePerKg(), l.availableGrams()))
                .toList();
        OrderForm form = typed != null ? typed : OrderForm.fresh(BuyerChoices.firstOnSale(choices), code);
        long max = campaign != null && campaign.perBuyerLimitGrams() > 0
                ? Math.min(campaign.perBuyerLimitGrams(), BuyerChoices.MAX_GRAMS) : BuyerChoices.MAX_GRAMS;
        boolean orderable = campaign != null && campaign.running() && !choices.isEmpty() && !shown.cancelled();
        return pages.of(stream).data("stream", shown).data("code", code)
                .data("shown", new Shown(counted.value(), LiveForms.perMinute(counted.value()), counted.down(),
                        shown.ended()))
                .data("campaign", campaign).data("featured", featured).data("orderable", orderable)
                .data("form", form).data("errors", errors).data("choices", choices)
                .data("action", "/live/" + code + "/orders").data("maxGrams", max).data("provinces", Provinces.ALL)
                .data("payments", orderable ? placing.offered() : List.of())
                .data("down", counted.down() || ofStream.down());
    }

    /** The stream's campaign with its lots: none when catalog no longer has it, the banner when it does not answer. */
    private Fetched<Campaign> campaign(Livestream shown) {
        if (shown.campaign() == null) {
            return new Fetched<>(null, false);
        }
        try {
            return catalog.campaign(shown.campaign().id(), visitor.locale());
        } catch (WebApplicationException gone) {
            return new Fetched<>(null, false);
        }
    }

    /** The lots the stream features (all of its campaign's when it names none), in the stream's order. */
    private static List<Campaign.LotOnSale> featured(Livestream shown, Campaign campaign) {
        if (campaign == null || campaign.lots() == null) {
            return List.of();
        }
        if (shown.lotIds().isEmpty()) {
            return campaign.lots();
        }
        Set<Long> wanted = Set.copyOf(shown.lotIds());
        return campaign.lots().stream().filter(l -> wanted.contains(l.lotId())).toList();
    }
}
