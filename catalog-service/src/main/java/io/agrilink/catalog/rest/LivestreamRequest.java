package io.agrilink.catalog.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.agrilink.catalog.Livestream;
import io.agrilink.catalog.LivestreamHost;
import io.agrilink.catalog.service.LivestreamDetails;

/**
 * A livestream as staff or a host schedule it (campaignId required) or change it while scheduled
 * (campaignId, if given, must be its own).
 */
public record LivestreamRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull Livestream.Platform platform,
        @NotBlank @Size(max = 500) @Pattern(regexp = "https://[^\\s/?#]+[^\\s]*", message = "must be an https:// address") String url,
        @NotNull Instant plannedStart,
        @NotNull Instant plannedEnd,
        Long campaignId,
        @Size(max = 20) List<@NotNull Long> lotIds,
        @NotNull @Size(min = 1, max = 5) List<@NotNull @Valid Host> hosts) {

    /** FARMER: subject required, name defaults to her first producer's; TEAM: teamId; others: name. */
    public record Host(
            @NotNull LivestreamHost.Kind kind,
            @Size(max = 200) String name,
            @Size(max = 100) String subject,
            Long teamId) {
    }

    public LivestreamDetails toDetails() {
        return new LivestreamDetails(title, platform, url, plannedStart, plannedEnd, campaignId,
                lotIds == null ? List.of() : lotIds,
                hosts.stream().map(h -> new LivestreamDetails.Host(h.kind(), h.name(), h.subject(), h.teamId())).toList());
    }
}
