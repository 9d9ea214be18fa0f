package io.agrilink.order.payment;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.agrilink.order.CustomerOrder;

/** The providers deployed, by method, and which methods a buyer may choose. */
@ApplicationScoped
public class PaymentProviders {

    private final Map<CustomerOrder.Payment, PaymentProvider> byMethod = new EnumMap<>(CustomerOrder.Payment.class);

    @Inject
    PaymentProviders(Instance<PaymentProvider> providers) {
        providers.forEach(p -> byMethod.put(p.method(), p));
    }

    public Optional<PaymentProvider> of(CustomerOrder.Payment method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    /**
     * Whether a buyer may choose the method: cash on delivery always (in Vietnam), a bank transfer
     * always (staff can record one by hand, the fallback; its VietQR code shows once the bank account
     * is configured), VNPay and Stripe once configured.
     */
    public boolean available(CustomerOrder.Payment method) {
        return switch (method) {
            case CASH_ON_DELIVERY, BANK_TRANSFER -> true;
            default -> of(method).map(PaymentProvider::available).orElse(false);
        };
    }
}
