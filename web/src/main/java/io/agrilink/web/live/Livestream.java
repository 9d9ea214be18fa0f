package io.agrilink.web.live;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The web app's own copy of catalog-service's livestream ({@code LivestreamView}): public, no
 * subjects; {@code mayMove} only in the answers to someone who may start or end it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Livestream(long id, String code, String title, String platform, String url, Instant plannedStart,
        Instant plannedEnd, String state, Instant startedAt, Instant endedAt, Instant cancelledAt, String cancelReason,
        CampaignRef campaign, List<Long> lotIds, List<Host> hosts, String link, Boolean mayMove) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CampaignRef(long id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Host(String kind, String name, Long teamId) {
    }

    public boolean scheduled() {
        return "SCHEDULED".equals(state);
    }

    public boolean live() {
        return "LIVE".equals(state);
    }

    public boolean ended() {
        return "ENDED".equals(state);
    }

    public boolean cancelled() {
        return "CANCELLED".equals(state);
    }

    /** Live or ended: there are figures to show. */
    public boolean counted() {
        return live() || ended();
    }

    /** Only an https address is a link (catalog takes nothing else); anything else is not made clickable. */
    public boolean linkable() {
        return url != null && url.startsWith("https://");
    }

    public List<Long> lotIds() {
        return lotIds == null ? List.of() : lotIds;
    }

    public List<Host> hosts() {
        return hosts == null ? List.of() : hosts;
    }
}
