/**
 * Tracing, the same in every service: OpenTelemetry spans for every HTTP request served and every
 * REST client call (W3C {@code traceparent} on the wire), the trace id and span id in every log
 * line beside the request id, and export only where an OTLP endpoint is configured
 * ({@link io.agrilink.platform.trace.SpansKeptLocal}). Work handed to a thread of our own takes its
 * request's trace along ({@link io.agrilink.platform.trace.RequestTrace}).
 */
package io.agrilink.platform.trace;
