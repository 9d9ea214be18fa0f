package io.agrilink.platform.trace;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Where no OTLP endpoint is configured, spans go nowhere: without this exporter Quarkus would send
 * them to {@code localhost:4317} and log a failure for every batch. Traces still exist (the
 * {@code traceparent} of every call between services, the trace id in every log line); only the
 * export is off. Setting {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (or
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}) to a collector takes this bean out of the lookup,
 * and Quarkus' own OTLP exporter sends the spans there.
 */
@Singleton
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = SpansKeptLocal.QUARKUS_DEFAULT,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = SpansKeptLocal.QUARKUS_DEFAULT,
        lookupIfMissing = true)
public class SpansKeptLocal implements SpanExporter {

    /** The endpoint Quarkus assumes when none is configured. */
    static final String QUARKUS_DEFAULT = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
