package io.agrilink.catalog.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.agrilink.platform.problem.ProblemException;

/**
 * Instants given as query parameters: parsed here so a bad one is a 400 naming its parameter (a
 * JAX-RS {@code Instant} parameter that does not convert answers 404).
 */
final class Instants {

    private Instants() {
    }

    static Instant parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "must be an ISO-8601 instant such as 2026-06-10T07:00:00Z");
        }
    }
}
