package io.agrilink.web.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import io.agrilink.web.Pages;
import io.agrilink.web.Provinces;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.CatalogClient;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Lot;
import io.agrilink.web.client.Producer;
import io.agrilink.web.client.Product;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** What anyone may see without signing in: live campaigns, search, a product. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class BuyerResource {

    @Inject
    CatalogClient catalog;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

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
            @QueryParam("page") @DefaultValue("0") int page) {
        // catalog takes up to 200 characters; a longer query (typed into the URL) is cut, not an error
        String query = q == null ? "" : q.strip().substring(0, Math.min(q.strip().length(), 200));
        String where = province == null || !Provinces.ALL.contains(province) ? "" : province;
        var found = catalog.search(query.isEmpty() ? null : query, where.isEmpty() ? null : where, Math.max(0, page),
                visitor.locale());
        return pages.of(search).data("q", query).data("province", where).data("provinces", Provinces.ALL)
                .data("products", found.value().items()).data("total", found.value().total())
                .data("down", found.down());
    }

    @GET
    @Path("products/{id}")
    public TemplateInstance product(@PathParam("id") long id) {
        Fetched<Product> found;
        try {
            found = catalog.product(id, visitor.locale());
        } catch (WebApplicationException e) {
            throw new NotFoundException();
        }
        Product shown = found.value();
        Fetched<List<Lot>> lots = found.down() ? new Fetched<>(List.of(), true) : catalog.lots(id);
        Fetched<Producer> producer = shown == null ? new Fetched<>(null, true) : producerOf(shown);
        return pages.of(product).data("product", shown).data("lots", lots.value())
                .data("certifications", producer.value() == null ? List.of() : producer.value().certifications())
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
