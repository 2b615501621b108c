package org.submitlab.ui.budget;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.submitlab.app.explain.WindowFrees;
import org.submitlab.policy.WindowEntry;
import org.submitlab.ui.common.Formats;

/**
 * The recipient-rate budget: per mailbox, recipients in the sliding 24-hour window against the
 * limit, when recipients free up next, and when a blocked mailbox may send again.
 */
public final class RecipientBudgetViewModel {

    public static final Duration WINDOW = Duration.ofHours(24);

    /** Recipients sent in one hour of the window (they leave the window 24 hours later). */
    public record HourBar(Instant hour, long recipients) {
    }

    private final ZoneId zone;
    private List<BudgetRow> rows = List.of();

    public RecipientBudgetViewModel(ZoneId zone) {
        this.zone = zone;
    }

    public void setRows(List<BudgetRow> newRows) {
        rows = newRows.stream().sorted(Comparator.comparing(BudgetRow::mailbox)).toList();
    }

    public List<BudgetRow> rows() {
        return rows;
    }

    public Optional<BudgetRow> row(String mailbox) {
        return rows.stream().filter(r -> r.mailbox().equals(mailbox)).findFirst();
    }

    /** "5,000 recipients free at 09:00": the recipients leaving the window next, together in one minute. */
    public String nextFree(BudgetRow row, Instant now) {
        if (row.window().isEmpty()) {
            return row.used() == 0 ? "Nothing sent in the last 24 hours" : "";
        }
        Instant first = row.window().get(0).time();
        long minute = minuteOf(first);
        long recipients = 0;
        for (BudgetRow.Use u : row.window()) {
            if (minuteOf(u.time()) != minute) {
                break;
            }
            recipients += u.recipients();
        }
        return Formats.plural(recipients, "recipient", "recipients") + " free at "
                + Formats.clockNear(first.plus(WINDOW), now, zone);
    }

    /** When a blocked mailbox can send to one recipient again, or empty when it is not blocked. */
    public Optional<Instant> blockedUntil(BudgetRow row) {
        return WindowFrees.of(row.used(), row.limit(),
                row.window().stream().map(u -> new WindowEntry(u.time(), u.recipients())).toList());
    }

    /** "Blocked until 09:00 (in 3 h 20 m)" or "4,200 of 10,000 free". */
    public String status(BudgetRow row, Instant now) {
        Optional<Instant> until = blockedUntil(row);
        if (until.isPresent()) {
            return "Blocked until " + Formats.clockNear(until.get(), now, zone) + " (in "
                    + Formats.countdown(Duration.between(now, until.get())) + ")";
        }
        return Formats.count(row.free()) + " of " + Formats.count(row.limit()) + " free";
    }

    /** The window as 24 hourly bars, oldest first, ending with the hour holding {@code now}. */
    public List<HourBar> hourly(BudgetRow row, Instant now) {
        long currentHour = Math.floorDiv(now.getEpochSecond(), 3600L);
        long[] sums = new long[24];
        for (BudgetRow.Use u : row.window()) {
            long h = Math.floorDiv(u.time().getEpochSecond(), 3600L);
            int index = (int) (23 - (currentHour - h));
            if (index >= 0 && index < 24) {
                sums[index] += u.recipients();
            }
        }
        List<HourBar> bars = new ArrayList<>(24);
        for (int i = 0; i < 24; i++) {
            bars.add(new HourBar(Instant.ofEpochSecond((currentHour - 23 + i) * 3600L), sums[i]));
        }
        return bars;
    }

    public String hourLabel(HourBar bar) {
        return Formats.clock(bar.hour(), zone);
    }

    public long blockedCount() {
        return rows.stream().filter(BudgetRow::blocked).count();
    }

    private static long minuteOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60L);
    }
}
