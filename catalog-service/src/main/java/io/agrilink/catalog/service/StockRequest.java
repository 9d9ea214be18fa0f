package io.agrilink.catalog.service;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A validated request to hold grams of one or more lots for an order. */
public record StockRequest(String orderRef, String buyer, Duration ttl, List<Line> lines) {

    public record Line(long lotId, long grams) {
    }

    /** The lots this request touches, sorted: requests with the same key share a queue. */
    public String laneKey() {
        return lines.stream().map(Line::lotId).sorted().distinct().map(String::valueOf)
                .collect(Collectors.joining(","));
    }
}
