package io.agrilink.web.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The kg-per-minute chart's labels never overlap, however few or many the minutes. */
class ChartTest {

    private static Chart minutes(int count) {
        List<Integer> items = IntStream.range(0, count).boxed().toList();
        return Chart.columns(items, 30, m -> String.format("23:%02d", m), m -> 1000L, m -> "1 kg");
    }

    @Test
    void twoMinutesSideBySideCarryOneLabelNotTwoOnTopOfEachOther() {
        List<Chart.Bar> bars = minutes(2).bars();
        assertEquals(List.of("23:00", ""), bars.stream().map(Chart.Bar::label).toList());
    }

    @Test
    void labelsStandAtLeastALabelsWidthApartAndTheLastMinuteIsNamedWhenThereIsRoom() {
        for (int count : new int[] { 1, 3, 7, 30, 61 }) {
            List<Chart.Bar> labelled = minutes(count).bars().stream().filter(b -> !b.label().isEmpty()).toList();
            for (int i = 1; i < labelled.size(); i++) {
                assertTrue(labelled.get(i).labelX() - labelled.get(i - 1).labelX() >= 40,
                        count + " minutes: labels at " + labelled.get(i - 1).labelX() + " and " + labelled.get(i).labelX());
            }
            assertEquals("23:00", labelled.get(0).label(), "the first minute is named");
        }
        List<Chart.Bar> thirty = minutes(30).bars();
        assertEquals("23:29", thirty.get(29).label(), "the last of 30 minutes is named");
    }
}
