package io.agrilink.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.agrilink.catalog.Lot;
import io.agrilink.catalog.Producer;
import io.agrilink.catalog.Product;
import io.agrilink.catalog.service.LotService;

/** A lot with its stock and what traces it to the orchard: producer, place and growing-area code. */
public record LotView(
        long id,
        long productId,
        String productName,
        long producerId,
        String producerName,
        List<String> farmers,
        String province,
        String commune,
        String growingAreaCode,
        LocalDate harvestDate,
        LocalDate bestBefore,
        long quantityGrams,
        long availableGrams,
        long heldGrams,
        long confirmedGrams,
        long pricePerKg,
        Long campaignId,
        boolean coldChain,
        Integer minCelsius,
        Integer maxCelsius,
        Instant createdAt) {

    /** {@code campaign} is null when no campaign with this lot runs now. */
    public static LotView from(Lot lot, String productName, LotService.CampaignPrice campaign) {
        Product product = lot.product;
        Producer producer = product.producer;
        return new LotView(lot.id, product.id, productName, producer.id, producer.name,
                producer.owners.stream().sorted().toList(), producer.province, producer.commune,
                lot.growingAreaCode != null ? lot.growingAreaCode : producer.growingAreaCode, lot.harvestDate,
                lot.bestBefore, lot.quantityGrams, lot.availableGrams, lot.heldGrams, lot.confirmedGrams,
                campaign != null ? campaign.pricePerKg() : product.pricePerKg,
                campaign != null ? campaign.campaignId() : null, product.coldChain,
                product.minCelsius, product.maxCelsius, lot.createdAt);
    }
}
