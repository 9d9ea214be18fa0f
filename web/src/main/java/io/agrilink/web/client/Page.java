package io.agrilink.web.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of a list the services answer ({@code items, page, size, total}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), 0, 0, 0);
    }
}
