package io.agrilink.catalog.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.agrilink.catalog.service.CampaignDetails;

/**
 * A sale event: who hosts it, when it runs, which lots at which price, and the per-buyer limit.
 * {@code reason} goes to the audit trail; it is required when changing a campaign.
 */
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String host,
        @Size(max = 4000) String description,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotNull @Positive Long perBuyerLimitGrams,
        @NotNull @Positive Long targetGrams,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid LotPrice> lots,
        @Size(max = 500) String reason) {

    public record LotPrice(@NotNull Long lotId, @NotNull @Positive Long pricePerKg) {
    }

    public CampaignDetails toDetails() {
        return new CampaignDetails(name, host, description, startsAt, endsAt, perBuyerLimitGrams, targetGrams,
                lots.stream().map(l -> new CampaignDetails.LotPrice(l.lotId(), l.pricePerKg())).toList(), reason);
    }
}
