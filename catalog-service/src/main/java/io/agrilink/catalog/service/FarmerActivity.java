package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.List;

/**
 * What a farmer did in the catalogue up to a moment, for training-service's funnel: her producers
 * (province and commune of the first), her team, the products she listed and the streams she hosted.
 */
public record FarmerActivity(String subject, List<Long> producerIds, String province, String commune, Long teamId,
        String teamName, long productsListed, Instant firstListedAt, long streamsHosted, Instant firstStreamAt) {
}
