package io.agrilink.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A rest-assured filter that fails the test when an {@code application/problem+json} answer is
 * not a valid RFC 9457 problem: one member of each name (a second {@code status} would be read
 * instead of the first), {@code status} an integer equal to the HTTP status, {@code type} an
 * absolute URI, {@code title} and {@code detail} strings. Installed for every {@code @QuarkusTest}
 * of every service by {@link ProblemShapeEverywhere}.
 */
public class ProblemShape implements OrderedFilter {

    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Adds the check to rest-assured's default filters, once. */
    public static void install() {
        if (RestAssured.filters().stream().noneMatch(ProblemShape.class::isInstance)) {
            RestAssured.filters(new ProblemShape());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        String type = answer.getContentType();
        if (type != null && type.startsWith("application/problem+json")) {
            check(answer.getStatusCode(), answer.asString());
        }
        return answer;
    }

    @Override
    public int getOrder() {
        return OrderedFilter.HIGHEST_PRECEDENCE;
    }

    /** Fails unless {@code body} is a valid problem for an answer with {@code httpStatus}. */
    public static void check(int httpStatus, String body) {
        JsonNode problem;
        try {
            problem = STRICT.readTree(body);
        } catch (IOException e) {
            fail("a problem body must be JSON with each member once: " + e.getMessage() + " in " + body);
            return;
        }
        assertTrue(problem.isObject(), "a problem is a JSON object: " + body);
        assertTrue(problem.path("status").isInt(), "status is an integer: " + body);
        assertEquals(httpStatus, problem.get("status").intValue(), "status is the HTTP status: " + body);
        assertTrue(problem.path("type").isTextual(), "type is a string: " + body);
        assertTrue(URI.create(problem.get("type").textValue()).isAbsolute(), "type is an absolute URI: " + body);
        assertTrue(problem.path("title").isTextual(), "title is a string: " + body);
        assertFalse(problem.get("title").textValue().isBlank(), "title is not blank: " + body);
        if (problem.has("detail")) {
            assertTrue(problem.get("detail").isTextual(), "detail is a string: " + body);
        }
        if (problem.has("instance")) {
            assertTrue(problem.get("instance").isTextual(), "instance is a string: " + body);
        }
    }
}
