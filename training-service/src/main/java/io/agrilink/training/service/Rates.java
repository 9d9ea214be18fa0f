package io.agrilink.training.service;

/** The one rule for a share in the training figures: three decimals, null when there is no whole. */
final class Rates {

    private Rates() {
    }

    /** {@code part / whole} rounded to 3 decimals; null when either is unknown or the whole is 0. */
    static Double of(Long part, Long whole) {
        return part == null || whole == null || whole == 0 ? null : Math.round(part * 1000.0 / whole) / 1000.0;
    }
}
