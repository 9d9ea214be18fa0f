package io.agrilink.web.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agrilink.web.Pages;
import io.agrilink.web.Provinces;
import io.agrilink.web.Visitor;
import io.agrilink.web.buyer.BuyerChoices;
import io.agrilink.web.buyer.OrderForm;
import io.agrilink.web.buyer.OrderPlacing;
import io.agrilink.web.client.CatalogClient;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Lot;
import io.agrilink.web.client.Producer;
import io.agrilink.web.client.Product;
import io.agrilink.web.forms.FormErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** What anyone may see without signing in: live campaigns, search, a product; a buyer orders from the product page. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class BuyerResource {

    @Inject
    CatalogClient catalog;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Inject
    OrderPlacing placing;

    @Location("buyer/home.html")
    Template home;

    @Location("buyer/search.html")
    Template search;

    @Location("buyer/product.html")
    Template product;

    @GET
    public TemplateInstance home() {
        var campaigns = catalog.runningCampaigns(visitor.locale());
        return pages.of(home).data("campaigns", campaigns.value().items()).data("down", campaigns.down());
    }

    @GET
    @Path("search")
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("province") String province,
            @QueryParam("certification") String certification, @QueryParam("ocop") String ocop,
            @QueryParam("page") @DefaultValue("0") int page) {
        // catalog takes up to 200 characters; a longer query (typed into the URL) is cut, not an error
        String query = q == null ? "" : q.strip().substring(0, Math.min(q.strip().length(), 200));
        String where = province == null || !Provinces.ALL.contains(province) ? "" : province;
        // filters the form does not offer (typed into the URL) are ignored, as catalog would refuse them
        String scheme = certification == null || !BuyerChoices.CERTIFICATIONS.contains(certification) ? ""
                : certification;
        String stars = ocop == null || !BuyerChoices.OCOP_STARS.contains(ocop) ? "" : ocop;
        var found = catalog.search(query.isEmpty() ? null : query, where.isEmpty() ? null : where,
                scheme.isEmpty() ? null : scheme, stars.isEmpty() ? null : Integer.valueOf(stars), Math.max(0, page),
                visitor.locale());
        return pages.of(search).data("q", query).data("province", where).data("provinces", Provinces.ALL)
                .data("certification", scheme).data("certifications", BuyerChoices.CERTIFICATIONS)
                .data("ocop", stars).data("ocopStars", BuyerChoices.OCOP_STARS)
                .data("products", found.value().items()).data("total", found.value().total())
                .data("down", found.down());
    }

    @GET
    @Path("products/{id}")
    public TemplateInstance product(@PathParam("id") long id) {
        return productPage(id, null, FormErrors.none());
    }

    /** The order form of the product page: placed, to its confirmation; refused, the page again with what was typed. */
    @POST
    @Path("products/{id}/orders")
    @RolesAllowed("buyer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response order(@PathParam("id") long id, @BeanParam OrderForm form) {
        return placing.answer(form, visitor.locale(), (typed, errors) -> productPage(id, typed, errors));
    }

    private TemplateInstance productPage(long id, OrderForm typed, FormErrors errors) {
        Fetched<Product> found;
        try {
            found = catalog.product(id, visitor.locale());
        } catch (WebApplicationException e) {
            throw new NotFoundException();
        }
        Product shown = found.value();
        Fetched<List<Lot>> lots = found.down() ? new Fetched<>(List.of(), true) : catalog.lots(id);
        Fetched<Producer> producer = shown == null ? new Fetched<>(null, true) : producerOf(shown);
        List<BuyerChoices.LotChoice> choices = lots.value().stream()
                .map(l -> new BuyerChoices.LotChoice(l.id(), null, l.harvestDate(), l.pricePerKg(), l.availableGrams()))
                .toList();
        OrderForm form = typed != null ? typed : OrderForm.fresh(BuyerChoices.firstOnSale(choices));
        return pages.of(product).data("product", shown).data("lots", lots.value())
                .data("certifications", producer.value() == null ? List.of() : producer.value().certifications())
                .data("form", form).data("errors", errors).data("choices", choices)
                .data("action", "/products/" + id + "/orders").data("maxGrams", BuyerChoices.MAX_GRAMS)
                .data("provinces", Provinces.ALL)
                .data("payments", placing.offered())
                .data("down", found.down() || lots.down() || producer.down());
    }

    private Fetched<Producer> producerOf(Product product) {
        try {
            return catalog.producer(product.producer().id());
        } catch (WebApplicationException e) {
            return new Fetched<>(null, false);
        }
    }
}
