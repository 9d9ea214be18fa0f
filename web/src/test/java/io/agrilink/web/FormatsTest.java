package io.agrilink.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void moneyIsWholeDongWithDotsAndTheDongSign() {
        assertEquals("1.250.000\u00a0₫", Formats.money(1_250_000));
        assertEquals("0\u00a0₫", Formats.money(0));
        assertEquals("950\u00a0₫", Formats.money(950));
    }

    @Test
    void weightIsKgWithGramsOnlyWhereThereAreAny() {
        assertEquals("2,5\u00a0kg", Formats.weight(2_500));
        assertEquals("1\u00a0kg", Formats.weight(1_000));
        assertEquals("0,25\u00a0kg", Formats.weight(250));
        assertEquals("0,001\u00a0kg", Formats.weight(1));
        assertEquals("54.000\u00a0kg", Formats.weight(54_000_000));
    }

    @Test
    void timesAreOnTheClockInVietnam() {
        // 07:05 UTC is 14:05 in Hà Nội (UTC+7, no daylight saving)
        assertEquals("14:05 01/12/2026", Formats.time(Instant.parse("2026-12-01T07:05:00Z")));
        assertEquals("06:30 02/12/2026", Formats.time(Instant.parse("2026-12-01T23:30:00Z")));
        assertEquals("01/06/2026", Formats.date(LocalDate.of(2026, 6, 1)));
    }
}
