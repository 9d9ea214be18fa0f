package io.agrilink.order.payment;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference a buyer writes in a bank transfer ({@code AGL} and the order id), and the one a
 * provider's transaction carries ({@code AGL<order>-<payment>}). Banks and their notification
 * services keep only letters and digits of a description, may upper- or lower-case it, and put
 * their own text around it, so finding it tolerates that.
 */
public final class PaymentReference {

    static final String PREFIX = "AGL";

    private static final Pattern IN_TEXT = Pattern.compile("AGL[\\s\\-_.]*(\\d{1,18})(?!\\d)");

    private static final Pattern TXN_REF = Pattern.compile("AGL\\d{1,18}-(\\d{1,18})");

    private PaymentReference() {
    }

    /** What the buyer writes in a transfer for the order. */
    public static String of(long orderId) {
        return PREFIX + orderId;
    }

    /** A provider transaction's reference: unique per payment, as VNPay's TxnRef must be. */
    public static String of(long orderId, long paymentId) {
        return PREFIX + orderId + "-" + paymentId;
    }

    /** The order id of the first reference in a bank description, if any. */
    public static Optional<Long> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(text.toUpperCase(Locale.ROOT));
        while (m.find()) {
            try {
                return Optional.of(Long.parseLong(m.group(1)));
            } catch (NumberFormatException tooLong) {
                // keep looking: a number past long's range is not one of our orders
            }
        }
        return Optional.empty();
    }

    /** The payment id of a provider transaction's reference ({@code AGL<order>-<payment>}), if it is one. */
    public static Optional<Long> paymentOf(String txnRef) {
        if (txnRef == null) {
            return Optional.empty();
        }
        Matcher m = TXN_REF.matcher(txnRef);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
