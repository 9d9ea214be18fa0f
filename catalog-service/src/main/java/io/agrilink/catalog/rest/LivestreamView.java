package io.agrilink.catalog.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A livestream as anyone may see it: no subjects. {@code mayMove} only in answers to staff and to
 * the stream's movers; {@code link} is the web app's page of the stream.
 */
public record LivestreamView(
        long id,
        String code,
        String title,
        String platform,
        String url,
        Instant plannedStart,
        Instant plannedEnd,
        String state,
        Instant startedAt,
        Instant endedAt,
        Instant cancelledAt,
        String cancelReason,
        CampaignRef campaign,
        List<Long> lotIds,
        List<Host> hosts,
        String link,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean mayMove) {

    public record CampaignRef(long id, String name) {
    }

    public record Host(String kind, String name, @JsonInclude(JsonInclude.Include.NON_NULL) Long teamId) {
    }
}
