package io.agrilink.web.payment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One way to pay as order-service's {@code GET /payments/methods} lists it: available (configured) or not. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentMethod(String method, boolean available, boolean domesticOnly) {

    public static final String CASH_ON_DELIVERY = "CASH_ON_DELIVERY";
    public static final String BANK_TRANSFER = "BANK_TRANSFER";

    /** The buyer is sent to the provider's own page to pay. */
    public static final List<String> ON_PROVIDER_PAGE = List.of("VNPAY", "STRIPE");

    /** What the order form offers when order-service cannot say: what it took before online payments. */
    public static final List<PaymentMethod> FALLBACK = List.of(new PaymentMethod(CASH_ON_DELIVERY, true, true),
            new PaymentMethod(BANK_TRANSFER, true, false));
}
