package io.agrilink.order.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agrilink.order.service.ProducerSales;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.web.InterService;

/** Sales figures per producer for training-service's funnel: aggregates only, never a buyer. */
@Path("/sales")
@Produces(MediaType.APPLICATION_JSON)
public class SalesResource {

    static final int MAX_PRODUCERS = 200;

    /** One producer's sales: first sale up to {@code to}, orders and revenue (whole đồng) in [from, to). */
    public record ProducerSalesView(long producerId, Instant firstSaleAt, long orders, long revenue) {
    }

    @Inject
    ProducerSales sales;

    @GET
    @Path("/producers")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Sales per producer", description = "The producers' lines in orders not cancelled: the "
            + "first such order up to to, and the orders and the lines' amounts placed in [from, to) (ISO instants, "
            + "all time by default). One row per producer asked for, in that order; at most 200.")
    @APIResponse(responseCode = "200", description = "A row per producer (zeros and null for one without sales)")
    @APIResponse(responseCode = "400", description = "A producer id that is no positive number, more than 200, or a bad from/to")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    public List<ProducerSalesView> producers(
            @Parameter(description = "A producer's id; repeat it for each (at most 200)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Long.class, maxItems = MAX_PRODUCERS))
            @QueryParam("producer") List<String> producer,
            @QueryParam("from") @Size(max = 40) String from, @QueryParam("to") @Size(max = 40) String to) {
        Set<Long> ids = ids(producer);
        Periods period = Periods.of(from, to);
        return sales.of(ids, period.fromOrBeginning(), period.toOrEnd()).stream()
                .map(s -> new ProducerSalesView(s.producerId(), s.firstSaleAt(), s.orders(), s.revenue())).toList();
    }

    private static Set<Long> ids(List<String> producer) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> given = producer == null ? List.of() : new ArrayList<>(producer);
        if (given.size() > MAX_PRODUCERS) {
            throw ProblemException.invalid("producer", "at most " + MAX_PRODUCERS + " producers at once, not "
                    + given.size());
        }
        for (String value : given) {
            try {
                long id = Long.parseLong(value.strip());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("producer", "must be a producer's id (a positive number), not " + value);
            }
        }
        return ids;
    }
}
