package io.agrilink.catalog.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A reservation as order-service sees it: each line with what the order needs to know of the lot. */
public record Reservation(String orderRef, String buyer, ReservationStatus status, Instant expiresAt, List<Line> lines) {

    public record Line(
            long lotId,
            long grams,
            long productId,
            String productName,
            long producerId,
            String producerName,
            List<String> farmers,
            String province,
            String commune,
            String phone,
            String growingAreaCode,
            long unitPricePerKg,
            Long campaignId,
            LocalDate harvestDate,
            LocalDate bestBefore,
            boolean coldChain,
            Integer minCelsius,
            Integer maxCelsius) {
    }
}
