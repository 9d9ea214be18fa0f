package io.agrilink.web.farmer;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A harvest lot of one of the farmer's products, with its stock and price (the campaign's while one runs). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MyLot(long id, long productId, LocalDate harvestDate, LocalDate bestBefore, long quantityGrams,
        long availableGrams, long pricePerKg, Long campaignId) {
}
