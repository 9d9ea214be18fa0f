package io.agrilink.platform.outbox;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What one delivery attempt came to. The outbox has one rule for what is final: a receiver's
 * 4xx other than 408 and 429 is a refusal for good ({@link Refused}, kept for staff to re-drive or
 * discard); anything else (5xx, 408, 429, no answer) is retried with {@link Backoff}.
 */
public sealed interface Delivery {

    /** The receiver took it; {@code answer} (may be null) goes to {@link OutboxHandler#delivered}. */
    record Delivered(Object answer) implements Delivery {
    }

    /** Worth trying again later. */
    record Retry(String error) implements Delivery {
    }

    /** Refused for good: retrying cannot help. {@code status} is the receiver's HTTP status, 0 if none. */
    record Refused(int status, String error) implements Delivery {
    }

    static Delivery delivered() {
        return new Delivered(null);
    }

    static Delivery delivered(Object answer) {
        return new Delivered(answer);
    }

    static Delivery refused(int status, String error) {
        return new Refused(status, error);
    }

    static Delivery retry(String error) {
        return new Retry(error);
    }

    /** The answer to an HTTP status, by the outbox's one rule. */
    static Delivery ofStatus(int status, String error) {
        boolean retried = status >= 500 || status == 408 || status == 429 || status < 400;
        return retried ? new Retry(error) : new Refused(status, error);
    }

    /**
     * What a failed attempt means: a receiver's status by {@link #ofStatus}; a payload that cannot
     * be read is refused for good (no retry can read it); no answer at all is retried.
     */
    static Delivery failed(Throwable e) {
        if (e instanceof WebApplicationException refusal) {
            int status = refusal.getResponse().getStatus();
            return ofStatus(status, "HTTP " + status + body(refusal));
        }
        if (e instanceof JsonProcessingException unreadable) {
            return new Refused(0, "unreadable payload: " + unreadable.getOriginalMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new Retry("connection refused");
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return new Retry("no answer in time");
            }
        }
        return new Retry(e.toString());
    }

    private static String body(WebApplicationException e) {
        try {
            return e.getResponse().hasEntity() ? " " + e.getResponse().readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
