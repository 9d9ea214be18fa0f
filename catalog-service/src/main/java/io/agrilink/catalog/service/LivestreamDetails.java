package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.List;

import io.agrilink.catalog.Livestream;
import io.agrilink.catalog.LivestreamHost;

/**
 * A livestream as staff or a host schedule or change it. {@code campaignId} is required to schedule
 * and cannot change afterwards.
 */
public record LivestreamDetails(String title, Livestream.Platform platform, String url, Instant plannedStart,
        Instant plannedEnd, Long campaignId, List<Long> lotIds, List<Host> hosts) {

    public record Host(LivestreamHost.Kind kind, String name, String subject, Long teamId) {
    }
}
