package io.agrilink.training.rest;

import java.time.Instant;

import io.agrilink.training.Notice;

/** A notice as the farmer reads it; {@code delivered} once the gateway took it. */
public record NoticeView(long id, Notice.Kind kind, Long sessionId, Long enrolmentId, String message,
        Instant createdAt, boolean delivered) {

    static NoticeView of(Notice n) {
        return new NoticeView(n.id, n.kind, n.sessionId, n.enrolmentId, n.message, n.createdAt, n.deliveredAt != null);
    }
}
