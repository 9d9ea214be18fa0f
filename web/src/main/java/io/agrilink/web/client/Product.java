package io.agrilink.web.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** catalog-service's product in the visitor's language ({@code language}), as the web app reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(long id, ProducerSummary producer, String category, String language, String name, String story,
        long pricePerKg, List<Integer> seasonMonths, boolean inSeason, boolean coldChain) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProducerSummary(long id, String name, String province, String commune, Integer ocopStars,
            boolean livestreamReady) {
    }
}
