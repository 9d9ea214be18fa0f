package io.agrilink.order.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HeadlinesTest {

    @Test
    void theLucNganStoryIsToldInTonnesHoursAndMinutes() {
        assertEquals("54,2 t in 6 h 03 min", Headlines.of(54_200_000, Duration.ofMinutes(6 * 60 + 3)));
        assertEquals("54,2 t in 6 h 03 min", Headlines.of(54_200_000, Duration.ofSeconds((6 * 60 + 3) * 60 + 59)));
    }

    @Test
    void underATonneInKilogramsUnderAnHourInMinutes() {
        assertEquals("820 kg", Headlines.weight(820_000));
        assertEquals("42 min", Headlines.duration(Duration.ofMinutes(42)));
        assertEquals("820 kg in 42 min", Headlines.of(820_000, Duration.ofMinutes(42).plusSeconds(30)));
        assertEquals("1 h 00 min", Headlines.duration(Duration.ofHours(1)));
        assertEquals("0 min", Headlines.duration(Duration.ZERO));
    }

    @Test
    void roundingHalfUpAndTheBorders() {
        assertEquals("1,0 t", Headlines.weight(1_000_000));
        assertEquals("1,0 t", Headlines.weight(999_600), "999.6 kg rounds to a tonne, not to 1000 kg");
        assertEquals("999 kg", Headlines.weight(999_499));
        assertEquals("54,3 t", Headlines.weight(54_250_000));
        assertEquals("1 kg", Headlines.weight(1_000));
        assertEquals("450 g", Headlines.weight(450));
        assertEquals("0 g", Headlines.weight(0));
        assertEquals("1234,5 t", Headlines.weight(1_234_500_000));
    }
}
