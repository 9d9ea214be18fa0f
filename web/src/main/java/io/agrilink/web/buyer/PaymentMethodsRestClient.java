package io.agrilink.web.buyer;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.payment.PaymentMethod;
import io.quarkus.cache.CacheResult;

/**
 * order-service's public list of the ways to pay (no token: the same for everyone), kept for
 * {@code quarkus.cache.caffeine.payment-methods.expire-after-write}: a campaign page viewed by
 * thousands during a flash sale asks once. A failed call is not kept.
 */
@RegisterRestClient(configKey = "order")
@Path("/payments")
public interface PaymentMethodsRestClient {

    @GET
    @Path("/methods")
    @CacheResult(cacheName = "payment-methods")
    List<PaymentMethod> methods();
}
