package io.agrilink.web.client;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** catalog-service as the buyer pages use it: each call answers, or says the service is down. */
@ApplicationScoped
public class CatalogClient {

    private static final String SERVICE = "catalog-service";

    @Inject
    @RestClient
    CatalogRestClient catalog;

    /** The campaigns running now, their products named in the visitor's language. */
    public Fetched<Page<Campaign>> runningCampaigns(Locale language) {
        return Fetched.of(SERVICE, () -> catalog.campaigns(true, 20, language.toLanguageTag()), Page.empty());
    }

    /** A running or past campaign with its lots, products named in the visitor's language; a 404 passes through. */
    public Fetched<Campaign> campaign(long id, Locale language) {
        return Fetched.of(SERVICE, () -> catalog.campaign(id, language.toLanguageTag()), null);
    }

    /** Listed products: words (diacritics folded by catalog), province, certification scheme, at least so many OCOP stars; null = any. */
    public Fetched<Page<Product>> search(String q, String province, String certification, Integer ocopStars, int page,
            Locale language) {
        return Fetched.of(SERVICE, () -> catalog.search(q, province, certification, ocopStars, page, 20,
                language.toLanguageTag()), Page.empty());
    }

    /** A product in the visitor's language; a 404 passes through. */
    public Fetched<Product> product(long id, Locale language) {
        return Fetched.of(SERVICE, () -> catalog.product(id, language.toLanguageTag()), null);
    }

    public Fetched<List<Lot>> lots(long productId) {
        return Fetched.of(SERVICE, () -> catalog.lots(productId), List.of());
    }

    public Fetched<Producer> producer(long id) {
        return Fetched.of(SERVICE, () -> catalog.producer(id), null);
    }
}
