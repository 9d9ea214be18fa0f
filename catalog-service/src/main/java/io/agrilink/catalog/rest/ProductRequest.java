package io.agrilink.catalog.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.agrilink.catalog.Product;
import io.agrilink.catalog.service.ProductDetails;

/**
 * A product as its producer lists it. {@code texts} maps a BCP 47 language tag to the name and
 * story in that language; {@code vi} and {@code en} are required.
 */
public record ProductRequest(
        @NotNull Long producerId,
        @NotNull Product.Category category,
        @NotNull @Size(min = 2, max = 20) Map<@NotBlank @Size(max = 35) String, @NotNull @Valid Text> texts,
        @NotNull @Positive @Max(1_000_000_000) Long pricePerKg,
        @NotNull @Size(max = 12) Set<@NotNull @Min(1) @Max(12) Integer> seasonMonths,
        @NotNull @Positive @Max(3650) Integer shelfLifeDays,
        @NotNull Boolean coldChain,
        @Min(-40) @Max(40) Integer minCelsius,
        @Min(-40) @Max(40) Integer maxCelsius) {

    public record Text(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String story) {
    }

    public ProductDetails toDetails() {
        Map<String, ProductDetails.Text> given = new LinkedHashMap<>();
        texts.forEach((tag, text) -> given.put(tag, new ProductDetails.Text(text.name(), text.story())));
        return new ProductDetails(producerId, category, given, pricePerKg, seasonMonths, shelfLifeDays, coldChain,
                minCelsius, maxCelsius);
    }
}
