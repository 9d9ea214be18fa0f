package io.agrilink.order.payment.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.PaymentProvider;
import io.agrilink.platform.outbox.Delivery;

/**
 * VietQR bank transfer: the buyer scans a code that fills in our account, the amount and the order's
 * reference in their banking app; the money is matched when the bank notification arrives
 * ({@link BankNotificationResource}). Nothing is called to start a payment, and a refund is a transfer
 * staff make by hand and record with its reference, so {@link #refund} is never reached.
 */
@ApplicationScoped
public class BankTransferProvider implements PaymentProvider {

    @Inject
    BankConfig config;

    @Override
    public CustomerOrder.Payment method() {
        return CustomerOrder.Payment.BANK_TRANSFER;
    }

    @Override
    public boolean available() {
        return config.bin().isPresent() && config.account().isPresent();
    }

    @Override
    public Started start(Starting starting) {
        if (!available()) {
            throw new IllegalStateException("BANK_TRANSFER is not configured (agrilink.payment.bank.bin and .account)");
        }
        return new Started(null, null,
                VietQr.payload(config.bin().get(), config.account().get(), starting.amount(), starting.reference()));
    }

    @Override
    public Delivery refund(RefundOrder refund) {
        return Delivery.refused(0, "a bank-transfer refund is a staff task: send the money back by hand and record "
                + "its reference at POST /refunds/" + refund.refundId() + "/complete");
    }
}
