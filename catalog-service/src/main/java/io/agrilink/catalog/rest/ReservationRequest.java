package io.agrilink.catalog.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.agrilink.catalog.service.NewReservation;

/** Grams of lots to hold for an order, all lines or none; {@code ttlSeconds} defaults to the configured hold time. */
public record ReservationRequest(
        @NotBlank @Size(max = 100) String orderRef,
        @NotBlank @Size(max = 100) String buyer,
        @Positive Integer ttlSeconds,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid LineRequest> lines) {

    public record LineRequest(@NotNull Long lotId, @NotNull @Positive Long grams) {
    }

    /** As asked, even when invalid (a reservation of a batch is checked by the service, alone). */
    public NewReservation toNewReservation() {
        return new NewReservation(orderRef, buyer, ttlSeconds, lines == null ? null
                : lines.stream().map(l -> l == null ? null : new NewReservation.Line(l.lotId(), l.grams())).toList());
    }
}
