package io.agrilink.web.client;

import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

/**
 * What a service answered, or that it could not answer: unreachable, too slow or failing (5xx).
 * A page shows {@link #value()} (its fallback when the service is down) and a banner when
 * {@link #down()}; a 4xx is the caller's to handle and passes through as thrown.
 */
public record Fetched<T>(T value, boolean down) {

    private static final Logger LOG = Logger.getLogger(Fetched.class);

    public static <T> Fetched<T> of(String service, Supplier<T> call, T fallback) {
        try {
            return new Fetched<>(call.get(), false);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() < 500) {
                throw e;
            }
            LOG.warnf("%s answered %d", service, e.getResponse().getStatus());
            return new Fetched<>(fallback, true);
        } catch (ProcessingException e) {
            LOG.warnf("%s did not answer: %s", service, e.getMessage());
            return new Fetched<>(fallback, true);
        }
    }
}
