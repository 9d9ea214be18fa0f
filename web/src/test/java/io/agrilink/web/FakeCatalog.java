package io.agrilink.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.agrilink.web.client.Campaign;
import io.agrilink.web.client.CatalogRestClient;
import io.agrilink.web.client.Lot;
import io.agrilink.web.client.Page;
import io.agrilink.web.client.Producer;
import io.agrilink.web.client.Product;

/**
 * catalog-service as the web tests need it: a few products in memory, the last search and
 * Accept-Language it was asked for, and a switch that makes it unreachable, as a stopped service is.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@RestClient
public class FakeCatalog implements CatalogRestClient {

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

    public void reset() {
        products.clear();
        down = false;
        lastQuery = null;
        lastProvince = null;
        lastLanguage = null;
        lastCertification = null;
        lastOcopStars = null;
    }

    public Product add(long id, String name, String story, String producer) {
        Product product = new Product(id, new Product.ProducerSummary(id, producer, "Bắc Ninh", "Lục Ngạn", 4, false),
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
        return new Producer(id, "HTX Vải thiều Phượng Sơn", "Bắc Ninh", "Lục Ngạn",
                List.of(new Producer.Certification("VIETGAP", "VG-<b>01</b>", LocalDate.of(2027, 1, 31), true)));
    }
}
