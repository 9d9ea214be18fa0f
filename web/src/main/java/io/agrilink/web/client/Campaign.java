package io.agrilink.web.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The web app's own copy of what it reads of catalog-service's campaign. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Campaign(long id, String name, String host, String description, Instant startsAt, Instant endsAt,
        boolean running, long perBuyerLimitGrams, long targetGrams, long reservedGrams, List<LotOnSale> lots) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LotOnSale(long lotId, long productId, String productName, long producerId, String producerName,
            long pricePerKg, long regularPricePerKg, long quantityGrams, long availableGrams) {
    }
}
