package org.submitlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.submitlab.policy.Durations;

/** The human-readable summary of a report: a table per device and per mailbox, then the checks. */
public final class ReportTable {

    private static final int MAX_DEVICE_ROWS = 40;

    private ReportTable() {
    }

    public static String format(SimulationReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Scenario %s: %s simulated at %sx (%s)%n", r.scenario(),
                Durations.clockLike(java.time.Duration.ofSeconds(r.simulatedSeconds())), trim(r.speed()), r.state()));
        SimulationReport.Totals t = r.totals();
        b.append(String.format(Locale.ROOT, "Messages %d, attempts %d, accepted %d, refused %d %s, retries made %d, "
                        + "gave up %d, still waiting at the end %d%n",
                t.scheduled(), t.attempts(), t.accepted(), t.refusedCount(), codes(t.refused()), t.retries(), t.gaveUp(),
                t.pending()));
        if (t.pending() > 0 && !"RUNNING".equals(r.state()) && !"PAUSED".equals(r.state())) {
            b.append(String.format(Locale.ROOT, "%d message(s) were still queued or waiting to retry when the run "
                    + "ended (its drain time ran out or it was stopped): they were never accepted; count them as lost%n",
                    t.pending()));
        }
        b.append(System.lineSeparator());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"device", "mailbox", "msgs", "attempts", "accepted", "refused", "retries", "gave up",
                "delay p50/p95", "rate/h (intended)"});
        List<SimulationReport.DeviceReport> devices = r.devices();
        for (SimulationReport.DeviceReport d : devices.subList(0, Math.min(MAX_DEVICE_ROWS, devices.size()))) {
            rows.add(new String[] {d.name(), d.mailbox(), Long.toString(d.scheduled()), Long.toString(d.attempts()),
                    Long.toString(d.accepted()), refusedCell(d.refused()), Long.toString(d.retries()),
                    Long.toString(d.gaveUp()), seconds(d.delayP50Seconds()) + " / " + seconds(d.delayP95Seconds()),
                    trim(d.effectivePerHour()) + " (" + trim(d.intendedPerHour()) + ")"});
        }
        b.append(table(rows));
        if (devices.size() > MAX_DEVICE_ROWS) {
            b.append("... and ").append(devices.size() - MAX_DEVICE_ROWS).append(" more devices (see the report file)")
                    .append(System.lineSeparator());
        }
        b.append(System.lineSeparator());
        rows = new ArrayList<>();
        rows.add(new String[] {"mailbox", "devices", "attempts", "accepted", "refused", "recipients in 24 h", "Sent Items"});
        for (SimulationReport.MailboxReport m : r.mailboxes()) {
            rows.add(new String[] {m.address(), Integer.toString(m.devices()), Long.toString(m.attempts()),
                    Long.toString(m.accepted()), refusedCell(m.refused()), Long.toString(m.recipientsInWindow()),
                    m.sentItems() == null ? "-" : Long.toString(m.sentItems())});
        }
        b.append(table(rows));
        SimulationReport.ScheduleLag lag = r.scheduleLag();
        b.append(String.format(Locale.ROOT, "%nSchedule lag (simulated s): p50 %s, p95 %s, max %s over %d attempts%n",
                trim(lag.p50Seconds()), trim(lag.p95Seconds()), trim(lag.maxSeconds()), lag.samples()));
        for (SimulationReport.Check c : r.checks()) {
            b.append(c.passed() ? "OK     " : "FAILED ").append(c.name()).append(": ").append(c.detail())
                    .append(System.lineSeparator());
        }
        return b.toString();
    }

    private static String codes(Map<String, Long> refused) {
        if (refused.isEmpty()) {
            return "";
        }
        return "(" + refused.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String refusedCell(Map<String, Long> refused) {
        if (refused.isEmpty()) {
            return "0";
        }
        return refused.entrySet().stream().map(e -> e.getValue() + "x " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String seconds(Double s) {
        return s == null ? "-" : trim(s) + "s";
    }

    static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String table(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                line.append(String.format("%-" + width[i] + "s", row[i]));
                if (i < cols - 1) {
                    line.append("  ");
                }
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator());
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                b.append("-".repeat(total - 2)).append(System.lineSeparator());
            }
        }
        return b.toString();
    }

    /** One line of progress: simulated time, counts so far, what is waiting. */
    public static String progressLine(SimulationEngine engine) {
        SimulationReport.Totals t = engine.totals();
        Scenario s = engine.scenario();
        java.time.Duration elapsed = engine.elapsed();
        String time = elapsed.compareTo(s.duration()) <= 0
                ? Durations.clockLike(elapsed) + " / " + Durations.clockLike(s.duration())
                : Durations.clockLike(elapsed) + ", schedule over at " + Durations.clockLike(s.duration())
                        + ", retries until " + Durations.clockLike(s.duration().plus(s.drain()));
        return String.format(Locale.ROOT, "[%s at %sx] messages %d  accepted %d  refused %d %s retrying %d  gave up %d",
                time, trim(engine.clock().speed()),
                t.scheduled(), t.accepted(), t.refusedCount(), codes(t.refused()), engine.pendingRetries().size(),
                t.gaveUp());
    }
}
