package io.agrilink.catalog.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff end a campaign or delist a product: kept in the audit trail. */
public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
}
