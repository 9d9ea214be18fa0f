package io.agrilink.catalog.service;

import java.util.List;

import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemException;

/** 409 naming the field whose value conflicts with what is stored (a farmer already in another team). */
final class FieldConflict {

    private FieldConflict() {
    }

    static ProblemException of(String field, String message) {
        return new ProblemException(409, "Conflict", field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }
}
