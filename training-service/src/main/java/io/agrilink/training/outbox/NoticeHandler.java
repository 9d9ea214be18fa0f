package io.agrilink.training.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.platform.outbox.Delivery;
import io.agrilink.platform.outbox.OutboxHandler;
import io.agrilink.platform.outbox.OutboxMessage;
import io.agrilink.training.Notice;
import io.agrilink.training.notice.NoticeSender;
import io.agrilink.training.notice.NoticeSenders;
import io.agrilink.training.service.NoticeService;

/**
 * Sends a farmer's notice through the configured {@link NoticeSender}; a gateway's answer counts by
 * the outbox's one rule, {@link NoticeSender.Rejected} as refused for good. The notice is marked
 * delivered in the transaction that records the delivery, so {@code /me/notices} says so exactly
 * when the outbox does.
 */
@ApplicationScoped
public class NoticeHandler implements OutboxHandler {

    @Inject
    NoticeSenders senders;

    @Inject
    NoticeService notices;

    @Override
    public String kind() {
        return OutboxKinds.NOTICE;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        long id = Long.parseLong(message.payload());
        Notice notice = notices.find(id).orElse(null);
        if (notice == null) {
            return Delivery.refused(0, "Notice " + id + " does not exist");
        }
        try {
            senders.configured().send(notice);
        } catch (NoticeSender.Rejected e) {
            return Delivery.refused(0, e.getMessage());
        }
        return Delivery.delivered();
    }

    @Override
    public void delivered(OutboxMessage message, Object answer) {
        Notice notice = Notice.findById(Long.parseLong(message.payload()));
        if (notice != null) {
            notice.deliveredAt = Instant.now();
        }
    }
}
