package io.agrilink.order.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.agrilink.order.CustomerOrder;

/**
 * An order to place, as the buyer asked for it; {@link OrderPlacement} checks and normalises it
 * (E.164 phone, current province name, NFC text). Written as JSON in the order of the request's
 * members, so the Idempotency-Key's fingerprint of a request is what it was when the service took
 * the REST body itself. {@code live} (a livestream's code, optional) is left out when absent, so
 * the fingerprint of an order without one is what it was before livestreams.
 */
@JsonPropertyOrder({ "lines", "delivery", "payment", "live" })
public record NewOrder(CustomerOrder.Payment payment, Delivery delivery, List<Line> lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) String live) {

    public record Delivery(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {
    }

    public record Line(long lotId, long grams) {
    }
}
