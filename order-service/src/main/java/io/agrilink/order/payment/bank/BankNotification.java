package io.agrilink.order.payment.bank;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * One bank transaction as the bank-notification service (SePay and its kind) posts it. Fields it
 * sends that are not here ({@code accumulated}, {@code subAccount} …) are ignored.
 *
 * @param id the bank-notification service's transaction id: the idempotency key
 * @param gateway the bank's name ({@code Vietcombank})
 * @param transactionDate when the bank booked it, in its own format ({@code 2026-06-10 09:15:00}, Vietnam time)
 * @param accountNumber the account the money moved on
 * @param content the transfer's content as the payer typed it (where the order's reference is)
 * @param transferType {@code in} (money arrived) or {@code out} (money left: not a payment)
 * @param transferAmount whole đồng
 * @param referenceCode the bank's own reference of the transaction ({@code FT26161…})
 * @param description the full bank description, which may hold the reference when {@code content} is cut
 */
public record BankNotification(
        @NotNull Long id,
        @Size(max = 100) String gateway,
        @Size(max = 40) String transactionDate,
        @Size(max = 40) String accountNumber,
        @NotNull @Size(max = 1000) String content,
        @Pattern(regexp = "(?i)in|out", message = "must be in or out") String transferType,
        @NotNull @Positive Long transferAmount,
        @Size(max = 100) String referenceCode,
        @Size(max = 2000) String description) {

    /** Money that left the account: never a buyer's payment. */
    boolean outgoing() {
        return "out".equalsIgnoreCase(transferType);
    }

    /** Where the order's reference may be: the content, then the full description. */
    String searchText() {
        return description == null ? content : content + " " + description;
    }

    /** What the order's history says about the transfer: the bank and when it booked it. */
    String detail() {
        String bank = gateway == null ? "bank transfer" : gateway;
        return transactionDate == null ? bank : bank + " " + transactionDate;
    }
}
