package io.agrilink.training.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.platform.security.ServiceAuthorization;

/** order-service as training-service uses it (role {@code service}): producers' sales, aggregates only. */
@RegisterRestClient(configKey = "order")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/sales")
@Produces(MediaType.APPLICATION_JSON)
public interface OrderRestClient {

    /**
     * A producer's lines in orders not cancelled: {@code firstSaleAt} over all time up to {@code to},
     * {@code orders} and {@code revenue} (whole đồng) placed in [from, to).
     */
    record ProducerSales(long producerId, Instant firstSaleAt, long orders, long revenue) {
    }

    @GET
    @Path("/producers")
    List<ProducerSales> producers(@QueryParam("producer") List<Long> producerIds, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to);
}
