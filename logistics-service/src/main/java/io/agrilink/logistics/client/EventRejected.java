package io.agrilink.logistics.client;

/** order-service refused an event for good (a 4xx other than 408/429): retrying cannot help. */
public class EventRejected extends RuntimeException {

    private final int status;

    public EventRejected(int status, String detail) {
        super("order-service answered " + status + (detail == null || detail.isBlank() ? "" : ": " + detail), null,
                false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
