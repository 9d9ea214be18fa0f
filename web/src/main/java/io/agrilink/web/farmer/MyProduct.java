package io.agrilink.web.farmer;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A product of one of the farmer's producers, with what a new lot of it gets: its shelf life and price per kg. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MyProduct(long id, Maker producer, String name, String story, long pricePerKg, int shelfLifeDays,
        Instant delistedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Maker(long id, String name) {
    }
}
