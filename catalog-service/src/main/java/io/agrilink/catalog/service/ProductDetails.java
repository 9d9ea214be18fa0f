package io.agrilink.catalog.service;

import java.util.Map;
import java.util.Set;

import io.agrilink.catalog.Product;

/**
 * What a producer says of a product when listing or replacing it. {@code texts} maps a language
 * tag to the name and story in that language.
 */
public record ProductDetails(
        long producerId,
        Product.Category category,
        Map<String, Text> texts,
        long pricePerKg,
        Set<Integer> seasonMonths,
        int shelfLifeDays,
        boolean coldChain,
        Integer minCelsius,
        Integer maxCelsius) {

    public record Text(String name, String story) {
    }
}
