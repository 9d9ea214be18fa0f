package io.agrilink.web.staff;

import java.net.URI;

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
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.payment.Refund;
import io.agrilink.web.staff.client.StaffClients;
import io.agrilink.web.staff.client.StaffOrderRestClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Refunds, the work first: those requested (a bank transfer's is a staff task: send the money back,
 * then record the transfer's reference here), then those that failed with the provider's reason,
 * then those done. VNPay's and Stripe's go through the providers by themselves.
 */
@Path("/staff/refunds")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffRefundResource {

    /** Requested and failed refunds are work to do: up to this many of each are shown in full. */
    static final int OPEN_SHOWN = 100;
    static final int PAGE_SIZE = 20;

    @Inject
    StaffClients services;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("staff/refunds.html")
    Template list;

    @GET
    public TemplateInstance refunds(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("completed") Long completed) {
        return page(Math.max(0, page), FormErrors.none(), null, "").data("completed", completed);
    }

    /** A bank-transfer refund staff have sent: order-service records it DONE with the transfer's reference. */
    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") long id, @RestForm String reference) {
        String typed = StaffProducerResource.blankIfNull(reference);
        if (typed.isBlank()) {
            StaffMessages say = MessageBundles.get(StaffMessages.class,
                    Localized.Literal.of(visitor.locale().toLanguageTag()));
            return StaffProducerResource.page(400,
                    page(0, FormErrors.none().field("reference", say.refund_referenceNeeded()), id, typed));
        }
        Outcome<Refund> done = Outcome.of(() -> services.orders().completeRefund(id,
                new StaffOrderRestClient.RefundSent(typed.strip())));
        if (done.done()) {
            return Response.seeOther(URI.create("/staff/refunds?completed=" + id)).build();
        }
        if (done.down()) {
            return StaffProducerResource.page(503, page(0, FormErrors.none(), id, typed).data("down", true));
        }
        if (done.problem().status() == 404) {
            throw new NotFoundException();
        }
        FormErrors errors = done.errors(visitor.locale(), field -> field);
        if (done.problem().status() == 409) {
            StaffMessages say = MessageBundles.get(StaffMessages.class,
                    Localized.Literal.of(visitor.locale().toLanguageTag()));
            errors = FormErrors.none().form(say.refund_notRequested(id));
        }
        return StaffProducerResource.page(done.problem().status(), page(0, errors, id, typed));
    }

    /**
     * The refunds page; {@code failedId} is the refund whose form came back refused ({@code typed}
     * what was typed in it), so its row shows why.
     */
    private TemplateInstance page(int page, FormErrors errors, Long failedId, String typed) {
        var requested = services.refunds("REQUESTED", 0, OPEN_SHOWN);
        var failed = services.refunds("FAILED", 0, OPEN_SHOWN);
        var done = services.refunds("DONE", page, PAGE_SIZE);
        return pages.of(list).data("requested", requested.value().items()).data("failed", failed.value().items())
                .data("done", done.value().items()).data("doneTotal", done.value().total()).data("page", page)
                .data("more", (long) (page + 1) * PAGE_SIZE < done.value().total()).data("errors", errors)
                .data("failedId", failedId).data("typed", typed).data("completed", null)
                .data("down", requested.down() || failed.down() || done.down());
    }
}
