package io.agrilink.order.payment.bank;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.PaymentLedger;
import io.agrilink.order.payment.PaymentReference;
import io.agrilink.platform.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The bank-notification webhook: the service watching our account posts every transaction on it,
 * signed with the shared secret. A transfer whose content names an order's reference pays that
 * order through the {@link PaymentLedger}, once per bank transaction id however often it is sent.
 * No token: the signature is the authentication, checked over the exact bytes received, before
 * anything in them is read.
 */
@Path("/payments/bank-notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BankNotificationResource {

    /** A notification is a few hundred bytes; anything near this is not one. */
    static final int MAX_BODY = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(BankNotificationResource.class);

    /** {@code outcome}: a {@link PaymentLedger.Receipt} name, or {@code IGNORED} for money that left the account. */
    public record Answer(boolean success, String outcome) {
    }

    @Inject
    BankConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    PaymentLedger ledger;

    @POST
    @PermitAll
    @Operation(summary = "A bank transaction on the receiving account (bank-notification webhook)", description = "Signed "
            + "with X-Signature: sha256=<hex HMAC-SHA256 of the raw body under the shared secret>. Idempotent on id. "
            + "An incoming transfer naming an order's reference (AGL…) in its content pays that order; one that "
            + "does not match the amount due is kept for staff (MISMATCH), one for an order no longer awaiting "
            + "payment is refunded (REFUNDING).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BankNotification.class)))
    @APIResponse(responseCode = "200", description = "Recorded: outcome CONFIRMED, REPEATED, MISMATCH, REFUNDING, "
            + "UNKNOWN or IGNORED")
    @APIResponse(responseCode = "400", description = "Unreadable JSON, or a field missing or invalid (named)")
    @APIResponse(responseCode = "401", description = "X-Signature missing or not the signature of this body; nothing stored")
    @APIResponse(responseCode = "404", description = "Bank notifications are not configured here")
    @APIResponse(responseCode = "413", description = "A body over 64 KiB")
    public Answer receive(InputStream body, @HeaderParam(NotificationSignature.HEADER) String signature,
            @Context HttpServerRequest request) throws IOException {
        String secret = config.notificationSecret()
                .orElseThrow(() -> new ProblemException(404, "Not found", "Nothing is found at " + request.path()));
        byte[] raw = body.readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            throw new ProblemException(413, "Request Entity Too Large",
                    "A bank notification has at most " + MAX_BODY + " bytes");
        }
        if (!NotificationSignature.verifies(secret, raw, signature)) {
            LOG.warnf("Bank notification refused: %s signature, %d bytes from %s",
                    signature == null ? "no" : "a wrong", raw.length, caller(request));
            throw new ProblemException(401, "Unauthorized",
                    "The " + NotificationSignature.HEADER + " header is missing or is not the signature of this body");
        }
        BankNotification notification = json.readValue(raw, BankNotification.class);
        if (notification == null) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        Set<ConstraintViolation<BankNotification>> violations = validator.validate(notification);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (notification.outgoing()) {
            return new Answer(true, "IGNORED");
        }
        if (notification.accountNumber() != null && config.account().isPresent()
                && !notification.accountNumber().strip().equals(config.account().get())) {
            // a service watching several accounts: money on another one is not a buyer paying us
            LOG.infof("Bank notification %d is for account %s, not ours: ignored", notification.id(),
                    notification.accountNumber());
            return new Answer(true, "IGNORED");
        }
        PaymentLedger.Receipt receipt = ledger.received(new PaymentLedger.Received(CustomerOrder.Payment.BANK_TRANSFER,
                "bank:" + notification.id(), PaymentReference.find(notification.searchText()).orElse(null), null,
                notification.transferAmount(), notification.referenceCode(), notification.detail()));
        return new Answer(true, receipt.name());
    }

    private static String caller(HttpServerRequest request) {
        return request.remoteAddress() == null ? "an unknown address" : request.remoteAddress().hostAddress();
    }
}
