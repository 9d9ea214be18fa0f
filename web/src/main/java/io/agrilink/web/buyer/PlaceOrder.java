package io.agrilink.web.buyer;

import java.util.List;

/** The body of order-service's {@code POST /orders}: lots and grams, where to deliver, how to pay; never a price. */
public record PlaceOrder(List<Line> lines, Delivery delivery, String payment) {

    public record Line(long lotId, long grams) {
    }

    public record Delivery(String recipient, String phone, String country, String province, String commune,
            String street) {
    }
}
