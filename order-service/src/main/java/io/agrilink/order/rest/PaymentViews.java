package io.agrilink.order.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.order.payment.OrderPayment;
import io.agrilink.order.payment.bank.BankConfig;

/** Payments as the API shows them, with the configured bank account beside a VietQR code. */
@ApplicationScoped
public class PaymentViews {

    @Inject
    BankConfig bank;

    public PaymentView of(OrderPayment payment) {
        return PaymentView.of(payment, new PaymentView.PaymentAccount(bank.bin().orElse(null),
                bank.account().orElse(null), bank.accountName().orElse(null)));
    }
}
