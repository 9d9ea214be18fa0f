package io.agrilink.web.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agrilink.web.Formats;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.staff.Chart;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the livestream pages share: typed values read, a page with its status, a stream's charts, refusals in words. */
final class LiveForms {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** The per-minute chart shows the last minutes that had orders. */
    static final int MINUTES = 30;

    private LiveForms() {
    }

    static LiveMessages text(Locale locale) {
        return MessageBundles.get(LiveMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(HTML).entity(page).build();
    }

    static Response fragment(int status, TemplateInstance page) {
        CacheControl never = new CacheControl();
        never.setNoStore(true);
        return Response.status(status).type(HTML).cacheControl(never).entity(page).build();
    }

    static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    /** A time typed in a {@code datetime-local} field, on the clock in Việt Nam. */
    static Instant instant(String typed, String field, FormErrors errors, LiveMessages say) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(Formats.VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            errors.field(field, say.notATime());
            return null;
        }
    }

    /** An instant as a {@code datetime-local} field shows it, in Việt Nam. */
    static String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(Formats.VIETNAM));
    }

    static LocalDate date(String typed, String field, FormErrors errors, LiveMessages say) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            errors.field(field, say.notADate());
            return null;
        }
    }

    static Long whole(String typed, String field, FormErrors errors, LiveMessages say) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            errors.field(field, say.notANumber());
            return null;
        }
    }

    /** The minute order-service counts in (its time zone's offset, or UTC) on the clock in Việt Nam: {@code 14:05}. */
    static String minute(String key) {
        if (key == null) {
            return "";
        }
        try {
            return MINUTE.format(OffsetDateTime.parse(key).atZoneSameInstant(Formats.VIETNAM));
        } catch (DateTimeParseException e) {
            try {
                return MINUTE.format(LocalDateTime.parse(key));
            } catch (DateTimeParseException again) {
                return key;
            }
        }
    }

    static Chart perMinute(StreamCounter counted) {
        List<StreamCounter.Group> all = counted.perMinute();
        List<StreamCounter.Group> recent = all.subList(Math.max(0, all.size() - MINUTES), all.size());
        return Chart.columns(recent, MINUTES, g -> minute(g.key()), StreamCounter.Group::grams,
                g -> Formats.weight(g.grams()));
    }

    static Chart byProvince(StreamCounter counted) {
        return Chart.rows(counted.byProvince(), StreamCounter.Group::key, StreamCounter.Group::grams,
                g -> Formats.weight(g.grams()));
    }

    static Chart byCountry(StreamCounter counted, Locale locale) {
        return Chart.rows(counted.byCountry(), g -> country(g.key(), locale), StreamCounter.Group::grams,
                g -> Formats.weight(g.grams()));
    }

    /** A country code in the page's language ({@code US} → Hoa Kỳ), the code itself when unknown. */
    static String country(String code, Locale locale) {
        if (code == null || !code.matches("[A-Z]{2}")) {
            return String.valueOf(code);
        }
        String name = Locale.of("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    /**
     * Why catalog-service did not start, end or cancel a stream, in words: another state (409, the
     * state it is in), not one of this person's streams (403), gone (404), else its own problem.
     */
    static String refusal(ServiceProblem problem, Locale locale) {
        LiveMessages say = text(locale);
        return switch (problem.status()) {
            case 409 -> {
                var state = problem.extensions().containsKey("state") ? problem.extensions().get("state")
                        : problem.extensions().get("currentState");
                yield state != null && state.isTextual() ? say.move_conflict(say.state(state.asText()))
                        : say.move_conflictUnknown();
            }
            case 401, 403 -> say.move_forbidden();
            case 404 -> say.move_notFound();
            default -> {
                FormErrors said = FormErrors.of(problem, locale);
                String sentence = said.form().isEmpty() ? String.join(" ", said.fields().values()) : said.form();
                yield sentence.isEmpty() ? say.move_down() : sentence;
            }
        };
    }
}
