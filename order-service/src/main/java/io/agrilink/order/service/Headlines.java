package io.agrilink.order.service;

import java.time.Duration;

/**
 * The sentence a stream's results are told in, as the programme tells its story: "54,2 t in
 * 6 h 03 min". Weights as tonnes with one decimal and a decimal comma (Vietnamese), under a tonne
 * in whole kilograms ("820 kg"), under a kilogram in grams; durations in hours and minutes, under
 * an hour in minutes ("42 min"). Rounded half up; a duration counts whole minutes.
 */
public final class Headlines {

    private static final long KILOGRAM = 1_000;
    private static final long TONNE = 1_000_000;

    private Headlines() {
    }

    public static String of(long grams, Duration duration) {
        return weight(grams) + " in " + duration(duration);
    }

    public static String weight(long grams) {
        long kilograms = (grams + KILOGRAM / 2) / KILOGRAM;
        if (kilograms < 1_000) {
            return grams < KILOGRAM ? grams + " g" : kilograms + " kg";
        }
        long tenths = (grams + TONNE / 20) / (TONNE / 10);
        return tenths / 10 + "," + tenths % 10 + " t";
    }

    public static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format("%d h %02d min", minutes / 60, minutes % 60);
    }
}
