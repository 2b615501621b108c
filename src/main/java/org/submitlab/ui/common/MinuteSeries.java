package org.submitlab.ui.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-minute counts of submission outcomes for a chart of the last minutes. Keeps at most
 * {@code keepMinutes} minutes, so memory stays bounded.
 */
public final class MinuteSeries {

    /** The outcomes a chart tells apart. */
    public enum Outcome { ACCEPTED, CONCURRENCY_432, OTHER_REFUSAL }

    /** One minute of the chart. */
    public record Point(Instant minute, long accepted, long concurrency432, long otherRefusals) {
        public long refusals() {
            return concurrency432 + otherRefusals;
        }
    }

    private final int keepMinutes;
    private final TreeMap<Long, long[]> buckets = new TreeMap<>();

    public MinuteSeries(int keepMinutes) {
        this.keepMinutes = keepMinutes;
    }

    public void add(Instant time, Outcome outcome) {
        long minute = Math.floorDiv(time.getEpochSecond(), 60L);
        buckets.computeIfAbsent(minute, m -> new long[3])[outcome.ordinal()]++;
        while (buckets.size() > keepMinutes) {
            buckets.pollFirstEntry();
        }
    }

    /** The last {@code minutes} minutes up to and including the one holding {@code now}, oldest first, zeros included. */
    public List<Point> lastMinutes(Instant now, int minutes) {
        long current = Math.floorDiv(now.getEpochSecond(), 60L);
        List<Point> points = new ArrayList<>(minutes);
        for (long m = current - minutes + 1; m <= current; m++) {
            long[] c = buckets.getOrDefault(m, new long[3]);
            points.add(new Point(Instant.ofEpochSecond(m * 60), c[0], c[1], c[2]));
        }
        return points;
    }

    public boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** Totals over everything kept. */
    public Map<Outcome, Long> totals() {
        Map<Outcome, Long> t = new java.util.EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            long sum = 0;
            for (long[] c : buckets.values()) {
                sum += c[o.ordinal()];
            }
            t.put(o, sum);
        }
        return t;
    }
}
