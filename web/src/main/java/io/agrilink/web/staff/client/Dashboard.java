package io.agrilink.web.staff.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * order-service's live counter of a campaign ({@code GET /dashboard/campaigns/{id}}): cancelled
 * orders left out, the groups adding up to the totals. Per minute: {@code key} is the minute (UTC).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dashboard(long campaignId, Instant asOf, long orders, long grams, long revenue,
        List<Group> byProvince, List<Group> byCountry, List<Group> perMinute) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String key, long orders, long grams, long revenue) {
    }

    public static Dashboard empty(long campaignId) {
        return new Dashboard(campaignId, null, 0, 0, 0, List.of(), List.of(), List.of());
    }
}
