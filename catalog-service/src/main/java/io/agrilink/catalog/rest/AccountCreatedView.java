package io.agrilink.catalog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a registration: the password is temporary, the account's owner chooses their own at first sign-in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountCreatedView(String username, String role, String temporaryPassword, String signInUrl) {
}
