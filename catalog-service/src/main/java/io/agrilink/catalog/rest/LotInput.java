package io.agrilink.catalog.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A new harvest batch: how many grams of which product, harvested when. */
public record LotInput(
        @NotNull Long productId,
        @NotNull LocalDate harvestDate,
        @NotNull @Positive Long quantityGrams) {

    /** A correction by the lot's owner: a new total quantity and/or harvest date. */
    public record Change(@Positive Long quantityGrams, LocalDate harvestDate) {
    }
}
