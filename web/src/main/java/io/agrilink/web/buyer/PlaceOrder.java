package io.agrilink.web.buyer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of order-service's {@code POST /orders}: lots and grams, where to deliver, how to pay; never a
 * price. {@code live}: the code of the livestream the order came from, left out when there is none.
 */
public record PlaceOrder(List<Line> lines, Delivery delivery, String payment,
        @JsonInclude(JsonInclude.Include.NON_NULL) String live) {

    public PlaceOrder(List<Line> lines, Delivery delivery, String payment) {
        this(lines, delivery, payment, null);
    }

    public record Line(long lotId, long grams) {
    }

    public record Delivery(String recipient, String phone, String country, String province, String commune,
            String street) {
    }
}
