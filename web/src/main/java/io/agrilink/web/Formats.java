package io.agrilink.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/**
 * The one place money, weights and times are written for people, in Vietnamese conventions
 * whatever the page's language (the programme's prices are in đồng, its weights in kg):
 * {@code 1.250.000 ₫}, {@code 2,5 kg}, {@code 14:05 01/12/2026} in Asia/Ho_Chi_Minh.
 * Templates call them as {@code {fmt:money(product.pricePerKg)}}.
 */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A no-break space, so an amount and its unit never land on two lines of a narrow phone. */
    private static final char NBSP = '\u00a0';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Formats() {
    }

    /** Whole đồng: {@code 1250000} → {@code 1.250.000 ₫}. */
    public static String money(long dong) {
        return decimal("#,##0").format(dong) + NBSP + "₫";
    }

    /** Whole grams as kg, grams shown only where there are any: {@code 2500} → {@code 2,5 kg}, {@code 250} → {@code 0,25 kg}. */
    public static String weight(long grams) {
        return decimal("#,##0.###").format(BigDecimal.valueOf(grams, 3)) + NBSP + "kg";
    }

    /** An instant as the clock on the wall in Việt Nam: {@code 14:05 01/12/2026}. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(VIETNAM));
    }

    /** {@code 01/12/2026}. */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A share as a percentage, one decimal: {@code 0.8333} → {@code 83,3 %}; none yet → {@code –}. */
    public static String percent(Double share) {
        return share == null ? "–" : decimal("#,##0.#").format(share * 100) + NBSP + "%";
    }

    private static DecimalFormat decimal(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return new DecimalFormat(pattern, symbols);
    }
}
