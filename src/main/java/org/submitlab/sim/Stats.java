package org.submitlab.sim;

import java.util.List;

/** Percentiles and rounding for reports. */
final class Stats {

    private Stats() {
    }

    /** The nearest-rank percentile of sorted values, or null when there are none. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))));
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
