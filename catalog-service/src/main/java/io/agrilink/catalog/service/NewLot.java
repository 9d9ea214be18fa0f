package io.agrilink.catalog.service;

import java.time.LocalDate;

/** A new harvest batch: how many grams of which product, harvested when. */
public record NewLot(long productId, LocalDate harvestDate, long quantityGrams) {
}
