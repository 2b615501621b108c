package org.submitlab.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comparison as a text table, A and B side by side (what {@code simulate --compare} prints). */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    /** The table's rows: a label, then A's and B's cells. */
    public static List<String[]> rows(Comparison c) {
        RunFigures a = c.a();
        RunFigures b = c.b();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "A (problem)", "B (remedy)"});
        rows.add(new String[] {"scenario", a.scenario(), b.scenario()});
        rows.add(new String[] {"run", a.runId(), b.runId()});
        rows.add(row("messages", a.messages(), b.messages()));
        rows.add(row("accepted (messages)", a.messagesAccepted(), b.messagesAccepted()));
        rows.add(row("accepted (transactions)", a.transactionsAccepted(), b.transactionsAccepted()));
        rows.add(row("refused", a.refusedTotal(), b.refusedTotal()));
        for (Comparison.RefusalRow r : c.refusals()) {
            rows.add(new String[] {"  " + r.key() + " " + r.label(), Long.toString(r.counts().get(0)),
                    Long.toString(r.counts().get(1))});
        }
        rows.add(row("retries", a.retries(), b.retries()));
        rows.add(row("lost", a.lost(), b.lost()));
        rows.add(new String[] {"delay p50 / p95", delay(a), delay(b)});
        rows.add(row("recipients used (24 h)", a.recipientsUsed(), b.recipientsUsed()));
        rows.add(new String[] {"peak in flight (one mailbox)", peak(a.peakInFlightMailbox()), peak(b.peakInFlightMailbox())});
        rows.add(new String[] {"peak in flight (all)", peak(a.peakInFlight()), peak(b.peakInFlight())});
        rows.add(new String[] {"simulated time", a.simulatedSeconds() + " s", b.simulatedSeconds() + " s"});
        rows.add(new String[] {"checks", a.checksPassed() ? "OK" : "FAILED", b.checksPassed() ? "OK" : "FAILED"});
        return rows;
    }

    public static String format(Comparison c) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Comparison at %sx, seed %d%s%n", trim(c.speed()), c.seed(),
                c.pair() == null ? "" : ": " + c.pair().id() + ", " + c.pair().title()));
        if (c.pair() != null) {
            s.append(c.pair().explanation()).append(System.lineSeparator());
        }
        s.append(System.lineSeparator());
        List<String[]> rows = rows(c);
        int[] w = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            s.append(String.format(Locale.ROOT, "%-" + w[0] + "s  %-" + w[1] + "s  %s", r[0], r[1], r[2]).stripTrailing())
                    .append(System.lineSeparator());
        }
        return s.toString();
    }

    private static String[] row(String label, long a, long b) {
        return new String[] {label, Long.toString(a), Long.toString(b)};
    }

    static String delay(RunFigures f) {
        return seconds(f.delayP50Seconds()) + " / " + seconds(f.delayP95Seconds());
    }

    private static String peak(Integer n) {
        return n == null ? "-" : Integer.toString(n);
    }

    private static String seconds(Double s) {
        return s == null ? "-" : trim(s) + " s";
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
