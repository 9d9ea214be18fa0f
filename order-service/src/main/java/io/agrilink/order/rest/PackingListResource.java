package io.agrilink.order.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.OrderLine;
import io.agrilink.order.repository.OrderRepository;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.time.AgriLinkTime;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

@Path("/packing-list")
@Produces(MediaType.APPLICATION_JSON)
public class PackingListResource {

    /** A farmer's lines to pack on one day, with the day's total weight. */
    public record PackingList(LocalDate date, String farmer, long totalGrams, List<Item> items, int page, int size,
            long total) {
    }

    public record Item(long orderId, String orderRef, CustomerOrder.Status orderStatus, Instant confirmedAt,
            long lineId, long lotId, String productName, String producerName, long grams, Long packedGrams,
            String country, String province, CustomerOrder.Payment payment) {
    }

    @Inject
    OrderRepository orders;

    @Inject
    Caller caller;

    @Inject
    AgriLinkTime time;

    @GET
    @RolesAllowed({ Roles.FARMER, Roles.STAFF })
    @Operation(summary = "A farmer's packing list", description = "Lines of the farmer's products in orders confirmed "
            + "on the date (Vietnam time; today by default) that are to be packed or packed awaiting pickup. "
            + "A farmer sees their own; staff name the farmer.")
    @APIResponse(responseCode = "200", description = "The lines and the total grams")
    @APIResponse(responseCode = "400", description = "Invalid date or paging; staff did not name a farmer")
    public PackingList packingList(@QueryParam("date") LocalDate date, @QueryParam("farmer") @Size(max = 200) String farmer,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String subject;
        if (caller.isStaff()) {
            if (farmer == null || farmer.isBlank()) {
                throw ProblemException.invalid("farmer", "staff must name the farmer whose packing list to show");
            }
            subject = farmer;
        } else {
            subject = caller.subject();
        }
        LocalDate day = date == null ? LocalDate.now(time.zone()) : date;
        Instant from = day.atStartOfDay(time.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(time.zone()).toInstant();
        PanacheQuery<OrderLine> query = orders.packingList(subject, from, to).page(page, size);
        List<Item> items = query.list().stream().map(l -> new Item(l.order.id, l.order.orderRef, l.order.status,
                l.order.confirmedAt, l.id, l.lotId, l.productName, l.producerName, l.grams, l.packedGrams,
                l.order.country, l.order.province, l.order.payment)).toList();
        return new PackingList(day, subject, orders.packingListGrams(subject, from, to), items, page, size,
                query.count());
    }
}
