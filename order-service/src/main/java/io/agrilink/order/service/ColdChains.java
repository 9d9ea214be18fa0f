package io.agrilink.order.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.agrilink.order.client.CatalogRestClient;
import io.agrilink.order.config.OrderConfig;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemException;

/**
 * The one temperature range an order's cold-chain lines travel in (one shipment, one truck), and
 * the refusal at placement of an order that has none logistics-service would carry: lines whose
 * ranges do not overlap, or a range outside what logistics-service accepts. Checked in memory on
 * catalog-service's reservation answer, before the order is written.
 */
final class ColdChains {

    /** Without a stated bound, the lychee range the catalogue defaults to. */
    private static final int DEFAULT_MIN = 2;
    private static final int DEFAULT_MAX = 5;

    /** One cold-chain line's range as the catalogue states it; either bound may be absent. */
    record Band(int index, long lotId, Integer minCelsius, Integer maxCelsius) {

        String describe() {
            return "lot " + lotId + " keeps " + (minCelsius == null ? "?" : minCelsius) + " to "
                    + (maxCelsius == null ? "?" : maxCelsius) + " °C";
        }
    }

    record Range(int minCelsius, int maxCelsius) {
    }

    private ColdChains() {
    }

    /** The range every band shares: the warmest minimum to the coldest maximum (may be empty: min > max). */
    static Range shared(List<Band> bands) {
        int min = bands.stream().map(Band::minCelsius).filter(Objects::nonNull).max(Integer::compare)
                .orElse(DEFAULT_MIN);
        int max = bands.stream().map(Band::maxCelsius).filter(Objects::nonNull).min(Integer::compare)
                .orElse(DEFAULT_MAX);
        return new Range(min, max);
    }

    /** A 422 naming the lines when the reserved lines cannot travel in one cold chain; null when they can. */
    static ProblemException refusal(CatalogRestClient.Reservation reservation, NewOrder order,
            OrderConfig.ColdChain limits) {
        List<Band> bands = new ArrayList<>();
        for (CatalogRestClient.ReservedLine line : reservation.lines()) {
            if (Boolean.TRUE.equals(line.coldChain())) {
                bands.add(new Band(index(order, line.lotId()), line.lotId(), line.minCelsius(), line.maxCelsius()));
            }
        }
        if (bands.isEmpty()) {
            return null;
        }
        Range range = shared(bands);
        if (range.minCelsius() > range.maxCelsius()) {
            List<Band> apart = bands.stream()
                    .filter(b -> Objects.equals(b.minCelsius(), range.minCelsius())
                            || Objects.equals(b.maxCelsius(), range.maxCelsius()))
                    .toList();
            return refusal("These lines cannot travel in one cold chain: no temperature suits them all ("
                    + String.join("; ", apart.stream().map(Band::describe).toList())
                    + "); order them separately", apart, "its temperature range does not overlap the others'");
        }
        if (range.minCelsius() < limits.lowestCelsius() || range.maxCelsius() > limits.highestCelsius()) {
            List<Band> outside = bands.stream()
                    .filter(b -> (b.minCelsius() != null && b.minCelsius() < limits.lowestCelsius())
                            || (b.maxCelsius() != null && b.maxCelsius() > limits.highestCelsius()))
                    .toList();
            return refusal("Logistics carries cold-chain loads between " + limits.lowestCelsius() + " and "
                    + limits.highestCelsius() + " °C; the shared range of this order is " + range.minCelsius()
                    + " to " + range.maxCelsius() + " °C", outside.isEmpty() ? bands : outside,
                    "needs a temperature logistics cannot keep");
        }
        return null;
    }

    private static ProblemException refusal(String detail, List<Band> lines, String message) {
        List<Problem.Violation> violations = lines.stream()
                .map(b -> new Problem.Violation("lines[" + b.index() + "].lotId", b.describe() + ": " + message))
                .toList();
        return new ProblemException(422, "No cold chain for this order", detail, violations);
    }

    private static int index(NewOrder order, long lotId) {
        for (int i = 0; i < order.lines().size(); i++) {
            if (order.lines().get(i).lotId() == lotId) {
                return i;
            }
        }
        return 0;
    }
}
