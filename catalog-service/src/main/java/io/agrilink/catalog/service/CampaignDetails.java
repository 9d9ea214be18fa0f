package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.List;

/**
 * A sale event as staff create or change it: who hosts it, when it runs, which lots at which
 * price, and the per-buyer limit. {@code reason} goes to the audit trail (required for a change).
 */
public record CampaignDetails(
        String name,
        String host,
        String description,
        Instant startsAt,
        Instant endsAt,
        long perBuyerLimitGrams,
        long targetGrams,
        List<LotPrice> lots,
        String reason) {

    public record LotPrice(long lotId, long pricePerKg) {
    }
}
