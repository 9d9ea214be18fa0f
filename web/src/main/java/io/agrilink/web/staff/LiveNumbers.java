package io.agrilink.web.staff;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.agrilink.web.Formats;
import io.agrilink.web.client.Campaign;
import io.agrilink.web.staff.client.Dashboard;

/**
 * A campaign's live counter as the dashboard shows it: the totals, its target, and three charts
 * (kg per minute, by province, by country) drawn from order-service's dashboard.
 */
public record LiveNumbers(long orders, long grams, long revenue, long targetGrams, Instant asOf, Chart perMinute,
        Chart byProvince, Chart byCountry, List<Dashboard.Group> provinces, List<Dashboard.Group> countries) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    static LiveNumbers of(Dashboard counted, Campaign campaign, int minutes, Locale locale) {
        List<Dashboard.Group> perMinute = counted.perMinute();
        List<Dashboard.Group> recent = perMinute.subList(Math.max(0, perMinute.size() - minutes), perMinute.size());
        return new LiveNumbers(counted.orders(), counted.grams(), counted.revenue(),
                campaign == null ? 0 : campaign.targetGrams(), counted.asOf(),
                Chart.columns(recent, minutes, g -> minute(g.key()), Dashboard.Group::grams, g -> Formats.weight(g.grams())),
                Chart.rows(counted.byProvince(), Dashboard.Group::key, Dashboard.Group::grams,
                        g -> Formats.weight(g.grams())),
                Chart.rows(counted.byCountry(), g -> country(g.key(), locale), Dashboard.Group::grams,
                        g -> Formats.weight(g.grams())),
                counted.byProvince(), counted.byCountry());
    }

    /** Of the target, in whole percent (100 at most for the bar; the number says the rest). */
    public long percentOfTarget() {
        return targetGrams <= 0 ? 0 : grams * 100 / targetGrams;
    }

    /** The minute (UTC from order-service) on the clock in Việt Nam: {@code 14:05}. */
    static String minute(String key) {
        try {
            return MINUTE.format(Instant.parse(key).atZone(Formats.VIETNAM));
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(key);
        }
    }

    /** A country code in the page's language ({@code US} → Hoa Kỳ), the code itself when unknown. */
    static String country(String code, Locale locale) {
        if (code == null || !code.matches("[A-Z]{2}")) {
            return String.valueOf(code);
        }
        String name = Locale.of("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }
}
