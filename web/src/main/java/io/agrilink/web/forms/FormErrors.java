package io.agrilink.web.forms;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.agrilink.web.client.ServiceProblem;

/**
 * What is wrong with a submitted form, as sentences in the visitor's language: one per field (shown
 * next to it, {@code {#field}} tag) and one for the form as a whole. A service's problem becomes
 * sentences here: each violation under the field it names, translated when
 * {@code messages/problems_<lang>.properties} knows the service's message, else the service's own
 * words after the field's label; the problem's detail as the form's sentence.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private String form;

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * The service's answer as sentences of this locale. Name the form's fields as the service names
     * them ({@code grams}, {@code address.province}) so each sentence lands next to its field.
     */
    public static FormErrors of(ServiceProblem problem, Locale locale) {
        FormErrors errors = new FormErrors();
        ResourceBundle sentences = ResourceBundle.getBundle("messages.problems", locale);
        for (ServiceProblem.Violation violation : problem.violations()) {
            errors.field(violation.field(),
                    translated(sentences, "message." + violation.message(), violation.message()));
        }
        if (problem.violations().isEmpty()) {
            String said = problem.detail() != null ? problem.detail() : problem.title();
            errors.form(translated(sentences, "status." + problem.status(), said));
        }
        return errors;
    }

    private static String translated(ResourceBundle sentences, String key, String fallback) {
        try {
            return sentences.getString(key);
        } catch (MissingResourceException unknown) {
            return fallback;
        }
    }

    public FormErrors field(String field, String sentence) {
        byField.merge(field, sentence, (a, b) -> a + " " + b);
        return this;
    }

    public FormErrors form(String sentence) {
        if (sentence != null) {
            form = form == null ? sentence : form + " " + sentence;
        }
        return this;
    }

    public boolean any() {
        return form != null || !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    /** The sentence for the whole form, or {@code ""}. */
    public String form() {
        return form == null ? "" : form;
    }

    public Map<String, String> fields() {
        return Map.copyOf(byField);
    }
}
