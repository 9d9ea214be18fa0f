package io.agrilink.web.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.web.Formats;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * training-service's refusals as sentences a farmer or an officer can act on. Its 409s name the
 * rule in {@code field} (one enrolment per course, prerequisites with {@code missingCourses}, the
 * enrolment window); anything else is said as {@link FormErrors} says a problem.
 */
@ApplicationScoped
public class TrainingProblems {

    /** The refusal to show beside the form; a failing service or an expired sign-in is the error page's. */
    public ServiceProblem clientProblem(WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        if (status >= 500 || status == 401) {
            throw refused;
        }
        return ServiceProblem.of(refused);
    }

    public FormErrors enrolRefused(ServiceProblem problem, Locale locale) {
        TrainingMessages say = messages(locale);
        if (problem.status() == 404) {
            return FormErrors.none().form(say.refused_noSession());
        }
        if (problem.status() != 409) {
            return FormErrors.of(problem, locale);
        }
        String sentence = switch (rule(problem)) {
            case "farmer" -> say.refused_alreadyEnrolled();
            case "prerequisites" -> say.refused_prerequisites(String.join(", ", texts(problem.extensions().get("missingCourses"))));
            case "enrolmentOpensAt" -> say.refused_notOpen(time(problem, "enrolmentOpensAt"));
            case "enrolmentClosesAt" -> say.refused_closed(time(problem, "enrolmentClosesAt"));
            default -> say.refused_cancelled();
        };
        return FormErrors.none().form(sentence);
    }

    public FormErrors acceptRefused(ServiceProblem problem, Locale locale) {
        if (problem.status() == 409 || problem.status() == 404) {
            return FormErrors.none().form(messages(locale).refused_offerGone());
        }
        return FormErrors.of(problem, locale);
    }

    public FormErrors staffRefused(ServiceProblem problem, Locale locale) {
        if (problem.status() == 409) {
            return FormErrors.none().form(messages(locale).refused_attendance());
        }
        return FormErrors.of(problem, locale);
    }

    static TrainingMessages messages(Locale locale) {
        return MessageBundles.get(TrainingMessages.class, Localized.Literal.of(locale.getLanguage()));
    }

    private static String rule(ServiceProblem problem) {
        JsonNode field = problem.extensions().get("field");
        return field == null ? "" : field.asText("");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(t -> texts.add(t.asText()));
        }
        return texts;
    }

    private static String time(ServiceProblem problem, String member) {
        JsonNode value = problem.extensions().get(member);
        try {
            return value == null ? "" : Formats.time(Instant.parse(value.asText()));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return value.asText();
        }
    }
}
