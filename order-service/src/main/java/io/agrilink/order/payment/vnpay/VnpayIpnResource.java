package io.agrilink.order.payment.vnpay;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.agrilink.platform.problem.ProblemException;

/**
 * VNPay's IPN (Instant Payment Notification): VNPay calls it server to server with the transaction's signed
 * {@code vnp_*} fields and retries until it gets {@code RspCode} 00 or 02. The answer is always HTTP 200 with
 * VNPay's JSON; {@link VnpayIpn} decides it. The buyer's return page only shows the state: this call decides.
 */
@Path("/payments/vnpay/ipn")
@Tag(name = "payments")
public class VnpayIpnResource {

    /** VNPay's answer to an IPN. */
    public record IpnAnswer(@JsonProperty("RspCode") String rspCode, @JsonProperty("Message") String message) {
    }

    @Inject
    VnpayProvider provider;

    @Inject
    VnpayIpn ipn;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "VNPay IPN", description = "Verifies the checksum (97), finds the payment by vnp_TxnRef (01), "
            + "checks the amount (04) and that it is not paid yet (02), then records the outcome: vnp_ResponseCode and "
            + "vnp_TransactionStatus 00 pay it, any other code fails it (00). 99 for an unexpected error.")
    @APIResponse(responseCode = "200", description = "VNPay's {\"RspCode\",\"Message\"}, whatever the outcome")
    @APIResponse(responseCode = "404", description = "VNPay payments are not configured")
    public IpnAnswer notify(@Context UriInfo uri) {
        if (!provider.available()) {
            throw new ProblemException(404, "Not found", "VNPay payments are not configured");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> fields.put(name, values.getFirst()));
        return ipn.handle(fields);
    }
}
