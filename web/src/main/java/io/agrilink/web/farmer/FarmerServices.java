package io.agrilink.web.farmer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Page;

/**
 * What the farmer's pages read and write in catalog-service and order-service, each call answering
 * or saying its service is down; a 4xx passes through for the page to show by field.
 */
@ApplicationScoped
public class FarmerServices {

    private static final String CATALOG = "catalog-service";
    private static final String ORDER = "order-service";
    /** The services' largest page. */
    private static final int PAGE = 100;
    /** catalog's longest free-text query. */
    private static final int QUERY = 200;

    @Inject
    @RestClient
    FarmerCatalogRestClient catalog;

    @Inject
    @RestClient
    FarmerOrderRestClient orders;

    public Fetched<List<MyProducer>> producersOf(String username) {
        return Fetched.of(CATALOG, () -> catalog.producersOwnedBy(username, PAGE).items(), List.of());
    }

    /**
     * The listed products of {@code producer}. catalog-service has no "products of a producer" query
     * for farmers; its search matches every word of the producer's name, so searching that name in
     * the producer's province finds all of them, and the producer's id keeps only theirs.
     */
    public Fetched<List<MyProduct>> productsOf(MyProducer producer, Locale language) {
        String name = producer.name().length() > QUERY ? producer.name().substring(0, QUERY) : producer.name();
        return Fetched.of(CATALOG, () -> {
            List<MyProduct> mine = new ArrayList<>();
            Page<MyProduct> page;
            int number = 0;
            do {
                page = catalog.productsMatching(name, producer.province(), number++, PAGE, language.toLanguageTag());
                page.items().stream().filter(p -> p.producer() != null && p.producer().id() == producer.id())
                        .forEach(mine::add);
            } while ((long) number * PAGE < page.total() && !page.items().isEmpty());
            return mine;
        }, List.of());
    }

    /** A product's lots, newest harvest first. */
    public Fetched<List<MyLot>> lotsOf(long productId) {
        return Fetched.of(CATALOG, () -> catalog.lotsOf(productId).stream()
                .sorted(Comparator.comparing(MyLot::harvestDate).reversed().thenComparing(MyLot::id, Comparator.reverseOrder()))
                .toList(), List.of());
    }

    /** The new lot, or {@code down}; catalog's refusal (400, 403, 404, 409) is thrown. */
    public Fetched<MyLot> addLot(NewLot lot) {
        return Fetched.of(CATALOG, () -> catalog.addLot(lot), null);
    }

    /** Today's packing list, every page of it. */
    public Fetched<PackingList> packingList() {
        return Fetched.of(ORDER, () -> {
            PackingList first = orders.packingList(0, PAGE);
            List<PackingList.Item> items = new ArrayList<>(first.items());
            for (int page = 1; (long) page * PAGE < first.total(); page++) {
                items.addAll(orders.packingList(page, PAGE).items());
            }
            return new PackingList(first.date(), first.totalGrams(), List.copyOf(items), 0, items.size(), first.total());
        }, null);
    }

    /** Records one line's packed weight; order-service's refusal (400, 403, 404, 409) is thrown. */
    public Fetched<Boolean> pack(long orderId, long lineId, long packedGrams) {
        return Fetched.of(ORDER, () -> {
            orders.pack(orderId, new PackingList.Packing(List.of(new PackingList.Packing.Line(lineId, packedGrams))));
            return true;
        }, false);
    }
}
