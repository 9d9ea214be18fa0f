package io.agrilink.order.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.service.NewOrder;

/**
 * What a buyer sends to place an order: lots and grams, where to deliver, how to pay. No prices:
 * they come from the catalogue at placement. {@code live}: the code of the livestream the buyer
 * orders from (what {@code ?live=} carries); a code that does not count is ignored, never refused.
 */
public record PlaceOrderRequest(
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Line> lines,
        @Valid @NotNull Delivery delivery,
        @NotNull CustomerOrder.Payment payment,
        @Pattern(regexp = "[A-Za-z0-9]{4,12}", message = "must be a livestream's code: 4 to 12 letters or digits")
        String live) {

    /** Up to a tonne of one lot. */
    public record Line(@NotNull @Positive Long lotId, @NotNull @Positive @Max(1_000_000) Long grams) {
    }

    /**
     * A Vietnamese address ({@code country} VN: province from the 2025 list, commune, street) or
     * one abroad (ISO 3166 alpha-2 country, street as the postal address, postal code).
     */
    public record Delivery(
            @NotBlank @Size(max = 200) String recipient,
            @NotBlank @Size(max = 32) String phone,
            @NotBlank @Size(min = 2, max = 2) String country,
            @Size(max = 60) String province,
            @Size(max = 200) String commune,
            @NotBlank @Size(max = 300) String street,
            @Size(max = 20) String postalCode) {
    }

    /** The order as order-service's services take it, still to be checked and normalised. */
    public NewOrder toNewOrder() {
        return new NewOrder(payment, new NewOrder.Delivery(delivery.recipient(), delivery.phone(), delivery.country(),
                delivery.province(), delivery.commune(), delivery.street(), delivery.postalCode()),
                lines.stream().map(l -> new NewOrder.Line(l.lotId(), l.grams())).toList(), live);
    }
}
