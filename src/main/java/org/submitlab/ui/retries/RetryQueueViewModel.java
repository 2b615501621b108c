package org.submitlab.ui.retries;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.submitlab.ui.common.Formats;

/** Every pending retry across devices, soonest first, filtered by device or mailbox. */
public final class RetryQueueViewModel {

    private List<RetryRow> all = List.of();
    private String filter = "";

    public void setRetries(List<RetryRow> retries) {
        all = retries.stream().sorted(Comparator.comparing(RetryRow::nextAttemptAt)
                .thenComparing(RetryRow::device)).toList();
    }

    /** Matches device or mailbox, case-insensitive, anywhere in the text; blank shows all. */
    public void setFilter(String text) {
        filter = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    public List<RetryRow> rows() {
        if (filter.isEmpty()) {
            return all;
        }
        return all.stream().filter(r -> r.device().toLowerCase(Locale.ROOT).contains(filter)
                || r.mailbox().toLowerCase(Locale.ROOT).contains(filter)).toList();
    }

    public int total() {
        return all.size();
    }

    public static String countdown(RetryRow row, Instant now) {
        return Formats.countdown(Duration.between(now, row.nextAttemptAt()));
    }

    /** "3 retries queued, next in 45 s" or the empty state. */
    public String summary(Instant now) {
        if (all.isEmpty()) {
            return "No retries queued. When a device gets a temporary refusal (like 432 4.3.2) and retries, "
                    + "its next attempt shows here.";
        }
        String text = Formats.plural(all.size(), "retry", "retries") + " queued, next " + nextIn(all.get(0), now);
        int shown = rows().size();
        return shown == all.size() ? text : text + " (" + shown + " shown)";
    }

    private static String nextIn(RetryRow first, Instant now) {
        String c = countdown(first, now);
        return c.equals("due") ? "due now" : "in " + c;
    }

    /** Empty-state text when a filter hides everything. */
    public String emptyText() {
        return all.isEmpty() ? "No retries queued." : "No retry matches '" + filter + "'.";
    }

    public static Duration untilNext(RetryRow row, Instant now) {
        return Duration.between(now, row.nextAttemptAt());
    }
}
