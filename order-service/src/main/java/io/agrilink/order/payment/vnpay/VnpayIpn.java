package io.agrilink.order.payment.vnpay;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.OrderPayment;
import io.agrilink.order.payment.PaymentLedger;
import io.agrilink.order.payment.PaymentReference;
import io.agrilink.order.payment.PaymentStatus;
import io.agrilink.order.payment.vnpay.VnpayIpnResource.IpnAnswer;

/**
 * What an IPN comes to, in the order VNPay's guide checks it (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html,
 * "Code IPN URL"): checksum, the payment, its amount, whether it is already confirmed, then the outcome. Only the
 * last step changes anything, through the ledger, which locks the order and is idempotent on VNPay's transaction.
 */
@ApplicationScoped
public class VnpayIpn {

    private static final Logger LOG = Logger.getLogger(VnpayIpn.class);

    static final IpnAnswer CONFIRMED = new IpnAnswer("00", "Confirm Success");
    static final IpnAnswer NOT_FOUND = new IpnAnswer("01", "Order not found");
    static final IpnAnswer ALREADY_CONFIRMED = new IpnAnswer("02", "Order already confirmed");
    static final IpnAnswer INVALID_AMOUNT = new IpnAnswer("04", "Invalid amount");
    static final IpnAnswer INVALID_CHECKSUM = new IpnAnswer("97", "Invalid Checksum");
    static final IpnAnswer UNKNOWN_ERROR = new IpnAnswer("99", "Unknown error");

    @Inject
    VnpayProvider provider;

    @Inject
    PaymentLedger ledger;

    public IpnAnswer handle(Map<String, String> fields) {
        String txnRef = fields.get("vnp_TxnRef");
        try {
            if (!VnpaySignature.verify(provider.secret(), fields)) {
                // a forgery, or a secret that differs from VNPay's: logged without the fields' hash
                LOG.warnf("VNPay IPN with an invalid checksum for TxnRef %s: refused, nothing recorded",
                        printable(txnRef));
                return INVALID_CHECKSUM;
            }
            Optional<OrderPayment> found = PaymentReference.paymentOf(txnRef)
                    .map(id -> OrderPayment.<OrderPayment> findById(id))
                    .filter(p -> p.method == CustomerOrder.Payment.VNPAY && txnRef.equals(p.reference));
            if (found.isEmpty()) {
                LOG.warnf("VNPay IPN for TxnRef %s, which is no VNPay payment of ours", printable(txnRef));
                return NOT_FOUND;
            }
            OrderPayment payment = found.get();
            long amount = vnpayAmount(fields.get("vnp_Amount"));
            if (amount != payment.amount * 100) {
                LOG.warnf("VNPay IPN for payment %d says %s (×100) where %d đ is due: refused", payment.id,
                        printable(fields.get("vnp_Amount")), payment.amount);
                return INVALID_AMOUNT;
            }
            if (payment.status == PaymentStatus.PAID) {
                return ALREADY_CONFIRMED;
            }
            String transactionNo = fields.getOrDefault("vnp_TransactionNo", "");
            String code = fields.get("vnp_ResponseCode");
            PaymentLedger.Receipt receipt;
            if ("00".equals(code) && "00".equals(fields.get("vnp_TransactionStatus"))) {
                receipt = ledger.received(new PaymentLedger.Received(CustomerOrder.Payment.VNPAY,
                        "vnpay:" + transactionNo, null, payment.id, amount / 100, transactionNo,
                        "bank " + fields.getOrDefault("vnp_BankCode", "?")));
            } else {
                // an abandoned or declined payment has no transaction number of its own (VNPay sends 0)
                receipt = ledger.failed(new PaymentLedger.Failed(CustomerOrder.Payment.VNPAY,
                        "vnpay:" + txnRef + ":" + transactionNo + ":" + code, payment.id,
                        "VNPay response " + code + ", transaction status " + fields.get("vnp_TransactionStatus")));
            }
            return switch (receipt) {
                case REPEATED -> ALREADY_CONFIRMED;
                case UNKNOWN -> NOT_FOUND;
                case MISMATCH -> INVALID_AMOUNT;
                case CONFIRMED, REFUNDING, FAILED -> CONFIRMED;
            };
        } catch (RuntimeException e) {
            LOG.errorf(e, "VNPay IPN for TxnRef %s could not be handled; VNPay will call again", printable(txnRef));
            return UNKNOWN_ERROR;
        }
    }

    /** VNPay's amount (×100); -1 when it is not a number, which no payment's amount matches. */
    private static long vnpayAmount(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String printable(String text) {
        return text == null ? "(none)" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
