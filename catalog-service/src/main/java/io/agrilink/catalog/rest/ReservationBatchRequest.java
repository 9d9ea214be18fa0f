package io.agrilink.catalog.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Many reservations in one call; each is checked on its own, so one invalid reservation does not refuse the others. */
public record ReservationBatchRequest(@NotNull @Size(min = 1, max = 1000) List<ReservationRequest> reservations) {
}
