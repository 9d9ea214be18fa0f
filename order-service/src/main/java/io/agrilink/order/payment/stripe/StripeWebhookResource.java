package io.agrilink.order.payment.stripe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.payment.PaymentLedger;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemException;

/**
 * Stripe's events about our Checkout Sessions. The raw body is checked against {@code Stripe-Signature} (timestamp
 * and HMAC-SHA256, five minutes' tolerance) before it is read; the ledger is idempotent on the event id, so Stripe's
 * redeliveries change nothing. Any 2xx tells Stripe the event is taken; a 4xx or 5xx makes it retry for days.
 */
@Path("/payments/stripe/webhook")
@Tag(name = "payments")
public class StripeWebhookResource {

    private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class);

    static final String SIGNATURE = "Stripe-Signature";
    /** Stripe's documented default: an event signed more than five minutes ago is a replay. */
    static final long TOLERANCE_SECONDS = 300;

    /** {@code outcome}: the ledger's receipt, or IGNORED for an event that pays or fails nothing. */
    public record Answer(boolean received, String outcome) {
    }

    @Inject
    StripeConfig config;

    @Inject
    StripeProvider provider;

    @Inject
    PaymentLedger ledger;

    @Inject
    ObjectMapper json;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stripe webhook", description = "checkout.session.completed (paid) and "
            + "checkout.session.async_payment_succeeded pay the payment named in the session's metadata; "
            + "checkout.session.expired and async_payment_failed fail it; other events are ignored.")
    @APIResponse(responseCode = "200", description = "Taken (also a repeated event, which changes nothing)")
    @APIResponse(responseCode = "400", description = "Missing, wrong or stale Stripe-Signature, or not an event")
    @APIResponse(responseCode = "404", description = "Stripe payments are not configured")
    public Answer event(byte[] body, @HeaderParam(SIGNATURE) String signature) {
        if (!provider.available()) {
            throw new ProblemException(404, "Not found", "Stripe payments are not configured");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        verify(payload, signature);
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "not a Stripe event");
        }
        String eventId = event.path("id").asText("");
        String type = event.path("type").asText("");
        JsonNode session = event.path("data").path("object");
        if (eventId.isBlank() || !session.isObject()) {
            throw ProblemException.invalid(eventId.isBlank() ? "id" : "data.object", "missing");
        }
        return switch (type) {
            // a card is paid at once; a delayed method completes unpaid and follows as async_payment_succeeded
            case "checkout.session.completed" -> "paid".equals(session.path("payment_status").asText())
                    ? received(eventId, session) : ignored(eventId, type);
            case "checkout.session.async_payment_succeeded" -> received(eventId, session);
            case "checkout.session.expired", "checkout.session.async_payment_failed" -> failed(eventId, type, session);
            default -> ignored(eventId, type);
        };
    }

    private void verify(String payload, String signature) {
        String problem = null;
        if (signature == null || signature.isBlank()) {
            problem = "missing";
        } else {
            try {
                Webhook.Signature.verifyHeader(payload, signature, config.webhookSecret().orElseThrow(),
                        TOLERANCE_SECONDS);
            } catch (SignatureVerificationException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            // the header's timestamp only: never the signature or the secret
            LOG.warnf("Stripe webhook refused (%s), signed at %s: nothing recorded", problem, timestampOf(signature));
            throw new ProblemException(400, "Invalid signature", SIGNATURE + ": " + problem,
                    List.of(new Problem.Violation(SIGNATURE, problem)));
        }
    }

    private Answer received(String eventId, JsonNode session) {
        Long paymentId = paymentIdOf(session);
        PaymentLedger.Receipt receipt = ledger.received(new PaymentLedger.Received(CustomerOrder.Payment.STRIPE,
                "stripe:" + eventId, null, paymentId, session.path("amount_total").asLong(),
                session.path("payment_intent").asText(null), "Stripe Checkout " + session.path("id").asText()));
        return new Answer(true, receipt.name());
    }

    private Answer failed(String eventId, String type, JsonNode session) {
        Long paymentId = paymentIdOf(session);
        if (paymentId == null) {
            return ignored(eventId, type);
        }
        PaymentLedger.Receipt receipt = ledger.failed(new PaymentLedger.Failed(CustomerOrder.Payment.STRIPE,
                "stripe:" + eventId, paymentId, type + " (Stripe Checkout " + session.path("id").asText() + ")"));
        return new Answer(true, receipt.name());
    }

    private static Answer ignored(String eventId, String type) {
        LOG.debugf("Stripe event %s (%s) ignored", eventId, type);
        return new Answer(true, "IGNORED");
    }

    /** The payment the session was made for: our metadata, else its client_reference_id (both the payment id). */
    private static Long paymentIdOf(JsonNode session) {
        String id = session.path("metadata").path("paymentId").asText(session.path("client_reference_id").asText(""));
        try {
            return id.isBlank() ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String timestampOf(String signature) {
        if (signature != null) {
            for (String part : signature.split(",")) {
                if (part.startsWith("t=") && part.length() <= 22) {
                    return part.substring(2);
                }
            }
        }
        return "(no timestamp)";
    }
}
