package io.agrilink.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.agrilink.catalog.service.Reservation;
import io.agrilink.catalog.service.ReservationStatus;

/** A reservation as order-service sees it: each line with what the order needs to know of the lot. */
public record ReservationView(String orderRef, String buyer, ReservationStatus status, Instant expiresAt, List<Line> lines) {

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

        static Line of(Reservation.Line l) {
            return new Line(l.lotId(), l.grams(), l.productId(), l.productName(), l.producerId(), l.producerName(),
                    l.farmers(), l.province(), l.commune(), l.phone(), l.growingAreaCode(), l.unitPricePerKg(),
                    l.campaignId(), l.harvestDate(), l.bestBefore(), l.coldChain(), l.minCelsius(), l.maxCelsius());
        }
    }

    public static ReservationView of(Reservation reservation) {
        return reservation == null ? null : new ReservationView(reservation.orderRef(), reservation.buyer(),
                reservation.status(), reservation.expiresAt(), reservation.lines().stream().map(Line::of).toList());
    }
}
