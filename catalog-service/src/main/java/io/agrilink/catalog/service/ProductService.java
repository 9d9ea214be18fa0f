package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agrilink.catalog.AuditEntry;
import io.agrilink.catalog.Producer;
import io.agrilink.catalog.Product;
import io.agrilink.catalog.ProductText;
import io.agrilink.catalog.repository.ProductRepository;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.vn.VietnameseText;

/**
 * Products: listing and changing them (by their producer's owners or staff), delisting them
 * (staff), and the folded search text.
 */
@ApplicationScoped
public class ProductService {

    private static final List<String> REQUIRED_LANGUAGES = List.of("vi", "en");

    @Inject
    Caller caller;

    @Inject
    ProductRepository repository;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional
    public Product create(ProductDetails input) {
        Producer producer = Producer.<Producer> findByIdOptional(input.producerId())
                .orElseThrow(() -> ProblemException.notFound("Producer", input.producerId()).with("field", "producerId"));
        caller.requireOwnerOrStaff(producer.owners, "producer " + producer.id);
        Product product = new Product();
        product.producer = producer;
        apply(product, input);
        repository.persist(product);
        return product;
    }

    @Transactional
    public Product update(long id, ProductDetails input) {
        Product product = get(id);
        caller.requireOwnerOrStaff(product.producer.owners, "product " + id);
        if (input.producerId() != product.producer.id) {
            throw ProblemException.invalid("producerId", "a product stays with its producer; list a new product instead");
        }
        apply(product, input);
        return product;
    }

    /**
     * Takes a product off sale: search no longer finds it and its lots can no longer be reserved;
     * orders already confirmed keep their stock. Refused (409) while grams of its lots are held
     * for orders not confirmed yet: each such order would be cancelled at its confirmation.
     * The lots are locked first, as the stock ledger locks them before it reads the product, so
     * a reservation either committed before this check or sees the product delisted.
     */
    @Transactional
    public Product delist(long id, String reason) {
        Product product = get(id);
        if (!product.listed()) {
            throw ProblemException.conflict("Product " + id + " is already delisted (since " + product.delistedAt + ")")
                    .with("delistedAt", product.delistedAt.toString());
        }
        List<Object[]> held = em.createNativeQuery(
                "select id, held_grams from lot where product_id = ?1 order by id for update", Object[].class)
                .setParameter(1, id).getResultList();
        long heldGrams = held.stream().mapToLong(row -> ((Number) row[1]).longValue()).sum();
        if (heldGrams > 0) {
            long lot = held.stream().filter(row -> ((Number) row[1]).longValue() > 0).findFirst()
                    .map(row -> ((Number) row[0]).longValue()).orElseThrow();
            throw ProblemException.conflict("Product " + id + " cannot be delisted: " + heldGrams
                    + " g of its lots are held for orders not confirmed yet; try again once they are confirmed,"
                    + " released or expired").with("lotId", lot).with("heldGrams", heldGrams);
        }
        product.delistedAt = Instant.now();
        audit.record(AuditEntry.SubjectType.PRODUCT, id, "DELISTED", reason, null);
        return product;
    }

    /** Puts a delisted product on sale again. */
    @Transactional
    public Product relist(long id, String reason) {
        Product product = get(id);
        if (product.listed()) {
            throw ProblemException.conflict("Product " + id + " is listed");
        }
        Instant was = product.delistedAt;
        product.delistedAt = null;
        audit.record(AuditEntry.SubjectType.PRODUCT, id, "RELISTED", reason, "delisted since " + was);
        return product;
    }

    /** The product's audit trail, for staff and the owners of its producer. */
    public List<AuditEntry> audit(long id) {
        Product product = get(id);
        caller.requireOwnerOrStaff(product.producer.owners, "product " + id);
        return audit.of(AuditEntry.SubjectType.PRODUCT, id);
    }

    public Product get(long id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Product", id));
    }

    /** Recomputes what free-text search matches, after the product or its producer changed. */
    public void refreshSearchText(Product product) {
        StringJoiner text = new StringJoiner(" ");
        product.texts.forEach(t -> text.add(t.name));
        Producer producer = product.producer;
        text.add(producer.name).add(producer.province).add(producer.commune);
        if (!producer.province.equals(producer.provinceGiven)) {
            text.add(producer.provinceGiven);
        }
        product.searchText = VietnameseText.fold(text.toString());
        String vietnamese = product.texts.stream().filter(t -> t.language.equals("vi")).findFirst()
                .orElse(product.texts.get(0)).name;
        String sortName = VietnameseText.fold(vietnamese);
        product.sortName = sortName.length() > 200 ? sortName.substring(0, 200) : sortName;
    }

    private void apply(Product product, ProductDetails input) {
        Map<String, ProductText> texts = new LinkedHashMap<>();
        input.texts().forEach((tag, text) -> {
            String language = languageTag(tag);
            if (texts.put(language, new ProductText(language, VietnameseText.nfc(text.name()),
                    text.story() == null ? null : VietnameseText.nfc(text.story()))) != null) {
                throw ProblemException.invalid("texts", "language " + language + " is given twice");
            }
        });
        for (String required : REQUIRED_LANGUAGES) {
            if (!texts.containsKey(required)) {
                throw ProblemException.invalid("texts", "needs a name in '" + required + "'");
            }
        }
        if (input.coldChain()) {
            if (input.minCelsius() == null) {
                throw ProblemException.invalid("minCelsius", "is required when the product needs the cold chain");
            }
            if (input.maxCelsius() == null) {
                throw ProblemException.invalid("maxCelsius", "is required when the product needs the cold chain");
            }
            if (input.minCelsius() > input.maxCelsius()) {
                throw ProblemException.invalid("maxCelsius", "must not be below minCelsius");
            }
        }
        product.category = input.category();
        product.pricePerKg = input.pricePerKg();
        product.shelfLifeDays = input.shelfLifeDays();
        product.coldChain = input.coldChain();
        product.minCelsius = input.coldChain() ? input.minCelsius() : null;
        product.maxCelsius = input.coldChain() ? input.maxCelsius() : null;
        product.texts.clear();
        product.texts.addAll(new ArrayList<>(texts.values()));
        product.seasonMonths.clear();
        new TreeSet<>(input.seasonMonths()).forEach(m -> product.seasonMonths.add(m.shortValue()));
        refreshSearchText(product);
    }

    /** A well-formed BCP 47 tag with a two- or three-letter language, in its canonical case (zh-Hans, en-GB). */
    static String languageTag(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            int length = locale.getLanguage().length();
            if (length < 2 || length > 3) {
                throw ProblemException.invalid("texts", "'" + tag + "' is not a BCP 47 language tag (vi, en, ja, zh-Hans)");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw ProblemException.invalid("texts", "'" + tag + "' is not a BCP 47 language tag (vi, en, ja, zh-Hans)");
        }
    }
}
