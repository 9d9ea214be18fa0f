package io.agrilink.web.buyer;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Page;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.payment.OrderPayments;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A buyer's own orders: the list, one order with its timeline, payments and refunds and delivery code,
 * its cancellation, the confirmation.
 */
@Path("/my/orders")
@RolesAllowed("buyer")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class MyOrdersResource {

    private static final String ORDER_SERVICE = "order-service";
    private static final int MAX_REASON = 500;

    @Inject
    @RestClient
    BuyerOrderRestClient orders;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("buyer/my-orders.html")
    Template list;

    @Location("buyer/my-order.html")
    Template detail;

    @Location("buyer/placed.html")
    Template placed;

    @GET
    public TemplateInstance list(@QueryParam("page") @DefaultValue("0") int page) {
        Fetched<Page<BuyerOrder>> mine = Fetched.of(ORDER_SERVICE, () -> orders.mine(Math.max(0, page), 20),
                Page.empty());
        return pages.of(list).data("orders", mine.value().items()).data("total", mine.value().total())
                .data("page", mine.value().page()).data("down", mine.down());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance order(@PathParam("id") long id) {
        return detail(id, FormErrors.none(), "");
    }

    /** Where a placed order lands: its number, total and how to pay. */
    @GET
    @Path("/{id}/placed")
    public TemplateInstance placed(@PathParam("id") long id) {
        Fetched<BuyerOrder> order = Fetched.of(ORDER_SERVICE, () -> orders.order(id), null);
        return pages.of(placed).data("order", order.value()).data("down", order.down());
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, @RestForm String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        BuyerMessages say = MessageBundles.get(BuyerMessages.class,
                Localized.Literal.of(visitor.locale().toLanguageTag()));
        FormErrors errors;
        int status;
        if (why != null && why.length() > MAX_REASON) {
            errors = FormErrors.none().field("reason", say.cancel_reasonTooLong(MAX_REASON));
            status = 400;
        } else {
            try {
                orders.cancel(id, new BuyerOrderRestClient.Cancellation(why));
                return Response.seeOther(URI.create("/my/orders/" + id)).build();
            } catch (WebApplicationException refused) {
                status = refused.getResponse().getStatus();
                if (status == 404) {
                    throw refused;
                }
                ServiceProblem problem = ServiceProblem.of(refused);
                errors = status == 409 ? FormErrors.none().form(say.cancel_refused(statusOf(problem)))
                        : status >= 500 ? FormErrors.none().form(say.order_serviceDown())
                        : FormErrors.of(problem, visitor.locale());
            } catch (ProcessingException unreachable) {
                errors = FormErrors.none().form(say.order_serviceDown());
                status = 503;
            }
        }
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .entity(detail(id, errors, why == null ? "" : why)).build();
    }

    private static String statusOf(ServiceProblem problem) {
        var status = problem.extensions().get("orderStatus");
        return status == null ? "" : status.asText();
    }

    private TemplateInstance detail(long id, FormErrors errors, String reason) {
        BuyerOrder order = orders.order(id);
        Fetched<List<OrderHistoryEntry>> history = Fetched.of(ORDER_SERVICE, () -> orders.history(id), List.of());
        // cash on delivery has no payment or refund in order-service to show
        Fetched<OrderPayments> payments = order.paysOnline()
                ? Fetched.of(ORDER_SERVICE, () -> orders.payments(id), null) : new Fetched<>(null, false);
        return pages.of(detail).data("order", order).data("history", history.value()).data("errors", errors)
                .data("payments", payments.value()).data("reason", reason)
                .data("down", history.down() || payments.down());
    }
}
