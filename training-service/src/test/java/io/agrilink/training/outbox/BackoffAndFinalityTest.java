package io.agrilink.training.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.ConnectException;
import java.time.Duration;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonParseException;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.outbox.Backoff;
import io.agrilink.platform.outbox.Delivery;

/** The outbox's one back-off and its one rule for what is final. */
class BackoffAndFinalityTest {

    private static final Duration INITIAL = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(2);

    @Test
    void backoffDoublesAfterEachFailedAttemptAndIsCapped() {
        assertEquals(Duration.ofMillis(200), Backoff.after(1, INITIAL, MAX));
        assertEquals(Duration.ofMillis(400), Backoff.after(2, INITIAL, MAX));
        assertEquals(Duration.ofMillis(800), Backoff.after(3, INITIAL, MAX));
        assertEquals(Duration.ofMillis(1600), Backoff.after(4, INITIAL, MAX));
        assertEquals(MAX, Backoff.after(5, INITIAL, MAX));
        assertEquals(MAX, Backoff.after(1000, INITIAL, MAX));
    }

    @Test
    void backoffNeverOverflowsNorGoesBelowTheInitialDelay() {
        assertEquals(INITIAL, Backoff.after(0, INITIAL, MAX));
        assertEquals(Duration.ofDays(1), Backoff.after(Integer.MAX_VALUE, Duration.ofHours(1), Duration.ofDays(1)));
    }

    @Test
    void aReceiversFourHundredsAreFinalButTimeoutsAndTooManyRequestsAreRetried() {
        for (int status : new int[] { 400, 404, 409, 422 }) {
            Delivery.Refused refused = assertInstanceOf(Delivery.Refused.class, Delivery.ofStatus(status, "no"),
                    "HTTP " + status);
            assertEquals(status, refused.status());
        }
        for (int status : new int[] { 408, 429, 500, 503 }) {
            assertInstanceOf(Delivery.Retry.class, Delivery.ofStatus(status, "later"), "HTTP " + status);
        }
    }

    @Test
    void aFailedCallCountsByTheReceiversStatusAndNoAnswerIsRetried() {
        assertInstanceOf(Delivery.Refused.class, Delivery.failed(new WebApplicationException(422)));
        assertInstanceOf(Delivery.Retry.class, Delivery.failed(new WebApplicationException(503)));
        assertInstanceOf(Delivery.Retry.class,
                Delivery.failed(new IllegalStateException("unreachable", new ConnectException("refused"))));
    }

    @Test
    void aPayloadThatCannotBeReadIsRefusedForGood() {
        Delivery unreadable = Delivery.failed(new JsonParseException(null, "Unexpected character"));
        assertInstanceOf(Delivery.Refused.class, unreadable);
    }
}
