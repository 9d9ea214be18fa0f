package io.agrilink.web.staff;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.payment.OrderPayments;
import io.agrilink.web.staff.client.StaffClients;
import io.agrilink.web.staff.client.StaffOrder;
import io.agrilink.web.staff.client.StaffOrderRestClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Orders that need staff: bank transfers waiting for their payment, cancellations under way or
 * refused (the carrier had the goods first), any status and any buyer; an order with its payments,
 * refunds and history, "mark paid" and cancel.
 */
@Path("/staff/orders")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffOrderResource {

    static final List<String> STATUSES = List.of("PLACED", "CONFIRMED", "READY_FOR_PICKUP", "CANCELLING",
            "HANDED_OVER", "IN_TRANSIT", "DELIVERED", "CANCELLED");
    /** Every status (an empty choice would be taken for the default). */
    static final String ALL = "ALL";
    /** Not a status of order-service: orders whose history says a cancellation came too late. */
    static final String CANCEL_REFUSED = "CANCEL_REFUSED";
    /** Where a refused cancellation's order can be: the goods were with the carrier first. */
    static final List<String> AFTER_REFUSAL = List.of("READY_FOR_PICKUP", "HANDED_OVER", "IN_TRANSIT");
    static final int PAGE_SIZE = 20;
    /** How many of the newest orders of each status after a refusal are searched for one. */
    static final int REFUSALS_SEARCHED = 30;

    @Inject
    StaffClients services;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("staff/orders.html")
    Template list;

    @Location("staff/order.html")
    Template order;

    @GET
    public TemplateInstance orders(@QueryParam("status") @DefaultValue("PLACED") String status,
            @QueryParam("buyer") String buyer, @QueryParam("page") @DefaultValue("0") int page) {
        String shown = ALL.equals(status) || STATUSES.contains(status) || CANCEL_REFUSED.equals(status) ? status
                : "PLACED";
        String who = buyer == null || buyer.isBlank() ? null : buyer.strip();
        if (CANCEL_REFUSED.equals(shown)) {
            return refusedCancellations(who);
        }
        var found = services.orders(ALL.equals(shown) ? null : shown, who, Math.max(0, page), PAGE_SIZE);
        return listPage(shown, who, found.value().items(), found.value().total(), Math.max(0, page), found.down());
    }

    /**
     * order-service filters on status and buyer only, so the orders whose cancellation was refused
     * are found through the history of the newest orders after a refusal.
     */
    private TemplateInstance refusedCancellations(String buyer) {
        List<StaffOrder> refused = new ArrayList<>();
        boolean down = false;
        for (String status : AFTER_REFUSAL) {
            var found = services.orders(status, buyer, 0, REFUSALS_SEARCHED);
            down |= found.down();
            for (StaffOrder candidate : found.value().items()) {
                var history = services.history(candidate.id());
                down |= history.down();
                if (history.value().stream().anyMatch(StaffOrder.HistoryEntry::cancelRefused)) {
                    refused.add(candidate);
                }
            }
        }
        return listPage(CANCEL_REFUSED, buyer, refused, refused.size(), 0, down);
    }

    private TemplateInstance listPage(String status, String buyer, List<StaffOrder> orders, long total, int page,
            boolean down) {
        return pages.of(list).data("status", status).data("buyer", buyer == null ? "" : buyer)
                .data("statuses", STATUSES).data("orders", orders).data("total", total).data("page", page)
                .data("more", (long) (page + 1) * PAGE_SIZE < total).data("down", down);
    }

    @GET
    @Path("{id}")
    public TemplateInstance order(@PathParam("id") long id) {
        return orderPage(id, FormErrors.none(), Map.of());
    }

    @POST
    @Path("{id}/payment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markPaid(@PathParam("id") long id, @RestForm String reference) {
        Outcome<StaffOrder> paid = Outcome.of(() -> services.orders().markPaid(id,
                new StaffOrderRestClient.Payment(StaffProducerResource.emptyToNull(reference))));
        return afterCommand(id, paid, Map.of("reference", StaffProducerResource.blankIfNull(reference)));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, @RestForm String reason) {
        Outcome<StaffOrder> cancelled = Outcome.of(() -> services.orders().cancel(id,
                new StaffOrderRestClient.Cancellation(StaffProducerResource.emptyToNull(reason))));
        return afterCommand(id, cancelled, Map.of("reason", StaffProducerResource.blankIfNull(reason)));
    }

    private Response afterCommand(long id, Outcome<StaffOrder> outcome, Map<String, String> typed) {
        if (outcome.done()) {
            return Response.seeOther(URI.create("/staff/orders/" + id)).build();
        }
        if (outcome.down()) {
            return StaffProducerResource.page(503, orderPage(id, FormErrors.none(), typed).data("down", true));
        }
        if (outcome.problem().status() == 404) {
            throw new NotFoundException();
        }
        return StaffProducerResource.page(outcome.problem().status(),
                orderPage(id, outcome.errors(visitor.locale(), f -> f), typed));
    }

    private TemplateInstance orderPage(long id, FormErrors errors, Map<String, String> typed) {
        Fetched<StaffOrder> found = services.order(id);
        if (found.value() == null && !found.down()) {
            throw new NotFoundException();
        }
        Fetched<List<StaffOrder.HistoryEntry>> history = found.down() ? new Fetched<>(List.of(), true)
                : services.history(id);
        // cash on delivery has no payment or refund in order-service
        Fetched<OrderPayments> payments = found.value() == null || found.value().cashOnDelivery()
                ? new Fetched<>(null, false) : services.orderPayments(id);
        return pages.of(order).data("order", found.value()).data("orderId", id).data("history", history.value())
                .data("refused", history.value().stream().anyMatch(StaffOrder.HistoryEntry::cancelRefused))
                .data("payments", payments.value()).data("errors", errors).data("form", typed)
                .data("down", found.down() || history.down() || payments.down());
    }
}
