package io.agrilink.web.staff;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.agrilink.web.Pages;
import io.agrilink.web.staff.client.StaffClients;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Every payment of every order, for staff: by default those whose amount did not match (an underpaid
 * or overpaid transfer, never confirmed by itself), or those pending, paid, or all; what was due
 * against what came in, the reference and the provider's, each linked to its order.
 */
@Path("/staff/payments")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffPaymentResource {

    /** The views of the list: order-service's {@code mismatch=true}, its statuses, or everything. */
    static final List<String> FILTERS = List.of("mismatch", "pending", "paid", "all");
    static final int PAGE_SIZE = 20;

    @Inject
    StaffClients services;

    @Inject
    Pages pages;

    @Location("staff/payments.html")
    Template list;

    @GET
    public TemplateInstance payments(@QueryParam("filter") @DefaultValue("mismatch") String filter,
            @QueryParam("page") @DefaultValue("0") int page) {
        String shown = FILTERS.contains(filter) ? filter : "mismatch";
        int from = Math.max(0, page);
        var found = switch (shown) {
            case "mismatch" -> services.payments(null, true, from, PAGE_SIZE);
            case "pending" -> services.payments("PENDING", null, from, PAGE_SIZE);
            case "paid" -> services.payments("PAID", null, from, PAGE_SIZE);
            default -> services.payments(null, null, from, PAGE_SIZE);
        };
        return pages.of(list).data("filter", shown).data("filters", FILTERS).data("payments", found.value().items())
                .data("total", found.value().total()).data("page", from)
                .data("more", (long) (from + 1) * PAGE_SIZE < found.value().total()).data("down", found.down());
    }
}
