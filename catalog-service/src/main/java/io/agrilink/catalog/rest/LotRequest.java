package io.agrilink.catalog.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import io.agrilink.catalog.service.NewLot;

/** A new harvest batch: how many grams of which product, harvested when. */
public record LotRequest(
        @NotNull Long productId,
        @NotNull LocalDate harvestDate,
        @NotNull @Positive Long quantityGrams) {

    public NewLot toNewLot() {
        return new NewLot(productId, harvestDate, quantityGrams);
    }
}
