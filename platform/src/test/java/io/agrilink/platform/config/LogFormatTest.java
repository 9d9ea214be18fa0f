package io.agrilink.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** What every service logs, as the platform's shared configuration sets it per profile. */
class LogFormatTest {

    @Test
    void productionLogsJsonLinesAndEveryOtherProfileReadableOnes() throws IOException {
        assertEquals(true, shared("prod").getValue("quarkus.log.console.json.enabled", Boolean.class));
        assertEquals(false, shared("dev").getValue("quarkus.log.console.json.enabled", Boolean.class));
        assertEquals(false, shared("test").getValue("quarkus.log.console.json.enabled", Boolean.class));
    }

    @Test
    void everyReadableLineNamesItsRequestTraceAndSpan() throws IOException {
        String format = shared("dev").getValue("quarkus.log.console.format", String.class);
        assertTrue(format.contains("%X{requestId}") && format.contains("%X{traceId}") && format.contains("%X{spanId}"),
                format);
    }

    private static SmallRyeConfig shared(String profile) throws IOException {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        LogFormatTest.class.getResource("/META-INF/microprofile-config.properties"), 100))
                .build();
    }
}
