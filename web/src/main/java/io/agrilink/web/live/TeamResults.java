package io.agrilink.web.live;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** order-service's results of a team's (or a host's) livestreams ({@code GET /livestream-results?team=}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamResults(Long team, String host, Instant from, Instant to, List<Stream> streams, long orders,
        long grams, long revenue, List<StreamCounter.Group> byProvince, List<StreamCounter.Group> byCountry,
        String headline) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stream(String code, String title, Instant startedAt, Instant endedAt, long orders, long grams,
            long revenue, String headline) {
    }

    public List<Stream> streams() {
        return streams == null ? List.of() : streams;
    }

    public List<StreamCounter.Group> byProvince() {
        return byProvince == null ? List.of() : byProvince;
    }
}
