package io.agrilink.order.service;

import java.util.List;

import io.agrilink.order.CustomerOrder;

/** A placement request once checked and normalised (E.164 phone, current province name, NFC text). */
public record NewOrder(CustomerOrder.Payment payment, Delivery delivery, List<Line> lines) {

    public record Delivery(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {
    }

    public record Line(long lotId, long grams) {
    }
}
