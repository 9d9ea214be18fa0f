package io.agrilink.training.outbox;

/** The kinds of message training-service writes to its outbox, each delivered by its own handler. */
public final class OutboxKinds {

    /** A notice to a farmer; subject and payload are the notice's id. {@link NoticeHandler} sends it. */
    public static final String NOTICE = "NOTICE";

    /**
     * catalog-service's livestream-ready badge; subject is the farmer, payload the JSON
     * {@code {subject, certificateCode}}. {@link LivestreamReadyHandler} sends it.
     */
    public static final String LIVESTREAM_READY = "LIVESTREAM_READY";

    private OutboxKinds() {
    }
}
