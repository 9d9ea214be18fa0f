package io.agrilink.catalog.service;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A reservation as order-service asks for it, not yet checked ({@link StockRules} turns it into
 * a {@link StockHold} or a 400 naming the field). Field names are those of the API, so a
 * violation names the field the caller sent.
 */
public record NewReservation(
        @NotBlank @Size(max = 100) String orderRef,
        @NotBlank @Size(max = 100) String buyer,
        @Positive Integer ttlSeconds,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines) {

    public record Line(@NotNull Long lotId, @NotNull @Positive Long grams) {
    }
}
