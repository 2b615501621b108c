package org.submitlab.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written the way people say them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h30m}, {@code 5d}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    /** Parses a duration; throws IllegalArgumentException naming the expected form. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is missing (like 30s, 5m, 2h or 1d)");
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher m = PART.matcher(t);
        int pos = 0;
        double nanos = 0;
        while (pos < t.length() && m.find(pos) && m.start() == pos) {
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            pos = m.end();
        }
        if (pos == 0 || pos != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 5m, 2h, 1h30m or 1d");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 86400e9;
        };
    }

    /** A short form such as {@code 1h30m}, {@code 45s} or {@code 250ms}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = d.getSeconds();
        StringBuilder b = new StringBuilder();
        long days = s / 86400;
        long hours = s % 86400 / 3600;
        long minutes = s % 3600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (minutes > 0) {
            b.append(minutes).append('m');
        }
        if (seconds > 0 || b.length() == 0) {
            b.append(seconds).append('s');
        }
        return b.toString();
    }

    /**
     * A form that {@link #parse} reads back to exactly {@code d}, to the nanosecond: {@code 1h30m},
     * {@code 2s500ms}, {@code 0.000001ms}. Exact for every duration below 104 days (2^53 ns, where the
     * parser's sum in double is exact) and for every duration {@link #parse} itself returned.
     */
    public static String formatExact(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a negative duration cannot be written: " + d);
        }
        long s = d.getSeconds();
        StringBuilder b = new StringBuilder();
        appendPart(b, s / 86400, "d");
        appendPart(b, s % 86400 / 3600, "h");
        appendPart(b, s % 3600 / 60, "m");
        appendPart(b, s % 60, "s");
        if (d.getNano() > 0) {
            b.append(BigDecimal.valueOf(d.getNano(), 6).stripTrailingZeros().toPlainString()).append("ms");
        }
        return b.length() == 0 ? "0s" : b.toString();
    }

    private static void appendPart(StringBuilder b, long value, String unit) {
        if (value > 0) {
            b.append(value).append(unit);
        }
    }

    /** A clock-like form: {@code 1d 02:03:04} or {@code 02:03:04}. */
    public static String clockLike(Duration d) {
        long s = Math.max(0, d.getSeconds());
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", s % 86400 / 3600, s % 3600 / 60, s % 60);
        return s >= 86400 ? (s / 86400) + "d " + hms : hms;
    }
}
