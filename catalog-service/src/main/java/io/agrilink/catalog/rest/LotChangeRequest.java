package io.agrilink.catalog.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.Positive;

import io.agrilink.catalog.service.LotChange;

/** A correction by the lot's owner: a new total quantity and/or harvest date. */
public record LotChangeRequest(@Positive Long quantityGrams, LocalDate harvestDate) {

    public LotChange toChange() {
        return new LotChange(quantityGrams, harvestDate);
    }
}
