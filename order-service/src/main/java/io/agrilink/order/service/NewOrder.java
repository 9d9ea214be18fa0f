package io.agrilink.order.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.agrilink.order.CustomerOrder;

/**
 * An order to place, as the buyer asked for it; {@link OrderPlacement} checks and normalises it
 * (E.164 phone, current province name, NFC text). Written as JSON in the order of the request's
 * members, so the Idempotency-Key's fingerprint of a request is what it was when the service took
 * the REST body itself.
 */
@JsonPropertyOrder({ "lines", "delivery", "payment" })
public record NewOrder(CustomerOrder.Payment payment, Delivery delivery, List<Line> lines) {

    public record Delivery(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {
    }

    public record Line(long lotId, long grams) {
    }
}
