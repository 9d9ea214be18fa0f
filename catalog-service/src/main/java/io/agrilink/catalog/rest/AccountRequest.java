package io.agrilink.catalog.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.agrilink.catalog.service.NewAccount;

/**
 * A farmer, carrier or buyer account staff register. {@code username} is a Vietnamese phone number
 * or 3-64 characters of {@code [a-z0-9._-]}; {@code role} one of {@code farmer}, {@code carrier}, {@code buyer}.
 */
public record AccountRequest(
        @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank String role,
        @Email @Size(max = 254) String email,
        @Size(max = 30) String phone) {

    public NewAccount toNewAccount() {
        return new NewAccount(username, firstName, lastName, role, email, phone);
    }
}
