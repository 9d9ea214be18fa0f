package io.agrilink.web.farmer;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** order-service's {@code GET /packing-list}: the farmer's lines in orders confirmed on {@code date}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PackingList(LocalDate date, long totalGrams, List<Item> items, int page, int size, long total) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(long orderId, String orderRef, String orderStatus, long lineId, String productName,
            String producerName, long grams, Long packedGrams, String country, String province) {

        /** The name its weight field's error goes by: one form per line on the page. */
        public String field() {
            return "packed-" + lineId;
        }

        public boolean packed() {
            return packedGrams != null;
        }

        /** The ordered weight in kg as a form field's value ({@code 2.5}): what the farmer usually packs. */
        public String orderedKg() {
            return Kilograms.of(grams);
        }
    }

    /** {@code POST /orders/{id}/packing}'s body. */
    public record Packing(List<Line> lines) {

        public record Line(long lineId, long packedGrams) {
        }
    }
}
