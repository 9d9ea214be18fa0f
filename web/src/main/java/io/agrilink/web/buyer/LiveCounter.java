package io.agrilink.web.buyer;

import java.time.Instant;
import java.util.List;

import io.agrilink.web.client.Campaign;

/**
 * A campaign's counter as its page shows it: kg sold and orders (order-service's public counter,
 * cancelled orders left out), kg left (what catalog-service still has of the campaign's lots), and
 * kg by province. {@code down} when a service did not answer.
 */
public record LiveCounter(long campaignId, long soldGrams, long leftGrams, long orders,
        List<CampaignCounter.ProvinceCount> byProvince, Instant asOf, boolean down) {

    static LiveCounter of(Campaign campaign, CampaignCounter counter, boolean down) {
        long left = campaign.lots() == null ? 0
                : campaign.lots().stream().mapToLong(Campaign.LotOnSale::availableGrams).sum();
        return new LiveCounter(campaign.id(), counter.grams(), left, counter.orders(),
                counter.byProvince() == null ? List.of() : counter.byProvince(), counter.asOf(), down);
    }
}
