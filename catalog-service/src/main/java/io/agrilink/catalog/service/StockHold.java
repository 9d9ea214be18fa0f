package io.agrilink.catalog.service;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A checked request to hold grams of one or more lots for an order (see {@link StockRules}). */
public record StockHold(String orderRef, String buyer, Duration ttl, List<Line> lines) {

    public record Line(long lotId, long grams) {
    }

    /** The lots this hold touches, sorted: holds with the same key share a queue. */
    public String laneKey() {
        return lines.stream().map(Line::lotId).sorted().distinct().map(String::valueOf)
                .collect(Collectors.joining(","));
    }
}
