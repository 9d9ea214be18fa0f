package io.agrilink.order.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.cache.CacheResult;

/**
 * The public livestream counters, read from the database at most once a second per stream and
 * instance however many buyers poll the stream's page (cache {@code livestream-counter}, 1 s after
 * writing). The answer says when it was read ({@code asOf}); an unknown code is never cached.
 */
@ApplicationScoped
public class PublicCounters {

    public record AsOf(LivestreamCounters.StreamCounter counter, Instant asOf) {
    }

    @Inject
    LivestreamCounters counters;

    @CacheResult(cacheName = "livestream-counter")
    public AsOf of(String code) {
        Instant asOf = Instant.now();
        return new AsOf(counters.counter(code, asOf), asOf);
    }
}
