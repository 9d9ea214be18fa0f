package io.agrilink.web.live;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * training-service's funnel ({@code GET /reports/funnel}): per group, how many farmers reached each step
 * (null where the service feeding it did not answer), the conversion of each step from the one before,
 * and which services answered.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Funnel(String by, LocalDate from, LocalDate to, Instant generatedAt, Map<String, String> sources,
        List<Group> groups, Group total) {

    /** The steps, in order; each a subset of the one before. */
    public static final List<String> STEPS = List.of("enrolled", "attended", "certified", "listedProduct",
            "hostedStream", "firstSale");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String key, String label, Long enrolled, Long attended, Long certified, Long listedProduct,
            Long hostedStream, Long firstSale, Long revenue, Map<String, Double> conversions) {

        public Long step(String step) {
            return switch (step) {
                case "enrolled" -> enrolled;
                case "attended" -> attended;
                case "certified" -> certified;
                case "listedProduct" -> listedProduct;
                case "hostedStream" -> hostedStream;
                case "firstSale" -> firstSale;
                default -> null;
            };
        }

        public Double conversion(String step) {
            return conversions == null ? null : conversions.get(step);
        }
    }

    public List<Group> groups() {
        return groups == null ? List.of() : groups;
    }

    /** The services that did not answer, with what training-service said of them. */
    public Map<String, String> unavailable() {
        if (sources == null) {
            return Map.of();
        }
        Map<String, String> down = new java.util.TreeMap<>();
        sources.forEach((service, state) -> {
            if (state != null && !state.equals("available")) {
                down.put(service, state);
            }
        });
        return down;
    }
}
