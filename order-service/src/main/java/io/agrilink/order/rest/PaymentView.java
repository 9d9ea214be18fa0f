package io.agrilink.order.rest;

import java.time.Instant;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.OrderPayment;
import io.agrilink.order.payment.PaymentStatus;

/**
 * One payment of an order. {@code vietQr} (bank transfer) is what the buyer's banking app scans;
 * {@code redirectUrl} (VNPay, Stripe) is where the buyer pays.
 */
public record PaymentView(
        long id,
        long orderId,
        CustomerOrder.Payment method,
        PaymentStatus status,
        long amount,
        Long receivedAmount,
        boolean mismatch,
        String reference,
        String providerRef,
        Instant createdAt,
        Instant expiresAt,
        Instant paidAt,
        String redirectUrl,
        VietQr vietQr,
        String detail) {

    /** The NAPAS VietQR code (EMVCo payload) and what it says, for a buyer who types the transfer instead. */
    public record VietQr(String payload, String bankBin, String account, String accountName, long amount,
            String reference) {
    }

    public static PaymentView of(OrderPayment payment, PaymentAccount account) {
        VietQr qr = payment.qrPayload == null ? null
                : new VietQr(payment.qrPayload, account.bin(), account.number(), account.name(), payment.amount,
                        payment.reference);
        return new PaymentView(payment.id, payment.orderId, payment.method, payment.status, payment.amount,
                payment.receivedAmount, payment.mismatch(), payment.reference, payment.providerRef, payment.createdAt,
                payment.expiresAt, payment.paidAt, payment.redirectUrl, qr, payment.detail);
    }

    /** The account transfers go to, as configured. */
    public record PaymentAccount(String bin, String number, String name) {
    }
}
