package org.submitlab.sim;


/** Percentiles and rounding for reports. */
final class Stats {

    private Stats() {
    }

    /** The nearest-rank percentile of sorted values, or null when there are none. */
    static Double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
