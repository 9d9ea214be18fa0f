package io.agrilink.order.rest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agrilink.order.payment.OrderPayment;

/** Payments as the API shows them, with the configured bank account beside a VietQR code. */
@ApplicationScoped
public class PaymentViews {

    @ConfigProperty(name = "agrilink.payment.bank.bin")
    Optional<String> bankBin;

    @ConfigProperty(name = "agrilink.payment.bank.account")
    Optional<String> bankAccount;

    @ConfigProperty(name = "agrilink.payment.bank.account-name")
    Optional<String> bankAccountName;

    public PaymentView of(OrderPayment payment) {
        return PaymentView.of(payment, new PaymentView.PaymentAccount(bankBin.orElse(null), bankAccount.orElse(null),
                bankAccountName.orElse(null)));
    }
}
