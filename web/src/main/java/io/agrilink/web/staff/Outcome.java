package io.agrilink.web.staff;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;

/**
 * What a service said to a form staff sent: done (its answer), refused (its problem, 4xx), or not
 * reached (down, too slow, 5xx: nothing was done, the form comes back with the banner).
 */
public record Outcome<T>(T value, ServiceProblem problem, boolean down) {

    public static <T> Outcome<T> of(Supplier<T> call) {
        try {
            return new Outcome<>(call.get(), null, false);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                return new Outcome<>(null, null, true);
            }
            return new Outcome<>(null, ServiceProblem.of(e), false);
        } catch (ProcessingException e) {
            return new Outcome<>(null, null, true);
        }
    }

    public boolean done() {
        return problem == null && !down;
    }

    /**
     * The problem as sentences next to the form's fields: each field the service names renamed to
     * the form's ({@code certifications[3].expiresOn} → {@code expiresOn}); a problem that names its
     * field as an extension member ({@code "field": "lots[0].lotId"}) lands there too.
     */
    public FormErrors errors(Locale locale, Function<String, String> formField) {
        FormErrors said = FormErrors.of(problem, locale);
        FormErrors errors = FormErrors.none();
        said.fields().forEach((field, sentence) -> errors.field(formField.apply(field), sentence));
        var named = problem.extensions().get("field");
        if (problem.violations().isEmpty() && named != null && named.isTextual()) {
            errors.field(formField.apply(named.asText()), said.form());
        } else {
            errors.form(said.form().isEmpty() ? null : said.form());
        }
        return errors;
    }
}
