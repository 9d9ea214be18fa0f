package io.agrilink.training.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.platform.outbox.Delivery;
import io.agrilink.platform.outbox.OutboxHandler;
import io.agrilink.platform.outbox.OutboxMessage;
import io.agrilink.training.client.CatalogClient;

/**
 * Gives a farmer who completed the livestream-selling course catalog-service's livestream-ready
 * badge ({@code PUT /farmers/{subject}/livestream-ready}, idempotent there), until catalog takes it.
 */
@ApplicationScoped
public class LivestreamReadyHandler implements OutboxHandler {

    /** The message's payload. */
    public record Badge(String subject, String certificateCode) {
    }

    /** Longest subject the outbox's {@code subject} column holds; the payload always carries the farmer. */
    private static final int SUBJECT_COLUMN = 100;

    @Inject
    CatalogClient catalog;

    @Inject
    ObjectMapper json;

    /** The outbox subject of a farmer's badge: the farmer, unless too long to look up by. */
    public static String subjectOf(String farmer) {
        return farmer.length() <= SUBJECT_COLUMN ? farmer : null;
    }

    @Override
    public String kind() {
        return OutboxKinds.LIVESTREAM_READY;
    }

    @Override
    public Delivery deliver(OutboxMessage message) throws JsonProcessingException {
        Badge badge = json.readValue(message.payload(), Badge.class);
        catalog.markLivestreamReady(badge.subject(), badge.certificateCode());
        return Delivery.delivered();
    }
}
