package io.agrilink.catalog.rest;

import java.time.Instant;
import java.util.List;

/** A campaign with its lots and how much of its target is held or sold. */
public record CampaignView(
        long id,
        String name,
        String host,
        String description,
        Instant startsAt,
        Instant endsAt,
        boolean running,
        long perBuyerLimitGrams,
        long targetGrams,
        long reservedGrams,
        List<LotOnSale> lots,
        Instant createdAt) {

    public record LotOnSale(long lotId, long productId, String productName, long producerId, String producerName,
            long pricePerKg, long regularPricePerKg, long quantityGrams, long availableGrams) {
    }
}
