package io.agrilink.web.training;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** training-service's course: title and description by language tag, {@code vi} always there. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Course(long id, String code, String topic, int hours, Map<String, String> title,
        Map<String, String> description, List<Prerequisite> prerequisites) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Prerequisite(long id, String code, String title) {
    }

    /** The title in {@code language}, else in Vietnamese. */
    public String titleIn(String language) {
        return in(title, language);
    }

    public String descriptionIn(String language) {
        return in(description, language);
    }

    private static String in(Map<String, String> texts, String language) {
        if (texts == null) {
            return "";
        }
        String text = texts.get(language);
        return text != null ? text : texts.getOrDefault("vi", "");
    }
}
