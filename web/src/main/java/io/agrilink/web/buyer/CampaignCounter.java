package io.agrilink.web.buyer;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** order-service's public counter of a campaign: orders and grams, in total and by province. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignCounter(long campaignId, Instant asOf, long orders, long grams, List<ProvinceCount> byProvince) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProvinceCount(String province, long orders, long grams) {
    }

    public static CampaignCounter none(long campaignId) {
        return new CampaignCounter(campaignId, null, 0, 0, List.of());
    }
}
