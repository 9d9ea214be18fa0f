package io.agrilink.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response of every AgriLink service.
 *
 * @param type       a URI naming the kind of problem
 * @param title      a short, human-readable summary of the kind of problem
 * @param status     the HTTP status code
 * @param detail     what went wrong with this request, in words a caller can act on
 * @param instance   the request path
 * @param requestId  the request id, to find the request in the logs
 * @param violations for validation problems: each bad field and what is wrong with it
 * @param extensions further members specific to the problem (for example {@code gramsLeft}); never one of
 *                   {@link #MEMBERS}, which a JSON reader would otherwise see twice and read the last of
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
// the extensions are written as members of the problem itself, so its schema takes any further member
@Schema(additionalProperties = Schema.True.class)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<Violation> violations,
        @JsonAnyGetter @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The members this record writes itself: an extension may not take one of these names. */
    public static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "requestId",
            "violations");

    public Problem {
        extensions = extensions == null ? Map.of() : extensions;
        for (String name : extensions.keySet()) {
            refuseShadowing(name);
        }
    }

    /**
     * Refuses an extension member named like one of {@link #MEMBERS}: a second {@code status}
     * would make the body an invalid problem (a parser keeps one of the two).
     *
     * @throws IllegalArgumentException when {@code name} is taken
     */
    public static void refuseShadowing(String name) {
        if (MEMBERS.contains(name)) {
            throw new IllegalArgumentException("A problem extension may not be named " + name
                    + ": it would shadow the RFC 9457 member; choose a specific name (reservationStatus)");
        }
    }

    /** One invalid field: its path in the request ({@code lines[0].grams}, {@code query.page}) and why. */
    public record Violation(String field, String message) {
    }
}
