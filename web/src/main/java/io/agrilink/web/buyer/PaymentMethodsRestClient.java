package io.agrilink.web.buyer;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.payment.PaymentMethod;

/** order-service's public list of the ways to pay (no token: the same for everyone). */
@RegisterRestClient(configKey = "order")
@Path("/payments")
public interface PaymentMethodsRestClient {

    @GET
    @Path("/methods")
    List<PaymentMethod> methods();
}
