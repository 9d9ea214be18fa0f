package io.agrilink.catalog.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.catalog.client.OrderClient;
import io.agrilink.catalog.client.OrderRestClient;
import io.agrilink.platform.outbox.Delivery;
import io.agrilink.platform.outbox.OutboxHandler;
import io.agrilink.platform.outbox.OutboxMessage;

/**
 * Gives order-service the stream's snapshot ({@code PUT /livestreams/{id}}), in the order the
 * changes were made (one ordering key per stream). order-service keeps the newest version, so a
 * repeated delivery has no second effect.
 */
@ApplicationScoped
public class LivestreamChangedHandler implements OutboxHandler {

    @Inject
    OrderClient orders;

    @Inject
    ObjectMapper json;

    /** The ordering key of a stream's messages. */
    public static String orderingKey(long livestreamId) {
        return "livestream-" + livestreamId;
    }

    @Override
    public String kind() {
        return OutboxKinds.LIVESTREAM_CHANGED;
    }

    @Override
    public Delivery deliver(OutboxMessage message) throws JsonProcessingException {
        orders.sendLivestream(json.readValue(message.payload(), OrderRestClient.LivestreamSnapshot.class));
        return Delivery.delivered();
    }
}
