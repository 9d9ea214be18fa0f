package io.agrilink.web.buyer;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.agrilink.web.Pages;
import io.agrilink.web.QrCode;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.config.WebConfig;
import io.agrilink.web.payment.OrderPayments;
import io.agrilink.web.payment.Payment;
import io.agrilink.web.payment.PaymentMethod;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.ext.web.RoutingContext;

/**
 * Where a buyer pays an order online: the VietQR code to scan (or the transfer written out), or the
 * button to VNPay's or Stripe's page; and the payment's state, which the page's script refreshes
 * every 2 s, so PENDING turns PAID and the order CONFIRMED without a reload. The buyer comes back
 * here from VNPay and Stripe too: what they add to the address is ignored, order-service's IPN or
 * webhook decides and this page only shows it.
 */
@Path("/my/orders/{id}/payment")
@RolesAllowed("buyer")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class MyPaymentResource {

    private static final Logger LOG = Logger.getLogger(MyPaymentResource.class);
    private static final String ORDER_SERVICE = "order-service";
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");
    private static final Map<String, String> NO_BODY = Map.of();

    @Inject
    @RestClient
    BuyerOrderRestClient orders;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Inject
    WebConfig config;

    @Inject
    RoutingContext request;

    @Location("buyer/payment.html")
    Template page;

    @Location("buyer/payment-state.html")
    Template state;

    /** What started or was pending, or why nothing could be: the order moved on (409), the provider is down. */
    private record Started(Payment payment, String problem, int status) {
    }

    /**
     * The payment page: while the order awaits its money, order-service starts the payment (or answers
     * the one already pending), so the code or the button is there on the first render.
     */
    @GET
    public Response payment(@PathParam("id") long id) {
        OrderPayments order = summary(id);
        if (order != null && PaymentMethod.CASH_ON_DELIVERY.equals(order.method())) {
            // nothing to pay online: the courier takes the cash
            return Response.seeOther(URI.create("/my/orders/" + id)).build();
        }
        Started started = order != null && order.awaitingPayment() ? startOrCurrent(id) : new Started(null, null, 200);
        if (started.status() == 409) {
            order = summary(id);
        }
        return page(order == null ? null : order.with(started.payment()), started.problem(), 200, order == null);
    }

    /** The state alone, the fragment the page's script puts in place every 2 s; never cached. */
    @GET
    @Path("state")
    public Response state(@PathParam("id") long id) {
        Fetched<OrderPayments> order = Fetched.of(ORDER_SERVICE, () -> orders.payments(id), null);
        if (order.down()) {
            return Response.status(503).cacheControl(NO_STORE).build();
        }
        return Response.ok(pages.of(state).data("order", order.value()).data("current", order.value().latest()))
                .cacheControl(NO_STORE).build();
    }

    /**
     * The "pay online" button: order-service gives the provider's address for this payment, and the
     * browser goes there. Only an absolute http(s) address from order-service is followed; the form
     * carries none.
     */
    @POST
    @Path("start")
    public Response start(@PathParam("id") long id) {
        Started started = startOrCurrent(id);
        if (started.payment() == null) {
            OrderPayments order = summary(id);
            return page(order, started.problem(), started.status(), order == null);
        }
        URI provider = providerAddress(started.payment().redirectUrl());
        if (provider == null) {
            return Response.seeOther(URI.create("/my/orders/" + id + "/payment")).build();
        }
        return Response.seeOther(provider).build();
    }

    private OrderPayments summary(long id) {
        return Fetched.of(ORDER_SERVICE, () -> orders.payments(id), null).value();
    }

    private Started startOrCurrent(long id) {
        BuyerMessages say = MessageBundles.get(BuyerMessages.class, Localized.Literal.of(visitor.locale().toLanguageTag()));
        try {
            return new Started(orders.startPayment(id, buyerAddress(), NO_BODY), null, 200);
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 404) {
                throw new NotFoundException();
            }
            if (status == 409) {
                var orderStatus = ServiceProblem.of(refused).extensions().get("orderStatus");
                return new Started(null, say.pay_notAwaiting(orderStatus == null ? "" : orderStatus.asText()), 409);
            }
            if (status < 500) {
                // a session over (401), a refusal no sentence here is for: the error page says it
                throw refused;
            }
            LOG.warnf("order-service could not start the payment of order %d (%d)", id, status);
            return new Started(null, say.pay_providerDown(), 503);
        } catch (ProcessingException unreachable) {
            LOG.warnf("order-service did not answer the start of order %d's payment: %s", id, unreachable.getMessage());
            return new Started(null, say.pay_providerDown(), 503);
        }
    }

    /**
     * The buyer's address, which VNPay asks for, as a proxy passes it on: the addresses the request
     * came through (an ingress's X-Forwarded-For) and then the one it came from; order-service takes the first.
     */
    private String buyerAddress() {
        var remote = request.request().remoteAddress();
        String from = remote == null ? null : remote.hostAddress();
        String through = request.request().getHeader("X-Forwarded-For");
        if (through == null || through.isBlank()) {
            return from;
        }
        return from == null ? through.strip() : through.strip() + ", " + from;
    }

    /** order-service's redirectUrl when it is an absolute http(s) address; anything else is not followed. */
    URI providerAddress(String redirectUrl) {
        if (redirectUrl == null || redirectUrl.isBlank()) {
            return null;
        }
        URI address;
        try {
            address = URI.create(redirectUrl);
        } catch (IllegalArgumentException malformed) {
            LOG.warnf("order-service gave a payment address that is not one: %s", redirectUrl);
            return null;
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || address.getHost() == null) {
            LOG.warnf("order-service gave a payment address that is not http(s): %s", redirectUrl);
            return null;
        }
        String origin = scheme + "://" + address.getRawAuthority();
        if (Arrays.stream(config.paymentOrigins().split("\\s+")).noneMatch(origin::equalsIgnoreCase)) {
            // the browser would refuse to follow it (form-action): the configuration needs this origin
            LOG.warnf("the payment page %s is not among agrilink.web.payment-origins", origin);
        }
        return address;
    }

    private Response page(OrderPayments order, String problem, int status, boolean down) {
        Payment current = order == null ? null : order.latest();
        String qr = current != null && current.vietQr() != null && current.vietQr().payload() != null
                ? current.vietQr().payload() : null;
        TemplateInstance shown = pages.of(page).data("order", order).data("current", current)
                .data("qrImage", qr == null ? null : QrCode.dataUri(qr))
                .data("sandboxBank", qr == null ? null : sandboxLink(qr))
                .data("problem", problem).data("down", down);
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8").entity(shown)
                .cacheControl(NO_STORE).build();
    }

    private String sandboxLink(String payload) {
        return config.bankSandboxUrl().map(url -> url.replaceAll("/+$", "") + "/bank/?payload="
                + URLEncoder.encode(payload, StandardCharsets.UTF_8)).orElse(null);
    }
}
