package io.agrilink.web.client;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A harvest lot of a product, with what is left of it and its price (the campaign's while one runs). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lot(long id, LocalDate harvestDate, LocalDate bestBefore, long availableGrams, long pricePerKg,
        Long campaignId) {
}
