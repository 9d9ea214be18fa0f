package io.agrilink.catalog.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An account as staff see it: never a credential. {@code roles} lists AgriLink's realm roles only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountView(String username, String firstName, String lastName, String email, boolean enabled,
        List<String> roles, Instant createdAt) {
}
