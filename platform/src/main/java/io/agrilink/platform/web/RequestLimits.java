package io.agrilink.platform.web;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemMappers;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request line, headers or a declared body beyond {@link HttpLimits} with 414, 431 or 413
 * in problem+json, before any route. Vert.x would answer the first two itself, but with an empty
 * body and no hook to change it (its {@code invalidRequestHandler} is not reachable through
 * Quarkus), so its limits are set higher and these are enforced here.
 */
@Singleton
public class RequestLimits {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class);

    @Inject
    HttpLimits limits;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        // after RequestIds (1000), so the problem carries the request id
        filters.register(this::check, 900);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        int line = request.method().name().length() + 1 + request.uri().length() + " HTTP/1.1".length();
        if (line > limits.maxRequestLine()) {
            refuse(rc, 414, "Request-URI Too Long", "The request line has " + line + " characters; at most "
                    + limits.maxRequestLine() + " are accepted");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + 2 + header.getValue().length();
        }
        if (headerBytes > limits.maxHeaderSize().asLongValue()) {
            refuse(rc, 431, "Request Header Fields Too Large", "The request headers have " + headerBytes
                    + " bytes; at most " + limits.maxHeaderSize().asLongValue() + " are accepted");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > limits.maxBodySize().asLongValue()) {
            refuse(rc, 413, "Request Entity Too Large", "The request body has " + length + " bytes; at most "
                    + limits.maxBodySize().asLongValue() + " are accepted");
            return;
        }
        rc.next();
    }

    private void refuse(RoutingContext rc, int status, String title, String detail) {
        Problem problem = ProblemMappers.problemOf(status, title, detail, rc.request().path(),
                rc.request().getHeader(RequestIds.HEADER));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "Could not write the %d problem", status);
            body = "";
        }
        // the body is not read: close the connection rather than read (or misread) what follows
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body)
                .onComplete(sent -> rc.request().connection().close());
    }
}
