package io.agrilink.order.service;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.order.repository.OrderRepository;

/** The campaign counters, all read from one snapshot so the groups add up to the totals even mid-sale. */
@ApplicationScoped
public class Dashboards {

    public record Campaign(OrderRepository.Totals all, List<OrderRepository.Totals> byProvince,
            List<OrderRepository.Totals> byCountry, List<OrderRepository.Totals> perMinute) {
    }

    /** What anyone may see of a campaign: its totals and grams by Vietnamese province. */
    public record Counter(OrderRepository.Totals all, List<OrderRepository.Totals> byProvince) {
    }

    @Inject
    OrderRepository orders;

    @Transactional
    public Campaign campaign(long campaignId) {
        orders.readOneSnapshot();
        return new Campaign(orders.campaignTotals(campaignId),
                byProvince(campaignId),
                orders.campaignTotalsBy(campaignId, "o.country"),
                orders.campaignTotalsBy(campaignId, "date_trunc('minute', o.placed_at)"));
    }

    @Transactional
    public Counter counter(long campaignId) {
        orders.readOneSnapshot();
        return new Counter(orders.campaignTotals(campaignId), byProvince(campaignId));
    }

    private List<OrderRepository.Totals> byProvince(long campaignId) {
        return orders.campaignTotalsBy(campaignId, "case when o.country = 'VN' then o.province end").stream()
                .filter(t -> Objects.nonNull(t.key())).toList();
    }
}
