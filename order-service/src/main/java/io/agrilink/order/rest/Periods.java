package io.agrilink.order.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.agrilink.platform.problem.ProblemException;

/** A period [from, to) of ISO-8601 instants from query parameters, each optional; bad ones are a 400 naming them. */
record Periods(Instant from, Instant to) {

    /** Before any order and after any order: the bounds of "all time". */
    static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant END = Instant.parse("9999-12-31T23:59:59Z");

    /** The period asked for; {@code from()} / {@code to()} are null where not given. */
    static Periods of(String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from (" + start + ")");
        }
        return new Periods(start, end);
    }

    Instant fromOrBeginning() {
        return from == null ? BEGINNING : from;
    }

    Instant toOrEnd() {
        return to == null ? END : to;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant such as 2026-06-10T00:00:00Z");
        }
    }
}
