package io.agrilink.catalog.service;

import java.time.LocalDate;

/** A correction by the lot's owner: a new total quantity and/or harvest date (null: unchanged). */
public record LotChange(Long quantityGrams, LocalDate harvestDate) {
}
