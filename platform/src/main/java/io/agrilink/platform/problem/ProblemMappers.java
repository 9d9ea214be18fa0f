package io.agrilink.platform.problem;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.agrilink.platform.json.StrictText;
import io.agrilink.platform.web.RequestIds;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} response. Nothing a
 * caller sees names a Java class or shows a stack trace; unexpected failures are logged with
 * the request id and answered with a generic 500 that carries the same id. Bad text
 * ({@link StrictText}: a NUL, a control character, an unpaired surrogate) is a 400 naming the field
 * and JSON past Jackson's limits (nesting deeper than 1000) a 400; over-long requests are answered
 * before JAX-RS, by {@code RequestLimits}, with the same body.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_BASE = "https://agrilink.io/problems/";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.status(), e.title(), e.getMessage(), e.violations(), e.extensions(), uri, headers);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid");
        return respond(400, "Invalid request", detail, violations, Map.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri, HttpHeaders headers) {
        LOG.warnf("Validation could not run: %s", e.getMessage());
        return respond(400, "Invalid request", "The request could not be validated", List.of(), Map.of(), uri, headers);
    }

    @ServerExceptionMapper({ JsonParseException.class })
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "Malformed JSON", "The request body is not valid JSON" + where, List.of(), Map.of(), uri,
                headers);
    }

    /** Jackson's {@code StreamReadConstraints}: nesting deeper than 1000 levels, a number or a string too long. */
    @ServerExceptionMapper
    public Response jsonBeyondLimits(StreamConstraintsException e, UriInfo uri, HttpHeaders headers) {
        String what = e.getMessage() != null && e.getMessage().contains("nesting depth")
                ? "nests JSON deeper than the 1000 levels accepted"
                : "holds a JSON number, string or name longer than accepted";
        return respond(400, "Malformed JSON", "The request body " + what, List.of(), Map.of(), uri, headers);
    }

    @ServerExceptionMapper({ JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, StrictText.BadTextException.class })
    public Response wrongJson(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        String field = jsonPath(e.getPath());
        String message;
        if (e instanceof StrictText.BadTextException text) {
            field = field.isEmpty() ? "body" : field;
            message = text.reason();
        } else if (e instanceof UnrecognizedPropertyException u) {
            field = field.isEmpty() ? u.getPropertyName() : field;
            message = "is not a known field";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be " + describe(m.getTargetType());
        } else {
            message = "has the wrong type or format";
        }
        if (field.isEmpty()) {
            return respond(400, "Malformed JSON", "The request body does not have the expected shape", List.of(),
                    Map.of(), uri, headers);
        }
        return respond(400, "Invalid request", field + ": " + message, List.of(new Problem.Violation(field, message)),
                Map.of(), uri, headers);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Response r = respond(401, "Unauthorized",
                "A valid bearer token is required: it is missing, expired, or not signed by a trusted issuer",
                List.of(), Map.of(), uri, headers);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, "Forbidden", "Your role does not allow this request", List.of(), Map.of(), uri, headers);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, PessimisticLockException.class, LockTimeoutException.class })
    public Response concurrentChange(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return respond(409, "Conflict", "Someone else changed this at the same time; read it again and retry",
                List.of(), Map.of(), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return wrongJson(mapping, uri, headers);
        }
        if (e.getCause() instanceof StreamConstraintsException limits) {
            return jsonBeyondLimits(limits, uri, headers);
        }
        if (e.getCause() instanceof JsonProcessingException parsing) {
            return malformedJson(parsing, uri, headers);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing is found at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 406 -> "This resource cannot answer in the media type asked for";
            case 415 -> "Unsupported media type: send application/json";
            default -> e.getMessage() == null ? title : e.getMessage();
        };
        Response r = respond(status, title, detail, List.of(), Map.of(), uri, headers);
        if (e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            r = Response.fromResponse(r).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (causedBy(e, SQLException.class) && isConnectionFailure(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            Response r = respond(503, "Service unavailable", "The database is not reachable; try again shortly",
                    List.of(), Map.of(), uri, headers);
            return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(500, "Internal error",
                "Something went wrong on our side; quote the request id when you report it", List.of(), Map.of(), uri,
                headers);
    }

    /**
     * The problem body for {@code e} exactly as the mappers render it, for an endpoint that reports
     * several outcomes in one answer (a batch) instead of throwing.
     */
    public static Problem problemOf(ProblemException e, String instance) {
        return problem(e.status(), e.title(), e.getMessage(), e.violations(), e.extensions(), instance,
                RequestIds.current());
    }

    /** A problem body for an answer given outside JAX-RS (a Vert.x route filter), rendered like every other. */
    public static Problem problemOf(int status, String title, String detail, String instance, String requestId) {
        return problem(status, title, detail, List.of(), Map.of(), instance, requestId);
    }

    private static Response respond(int status, String title, String detail, List<Problem.Violation> violations,
            Map<String, Object> extensions, UriInfo uri, HttpHeaders headers) {
        Problem body = problem(status, title, detail, violations, extensions, uri == null ? null : uri.getPath(),
                RequestIds.of(headers));
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static Problem problem(int status, String title, String detail, List<Problem.Violation> violations,
            Map<String, Object> extensions, String instance, String requestId) {
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, instance, requestId, violations,
                Map.copyOf(extensions));
    }

    /** {@code create.request.lines[0].grams} becomes {@code lines[0].grams}; a bare query parameter keeps its name. */
    public static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Iterator<Path.Node> it = nodes.iterator(); it.hasNext();) {
            Path.Node node = it.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.CROSS_PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable() && node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.isInIterable() && field.length() > 0) {
                // the index belongs to the container named before
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.length() == 0) {
            return parameter == null ? "body" : parameter;
        }
        return field.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                values.append(values.length() == 0 ? "" : ", ").append(constant);
            }
            return "one of " + values;
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + (type == java.time.LocalDate.class ? "date (2026-05-20)" : "date-time");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getClass().getSimpleName().contains("JDBCConnectionException")
                    || t.getClass().getSimpleName().contains("AcquisitionTimeout")) {
                return true;
            }
        }
        return false;
    }
}
