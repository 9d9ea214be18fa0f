package io.agrilink.web.buyer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.agrilink.web.Formats;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.payment.PaymentMethod;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Sends an order form to order-service with the form's Idempotency-Key and says what happened: the
 * order, or sentences by field (a sold-out lot with the kilograms left). A retry of the same key that
 * order-service is still working on waits for the first answer, so a double click without JavaScript
 * still lands on the order and never on an error.
 */
@ApplicationScoped
public class OrderPlacing {

    private static final Logger LOG = Logger.getLogger(OrderPlacing.class);
    private static final int IN_FLIGHT_RETRIES = 40;
    private static final long IN_FLIGHT_PAUSE_MS = 250;

    /** Placed ({@code order}), or refused with what to say and the status for the re-rendered form. */
    public record Outcome(BuyerOrder order, FormErrors errors, int status) {

        public boolean placed() {
            return order != null;
        }
    }

    @Inject
    @RestClient
    BuyerOrderRestClient orders;

    @Inject
    @RestClient
    PaymentMethodsRestClient paymentMethods;

    @Inject
    Visitor visitor;

    /**
     * The ways to pay the order form offers: those order-service has a provider for. When it cannot
     * say (down, slow), cash on delivery and bank transfer as before online payments; order-service
     * still refuses a method it cannot take, by the field. Only a buyer sees the form, so only for a
     * buyer is order-service asked.
     */
    public List<PaymentMethod> offered() {
        if (!visitor.hasRole("buyer")) {
            return List.of();
        }
        try {
            List<PaymentMethod> available = paymentMethods.methods().stream().filter(PaymentMethod::available).toList();
            return available.isEmpty() ? PaymentMethod.FALLBACK : available;
        } catch (WebApplicationException | ProcessingException unanswered) {
            LOG.warnf("order-service did not list the payment methods: %s", unanswered.getMessage());
            return PaymentMethod.FALLBACK;
        }
    }

    public Outcome place(OrderForm form, Locale locale) {
        BuyerMessages say = MessageBundles.get(BuyerMessages.class, Localized.Literal.of(locale.toLanguageTag()));
        FormErrors typed = FormErrors.none();
        long lotId = number(form.lotId);
        long grams = number(form.grams);
        if (lotId <= 0) {
            typed.field("lotId", say.order_chooseLot());
        }
        if (grams <= 0) {
            typed.field("grams", say.order_gramsNumber());
        }
        if (typed.any()) {
            return new Outcome(null, typed.form(say.order_notPlaced()), 400);
        }
        PlaceOrder order = new PlaceOrder(List.of(new PlaceOrder.Line(lotId, grams)),
                new PlaceOrder.Delivery(blankToNull(form.recipient), blankToNull(form.phone), "VN",
                        blankToNull(form.province), blankToNull(form.commune), blankToNull(form.street)),
                form.payment == null || form.payment.isBlank() ? OrderForm.CASH_ON_DELIVERY : form.payment,
                blankToNull(form.live));
        String key = form.keyOrNew();
        for (int attempt = 0;; attempt++) {
            try {
                return new Outcome(orders.place(key, order), null, 201);
            } catch (WebApplicationException refused) {
                int status = refused.getResponse().getStatus();
                if (status >= 500) {
                    return down(say, locale, status);
                }
                ServiceProblem problem = ServiceProblem.of(refused);
                if (stillInFlight(problem) && attempt < IN_FLIGHT_RETRIES) {
                    pause();
                    continue;
                }
                return new Outcome(null, sentences(problem, form, say, locale), status);
            } catch (ProcessingException unreachable) {
                return down(say, locale, 503);
            }
        }
    }

    private Outcome down(BuyerMessages say, Locale locale, int status) {
        LOG.warnf("order-service did not take an order (%d)", status);
        return new Outcome(null, FormErrors.none().form(say.order_serviceDown()), 503);
    }

    /** order-service's 409 for a key it is still placing names no lot, no limit: only then is it a retry. */
    private static boolean stillInFlight(ServiceProblem problem) {
        return problem.status() == 409 && problem.number("gramsLeft") < 0 && problem.number("limitGrams") < 0;
    }

    private static FormErrors sentences(ServiceProblem problem, OrderForm form, BuyerMessages say, Locale locale) {
        FormErrors errors;
        long gramsLeft = problem.number("gramsLeft");
        if (namesPayment(problem)) {
            errors = FormErrors.none().field("payment", OrderForm.CASH_ON_DELIVERY.equals(form.payment)
                    ? say.order_cashInVietnamOnly() : say.order_paymentUnavailable());
        } else if (problem.status() == 409 && problem.number("limitGrams") >= 0) {
            errors = FormErrors.none().field("grams", say.order_overLimit(Formats.weight(problem.number("limitGrams")),
                    Formats.weight(Math.max(0, gramsLeft))));
        } else if (problem.status() == 409 && gramsLeft >= 0) {
            errors = FormErrors.none().field("grams", gramsLeft == 0 ? say.order_soldOut()
                    : say.order_onlyLeft(Formats.weight(gramsLeft)));
        } else if (problem.status() == 422 && problem.violations().isEmpty()) {
            // the key went with another order already: this form gets a new one, so sending it again is a new order
            form.key = OrderForm.newKey();
            errors = FormErrors.none().form(say.order_keyUsed());
        } else {
            errors = FormErrors.of(byFormField(problem), locale);
        }
        return errors.form(say.order_notPlaced());
    }

    /**
     * order-service refuses a way to pay by the field {@code payment} (a 422: cash on delivery abroad,
     * a provider not configured), in its violations or as the problem's {@code field}.
     */
    private static boolean namesPayment(ServiceProblem problem) {
        var field = problem.extensions().get("field");
        return problem.violations().stream().anyMatch(v -> "payment".equals(v.field()))
                || field != null && "payment".equals(field.asText());
    }

    /** order-service names {@code lines[0].grams}, {@code delivery.phone}: the form's fields are {@code grams}, {@code phone}. */
    private static ServiceProblem byFormField(ServiceProblem problem) {
        List<ServiceProblem.Violation> renamed = new ArrayList<>();
        for (ServiceProblem.Violation v : problem.violations()) {
            String field = v.field().replaceFirst("^lines(\\[\\d+\\])?\\.?", "").replaceFirst("^delivery\\.", "");
            renamed.add(new ServiceProblem.Violation(field.isEmpty() ? "lotId" : field, v.message()));
        }
        return new ServiceProblem(problem.status(), problem.title(), problem.detail(), renamed,
                problem.extensions() == null ? Map.of() : problem.extensions());
    }

    private static long number(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void pause() {
        try {
            Thread.sleep(IN_FLIGHT_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(e);
        }
    }

    /**
     * The answer to an order form, wherever it was posted from: placed, 303 to its confirmation;
     * refused, {@code again} renders the page it came from with what was typed and the errors.
     */
    public Response answer(OrderForm form, Locale locale, BiFunction<OrderForm, FormErrors, TemplateInstance> again) {
        Outcome outcome = place(form, locale);
        if (outcome.placed()) {
            return BuyerChoices.confirmation(outcome.order());
        }
        return Response.status(outcome.status()).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .entity(again.apply(form, outcome.errors())).build();
    }
}
