package org.submitlab.ui.common;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The console's number, time and countdown texts, one place so every panel writes them alike. */
public final class Formats {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT_DATE_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.US);
    private static final DateTimeFormatter SHORT_DATE_MINUTES = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.US);

    private Formats() {
    }

    /** 5000 -> "5,000". */
    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** 1536 -> "1.5 KB". */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double kb = n / 1024.0;
        if (kb < 1024) {
            return String.format(Locale.US, "%.1f KB", kb);
        }
        double mb = kb / 1024.0;
        if (mb < 1024) {
            return String.format(Locale.US, "%.1f MB", mb);
        }
        return String.format(Locale.US, "%.1f GB", mb / 1024.0);
    }

    public static String clock(Instant t, ZoneId zone) {
        return HH_MM.format(t.atZone(zone));
    }

    /** "09:00" on the day of {@code reference}, "Dec 3 09:00" on another: views spanning days say which. */
    public static String clockNear(Instant t, Instant reference, ZoneId zone) {
        return sameDay(t, reference, zone) ? clock(t, zone) : SHORT_DATE_MINUTES.format(t.atZone(zone));
    }

    /** As {@link #clockNear} with seconds. */
    public static String clockSecondsNear(Instant t, Instant reference, ZoneId zone) {
        return sameDay(t, reference, zone) ? clockSeconds(t, zone) : shortDateTime(t, zone);
    }

    private static boolean sameDay(Instant a, Instant b, ZoneId zone) {
        return a.atZone(zone).toLocalDate().equals(b.atZone(zone).toLocalDate());
    }

    public static String clockSeconds(Instant t, ZoneId zone) {
        return HH_MM_SS.format(t.atZone(zone));
    }

    public static String dateTime(Instant t, ZoneId zone) {
        return DATE_TIME.format(t.atZone(zone));
    }

    /** "Nov 29 09:00:30": for table rows where the year is noise. */
    public static String shortDateTime(Instant t, ZoneId zone) {
        return SHORT_DATE_TIME.format(t.atZone(zone));
    }

    /** A wait as a person reads it: "due", "45 s", "2 m 05 s", "3 h 20 m", "2 d 4 h". */
    public static String countdown(Duration d) {
        if (d.isNegative() || d.isZero() || d.toMillis() < 500) {
            return "due";
        }
        long s = Math.round(d.toMillis() / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.US, "%d m %02d s", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.US, "%d h %02d m", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.US, "%d d %d h", s / 86_400, (s % 86_400) / 3600);
    }

    /** "1 recipient" / "5,000 recipients". */
    public static String plural(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }
}
