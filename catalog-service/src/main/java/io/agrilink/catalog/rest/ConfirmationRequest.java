package io.agrilink.catalog.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The order references whose reservations to confirm, in one transaction. */
public record ConfirmationRequest(@NotNull @Size(min = 1, max = 1000) List<@NotBlank @Size(max = 100) String> orderRefs) {
}
