package io.agrilink.web.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A bar chart drawn on the server as SVG ({@code staff/chart.html}): no chart library, no script,
 * the same picture with JavaScript off. The geometry is computed here in whole SVG units; the
 * labels stay data, escaped by Qute like any other text.
 */
public record Chart(String kind, int width, int height, List<Bar> bars) {

    /** One bar: its label and value as people read them, and where it is drawn. */
    public record Bar(String label, String value, int x, int y, int w, int h, int labelX, int labelY, int valueX,
            int valueY) {
    }

    static final int WIDTH = 600;
    private static final int ROW = 30;
    private static final int LABEL = 190;
    private static final int VALUE = 110;
    private static final int COLUMNS_HEIGHT = 220;
    private static final int AXIS = 24;
    private static final int LABEL_ROOM = 48;

    public boolean empty() {
        return bars.isEmpty();
    }

    /** One row per item, longest bar for the largest value: groups with long names (provinces, countries). */
    public static <T> Chart rows(List<T> items, java.util.function.Function<T, String> label,
            ToLongFunction<T> value, java.util.function.Function<T, String> shown) {
        long max = Math.max(1, items.stream().mapToLong(value).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int room = WIDTH - LABEL - VALUE;
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            int w = (int) Math.max(value.applyAsLong(item) > 0 ? 2 : 0, value.applyAsLong(item) * room / max);
            int y = i * ROW;
            bars.add(new Bar(label.apply(item), shown.apply(item), LABEL, y + 6, w, ROW - 12, LABEL - 8, y + ROW / 2 + 5,
                    LABEL + w + 8, y + ROW / 2 + 5));
        }
        return new Chart("rows", WIDTH, Math.max(ROW, items.size() * ROW), List.copyOf(bars));
    }

    /**
     * One column per item from left to right (minutes) in at least {@code slots} places, so two
     * minutes are two slim columns, not two slabs: every few columns carry their label below.
     */
    public static <T> Chart columns(List<T> items, int slots, java.util.function.Function<T, String> label,
            ToLongFunction<T> value, java.util.function.Function<T, String> shown) {
        long max = Math.max(1, items.stream().mapToLong(value).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int n = Math.max(Math.max(1, slots), items.size());
        int step = WIDTH / n;
        int room = COLUMNS_HEIGHT - AXIS - 18;
        // a label ("23:45") needs about LABEL_ROOM units: labels closer than that would overlap
        int apart = (int) Math.ceil((double) LABEL_ROOM / step);
        int labelEvery = Math.max(Math.max(1, (int) Math.ceil(items.size() / 6.0)), apart);
        int lastLabelled = -labelEvery;
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            int h = (int) Math.max(value.applyAsLong(item) > 0 ? 2 : 0, value.applyAsLong(item) * room / max);
            int x = i * step + 2;
            int w = Math.max(2, step - 4);
            int base = COLUMNS_HEIGHT - AXIS;
            boolean labelled = i % labelEvery == 0 || i == items.size() - 1 && i - lastLabelled >= apart;
            if (labelled) {
                lastLabelled = i;
            }
            // a label centred under the first or last column would be cut by the chart's edge
            int labelX = Math.min(WIDTH - 20, Math.max(20, x + w / 2));
            bars.add(new Bar(labelled ? label.apply(item) : "", shown.apply(item), x, base - h, w, h, labelX,
                    COLUMNS_HEIGHT - 6, x + w / 2, base - h - 4));
        }
        return new Chart("columns", WIDTH, COLUMNS_HEIGHT, List.copyOf(bars));
    }
}
