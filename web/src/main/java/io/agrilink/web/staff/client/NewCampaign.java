package io.agrilink.web.staff.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** catalog-service's {@code POST /campaigns} body: window, host, lots at their campaign price, limit and target. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewCampaign(String name, String host, String description, Instant startsAt, Instant endsAt,
        Long perBuyerLimitGrams, Long targetGrams, List<LotPrice> lots) {

    public record LotPrice(Long lotId, Long pricePerKg) {
    }
}
