package io.agrilink.platform.trace;

import org.jboss.logging.MDC;

import io.agrilink.platform.web.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The request id and trace of the request being served, taken along when its work is handed to a
 * thread of our own (a batcher's worker serves many requests, so a context-propagating executor
 * cannot carry them). {@link #resume()} on the worker makes them current again: its calls to other
 * services continue the request's trace and carry its request id, and its log lines show both.
 */
public record RequestTrace(Context context, String requestId) {

    /** The trace id's and span id's keys in the logging context, as Quarkus names them. */
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    /** The current request's trace and request id (empty ones outside a request). */
    public static RequestTrace current() {
        return new RequestTrace(Context.current(), RequestIds.current());
    }

    /** Makes this trace and request id current on this thread until the returned scope is closed. */
    public Resumed resume() {
        Scope scope = context.makeCurrent();
        SpanContext span = Span.fromContext(context).getSpanContext();
        put(RequestIds.MDC_KEY, requestId);
        put(TRACE_ID, span.isValid() ? span.getTraceId() : null);
        put(SPAN_ID, span.isValid() ? span.getSpanId() : null);
        return () -> {
            MDC.remove(RequestIds.MDC_KEY);
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
            scope.close();
        };
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** A resumed trace; closing it leaves the thread as it was before. */
    public interface Resumed extends AutoCloseable {
        @Override
        void close();
    }
}
