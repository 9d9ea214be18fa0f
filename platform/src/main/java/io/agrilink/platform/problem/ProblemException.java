package io.agrilink.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services for every expected failure; rendered as {@code application/problem+json}
 * by {@link ProblemMappers}. Carries the status, a short title and a detail a caller can act on.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** 400: one field of the request is invalid. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** 404: the thing named does not exist. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not found", what + " " + id + " does not exist");
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    /** 403: the caller is known but may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    /** 422: well-formed, but cannot be processed as asked. */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable request", detail);
    }

    /** 422: one field is well-formed but cannot be accepted as it stands (a payment method abroad). */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "Unprocessable request", field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /**
     * Adds a member to the problem body, such as {@code gramsLeft}.
     *
     * @throws IllegalArgumentException when {@code name} is one of {@link Problem#MEMBERS}
     */
    public ProblemException with(String name, Object value) {
        Problem.refuseShadowing(name);
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
