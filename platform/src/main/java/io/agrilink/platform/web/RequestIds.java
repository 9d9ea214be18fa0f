package io.agrilink.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sensible, otherwise a
 * new one. The id is put back on the request (so exception mappers and REST clients see it), in
 * the logging context ({@code %X{requestId}}) and on the response.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = rc.request().getHeader(HEADER);
            if (id == null || !SAFE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
                rc.request().headers().set(HEADER, id);
            }
            MDC.put(MDC_KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.next();
        }, 1000);
    }

    /** The id of the request being served, or {@code null} outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The id of the request these headers belong to. */
    public static String of(HttpHeaders headers) {
        String id = headers == null ? null : headers.getHeaderString(HEADER);
        return id != null ? id : current();
    }
}
