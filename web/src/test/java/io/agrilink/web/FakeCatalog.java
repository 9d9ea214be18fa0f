package io.agrilink.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.agrilink.web.client.Campaign;
import io.agrilink.web.client.CatalogRestClient;
import io.agrilink.web.client.Lot;
import io.agrilink.web.client.Page;
import io.agrilink.web.client.Producer;
import io.agrilink.web.client.Product;
import io.agrilink.web.farmer.FarmerCatalogRestClient;
import io.agrilink.web.farmer.MyLot;
import io.agrilink.web.farmer.MyProducer;
import io.agrilink.web.farmer.MyProduct;
import io.agrilink.web.farmer.NewLot;

/**
 * catalog-service as the web tests need it: a few products in memory, the last search and
 * Accept-Language it was asked for, and a switch that makes it unreachable, as a stopped service is.
 * For the farmer's pages: producers by owner, their products and lots, and the lots posted (once
 * refused with a problem, when a test asks for it).
 */
@Alternative
@Priority(1)
@ApplicationScoped
@RestClient
public class FakeCatalog implements CatalogRestClient, FarmerCatalogRestClient {

    // tests reach this bean through its client proxy: state only through methods, never fields
    private final Map<Long, Product> products = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile String lastQuery;
    private volatile String lastProvince;
    private volatile String lastLanguage;
    private volatile String lastCertification;
    private volatile Integer lastOcopStars;

    public void down(boolean down) {
        this.down = down;
    }

    public String lastQuery() {
        return lastQuery;
    }

    public String lastProvince() {
        return lastProvince;
    }

    public String lastCertification() {
        return lastCertification;
    }

    public Integer lastOcopStars() {
        return lastOcopStars;
    }

    public String lastLanguage() {
        return lastLanguage;
    }

    // ---- the farmer's side: producers by owner, their products, lots (newest last), the lots posted
    private final Map<String, List<MyProducer>> producersByOwner = new ConcurrentHashMap<>();
    private final List<MyProduct> farmerProducts = new CopyOnWriteArrayList<>();
    private final List<MyLot> farmerLots = new CopyOnWriteArrayList<>();
    private final List<NewLot> lotsPosted = new CopyOnWriteArrayList<>();
    private final AtomicReference<Response> nextLotRefusal = new AtomicReference<>();
    private final AtomicLong lotIds = new AtomicLong(9_000);
    private volatile String lastProducerQuery;

    public MyProducer ownedBy(String owner, MyProducer producer) {
        producersByOwner.computeIfAbsent(owner, o -> new CopyOnWriteArrayList<>()).add(producer);
        return producer;
    }

    public MyProduct farmerProduct(MyProduct product) {
        farmerProducts.add(product);
        return product;
    }

    public MyLot farmerLot(MyLot lot) {
        farmerLots.add(lot);
        return lot;
    }

    public List<NewLot> lotsPosted() {
        return List.copyOf(lotsPosted);
    }

    public String lastProducerQuery() {
        return lastProducerQuery;
    }

    /** The next {@code POST /lots} answers this problem. */
    public void refuseNextLot(int status, String problemJson) {
        nextLotRefusal.set(Response.status(status).type("application/problem+json").entity(problemJson).build());
    }

    public void reset() {
        producersByOwner.clear();
        farmerProducts.clear();
        farmerLots.clear();
        lotsPosted.clear();
        nextLotRefusal.set(null);
        lotIds.set(9_000);
        lastProducerQuery = null;
        products.clear();
        down = false;
        lastQuery = null;
        lastProvince = null;
        lastLanguage = null;
        lastCertification = null;
        lastOcopStars = null;
    }

    public Product add(long id, String name, String story, String producer) {
        Product product = new Product(id, new Product.ProducerSummary(id, producer, "Bắc Ninh", "Xã Lục Ngạn", 4, false),
                "FRUIT", "vi", name, story, 65_000, List.of(6), true, true);
        products.put(id, product);
        return product;
    }

    private void answer() {
        if (down) {
            throw new ProcessingException("Connection refused: localhost/127.0.0.1:8081");
        }
    }

