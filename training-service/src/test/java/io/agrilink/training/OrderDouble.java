package io.agrilink.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Test-only stand-in for order-service's side of the contract with training-service
 * ({@code GET /sales/producers}), deployed in the test app. Answers the sales figures set in
 * {@link #SALES} (a producer not there never sold), records what it was asked, and can be switched
 * to answer 503, as in an outage.
 */
@Path("/test-double/orders/sales")
@Produces(MediaType.APPLICATION_JSON)
public class OrderDouble {

    public record ProducerSales(long producerId, Instant firstSaleAt, long orders, long revenue) {
    }

    /** One call: the producers asked about and the period. */
    public record Call(List<Long> producers, Instant from, Instant to) {
    }

    public static final AtomicBoolean DOWN = new AtomicBoolean();
    public static final Map<Long, ProducerSales> SALES = new ConcurrentHashMap<>();
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    @GET
    @Path("/producers")
    @RolesAllowed("service")
    public Response producers(@QueryParam("producer") List<Long> producers, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to) {
        if (DOWN.get()) {
            return Response.status(503).build();
        }
        if (producers.size() > 200) {
            return Response.status(400).build();
        }
        CALLS.add(new Call(List.copyOf(producers), from, to));
        return Response.ok(producers.stream().map(p -> SALES.getOrDefault(p, new ProducerSales(p, null, 0, 0))).toList())
                .build();
    }
}
