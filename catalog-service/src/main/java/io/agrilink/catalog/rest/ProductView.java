package io.agrilink.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.agrilink.catalog.Producer;
import io.agrilink.catalog.Product;
import io.agrilink.catalog.ProductText;
import io.agrilink.platform.time.AgriLinkTime;

/**
 * A product in the caller's language: {@code name} and {@code story} are in {@code language},
 * the best match of Accept-Language among {@code languages}, else English, else Vietnamese.
 * {@code delistedAt} is set once staff took it off sale.
 */
public record ProductView(
        long id,
        ProducerSummary producer,
        Product.Category category,
        String language,
        String name,
        String story,
        List<String> languages,
        Map<String, ProductRequest.Text> texts,
        long pricePerKg,
        List<Integer> seasonMonths,
        boolean inSeason,
        int shelfLifeDays,
        boolean coldChain,
        Integer minCelsius,
        Integer maxCelsius,
        Instant createdAt,
        Instant delistedAt) {

    public record ProducerSummary(long id, String name, Producer.Kind kind, String province, String commune,
            String growingAreaCode, Integer ocopStars, boolean livestreamReady) {
    }

    private static final ZoneId VIETNAM = AgriLinkTime.configured();

    public static ProductView from(Product p, List<Locale> acceptable, boolean livestreamReady) {
        ProductText text = pick(p.texts, acceptable);
        Map<String, ProductRequest.Text> texts = new TreeMap<>();
        p.texts.forEach(t -> texts.put(t.language, new ProductRequest.Text(t.name, t.story)));
        int month = LocalDate.now(VIETNAM).getMonthValue();
        Producer producer = p.producer;
        return new ProductView(p.id,
                new ProducerSummary(producer.id, producer.name, producer.kind, producer.province, producer.commune,
                        producer.growingAreaCode, producer.ocopStars, livestreamReady),
                p.category, text.language, text.name, text.story, List.copyOf(texts.keySet()), texts, p.pricePerKg,
                p.seasonMonths.stream().map(Short::intValue).sorted().toList(),
                p.seasonMonths.contains((short) month), p.shelfLifeDays, p.coldChain, p.minCelsius, p.maxCelsius,
                p.createdAt, p.delistedAt);
    }

    /** The text in the first acceptable language there is (exact tag, then the same language), else en, else vi. */
    public static ProductText pick(List<ProductText> texts, List<Locale> acceptable) {
        for (Locale locale : acceptable == null ? List.<Locale> of() : acceptable) {
            String tag = locale.toLanguageTag();
            if ("*".equals(locale.getLanguage()) || "und".equals(tag)) {
                continue;
            }
            for (ProductText t : texts) {
                if (t.language.equalsIgnoreCase(tag)) {
                    return t;
                }
            }
            for (ProductText t : texts) {
                if (Locale.forLanguageTag(t.language).getLanguage().equals(locale.getLanguage())) {
                    return t;
                }
            }
        }
        for (String fallback : List.of("en", "vi")) {
            for (ProductText t : texts) {
                if (t.language.equals(fallback)) {
                    return t;
                }
            }
        }
        return texts.get(0);
    }
}