    @Override
    public Page<Campaign> campaigns(boolean running, int size, String language) {
        answer();
        lastLanguage = language;
        return new Page<>(List.of(campaign()), 0, size, 1);
    }

    /** Campaign 1 sells a lot of every product ({@code id × 10}); any other id is not found. */
    @Override
    public Campaign campaign(long id, String language) {
        answer();
        lastLanguage = language;
        if (id != 1) {
            throw new NotFoundException();
        }
        return campaign();
    }

    private Campaign campaign() {
        List<Campaign.LotOnSale> lots = new ArrayList<>();
        products.values().forEach(p -> lots.add(new Campaign.LotOnSale(p.id() * 10, p.id(), p.name(), p.producer().id(),
                p.producer().name(), 55_000, p.pricePerKg(), 1_000_000, 750_500)));
        Campaign campaign = new Campaign(1, "Tuần vải thiều Lục Ngạn", "Phó Chủ tịch tỉnh", "Livestream",
                Instant.parse("2026-06-10T01:00:00Z"), Instant.parse("2026-06-10T07:00:00Z"), true, 10_000,
                54_000_000, 2_500, lots);
        return campaign;
    }

    @Override
    public Page<Product> search(String q, String province, String certification, Integer ocopStars, int page, int size,
            String language) {
        answer();
        lastCertification = certification;
        lastOcopStars = ocopStars;
        lastQuery = q;
        lastProvince = province;
        lastLanguage = language;
        List<Product> found = List.copyOf(products.values());
        return new Page<>(found, page, size, found.size());
    }

    @Override
    public Product product(long id, String language) {
        answer();
        lastLanguage = language;
        Product product = products.get(id);
        if (product == null) {
            throw new NotFoundException();
        }
        return product;
    }

    @Override
    public List<Lot> lots(long id) {
        answer();
        return List.of(new Lot(id * 10, LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 15), 2_500, 65_000, null));
    }

    @Override
    public Producer producer(long id) {
        answer();
        return new Producer(id, "HTX Vải thiều Phượng Sơn", "Bắc Ninh", "Xã Lục Ngạn",
                List.of(new Producer.Certification("VIETGAP", "VG-<b>01</b>", LocalDate.of(2027, 1, 31), true)));
    }

    @Override
    public Page<MyProducer> producersOwnedBy(String owner, int size) {
        answer();
        List<MyProducer> found = List.copyOf(producersByOwner.getOrDefault(owner, List.of()));
        return new Page<>(found, 0, size, found.size());
    }

    /** As catalog's search: every word of {@code q} in the product's or its producer's name (case ignored), in the province. */
    @Override
    public Page<MyProduct> productsMatching(String q, String province, int page, int size, String language) {
        answer();
        lastProducerQuery = q;
        lastLanguage = language;
        List<MyProduct> found = farmerProducts.stream().filter(p -> p.delistedAt() == null)
                .filter(p -> Arrays.stream(q.toLowerCase(Locale.ROOT).split(" "))
                        .allMatch(word -> (p.name() + " " + p.producer().name()).toLowerCase(Locale.ROOT)
                                .contains(word)))
                .toList();
        return new Page<>(found.stream().skip((long) page * size).limit(size).toList(), page, size, found.size());
    }

    @Override
    public List<MyLot> lotsOf(long productId) {
        answer();
        return farmerLots.stream().filter(l -> l.productId() == productId).toList();
    }

    @Override
    public MyLot addLot(NewLot lot) {
        answer();
        Response refusal = nextLotRefusal.getAndSet(null);
        if (refusal != null) {
            throw new WebApplicationException(refusal);
        }
        MyProduct product = farmerProducts.stream().filter(p -> p.id() == lot.productId()).findFirst()
                .orElseThrow(() -> new WebApplicationException(Response.status(404).type("application/problem+json")
                        .entity("{\"title\":\"Not Found\",\"status\":404,\"field\":\"productId\"}").build()));
        lotsPosted.add(lot);
        MyLot created = new MyLot(lotIds.incrementAndGet(), product.id(), lot.harvestDate(),
                lot.harvestDate().plusDays(product.shelfLifeDays()), lot.quantityGrams(), lot.quantityGrams(),
                product.pricePerKg(), null);
        farmerLots.add(created);
        return created;
    }
}
