package io.agrilink.order.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.order.repository.LivestreamRepository;

/** Per-producer sales for the training funnel: sums only, one statement, so one snapshot. */
@ApplicationScoped
public class ProducerSales {

    @Inject
    LivestreamRepository repository;

    /** A row per producer asked for, in that order: zeros and no first sale for one without sales. */
    @Transactional
    public List<LivestreamRepository.ProducerSales> of(Collection<Long> producerIds, Instant from, Instant to) {
        if (producerIds.isEmpty()) {
            return List.of();
        }
        Map<Long, LivestreamRepository.ProducerSales> found = repository.producerSales(producerIds, from, to).stream()
                .collect(Collectors.toMap(LivestreamRepository.ProducerSales::producerId, Function.identity()));
        return producerIds.stream()
                .map(id -> found.getOrDefault(id, new LivestreamRepository.ProducerSales(id, null, 0, 0))).toList();
    }
}
