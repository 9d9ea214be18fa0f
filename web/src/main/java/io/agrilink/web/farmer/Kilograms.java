package io.agrilink.web.farmer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Farmers weigh in kg; the services count whole grams. */
final class Kilograms {

    private Kilograms() {
    }

    /** {@code 2500} → {@code "2.5"}, the value of a number field. */
    static String of(long grams) {
        return BigDecimal.valueOf(grams, 3).stripTrailingZeros().toPlainString();
    }

    /**
     * What a farmer typed ({@code 2.5}, {@code 2,5}, {@code 12}) as whole grams; empty when it is not
     * a number or has a finer part than a gram. Zero and negatives are the service's to refuse.
     */
    static Optional<Long> toGrams(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 20) {
            return Optional.empty();
        }
        try {
            BigDecimal kg = new BigDecimal(typed.strip().replace(',', '.'));
            BigDecimal grams = kg.movePointRight(3);
            if (grams.compareTo(grams.setScale(0, RoundingMode.DOWN)) != 0 || grams.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                return Optional.empty();
            }
            return Optional.of(grams.longValueExact());
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return Optional.empty();
        }
    }
}
