package org.submitlab.app.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import org.submitlab.app.explain.Explainer;
import org.submitlab.policy.Durations;
import org.submitlab.sim.SimulationReport;

/**
 * A run's report as one self-contained HTML page (styles inline, no scripts, nothing loaded from elsewhere), for
 * a ticket, a mail or a handout: totals, checks, mailboxes and devices, each refusal with what it means, and the
 * transactions in flight over time as an inline SVG chart. A comparison's page ({@code app.compare.ComparisonHtml})
 * is made of the same parts.
 */
public final class ReportHtml {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;color:#1d232a}
            h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.6em 0 .4em}
            .sub{color:#5a6570;margin:0 0 1em}table{border-collapse:collapse;width:100%}
            th,td{border-bottom:1px solid #dde2e6;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#f3f5f7;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .ok{color:#1e7b34}.bad{color:#b42318;font-weight:600}.warn{color:#a15c00}
            .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #dde2e6;border-radius:6px;padding:.6em 1em}
            .card b{display:block;font-size:1.4em}code{font-size:.92em}
            svg.chart{width:100%;max-width:60em;height:auto;display:block;margin:.4em 0}
            .axis{stroke:#5a6570}.grid{stroke:#eef1f3}.tick{font-size:11px;fill:#5a6570}
            .steps{fill:none;stroke:#1f5fbf;stroke-width:1.6}.steps-all{fill:none;stroke:#9fb8de;stroke-width:1.2}.limit{stroke:#b42318;stroke-dasharray:5 4}
            .limit-label{fill:#b42318}.refusal{stroke:#b42318;stroke-width:1.2}
            .cmp td.a,.cmp td.b{text-align:right;font-variant-numeric:tabular-nums}
            """;

    private ReportHtml() {
    }

    /** A run's handout: totals, refusals with their meaning, checks, mailboxes and devices. */
    public static String render(SimulationReport r) {
        return render(r, null);
    }

    /** A run's handout with its transactions-in-flight chart ({@code timeline} may be null: no chart). */
    public static String render(SimulationReport r, InFlightTimeline timeline) {
        StringBuilder h = new StringBuilder(16_384);
        open(h, "SubmitLab run: " + r.scenario());
        h.append("<h1>").append(esc(r.scenario())).append("</h1>\n");
        runSections(h, r, "h2", timeline);
        close(h);
        return h.toString();
    }

    /** The page's head (styles inline, a policy that forbids loading anything) up to the open body. */
    public static void open(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
    }

    public static void close(StringBuilder h) {
        h.append("<p class=\"sub\">Made by SubmitLab. Lost: messages a device gave up on, or still waiting to be retried "
                + "when the run ended.</p>\n</body></html>\n");
    }

    /**
     * One run's sections under a heading of level {@code heading} ({@code h2}, or {@code h3} inside a comparison):
     * the line of speed and times, totals, chart (when {@code timeline} is given), refusals, checks, mailboxes, devices.
     */
    public static void runSections(StringBuilder h, SimulationReport r, String heading, InFlightTimeline timeline) {
        String open = "<" + heading + ">";
        String close = "</" + heading + ">\n";
        h.append("<p class=\"sub\">")
                .append(esc(trim(r.speed()))).append("× · ").append(esc(r.startedAt())).append(" to ")
                .append(esc(r.endedAt() == null ? "" : r.endedAt())).append(" (simulated) · ").append(esc(r.state()))
                .append("</p>\n");
        SimulationReport.Totals t = r.totals();
        h.append("<div class=\"cards\">");
        card(h, "scheduled", t.scheduled(), "");
        card(h, "accepted", t.accepted(), "ok");
        card(h, "refused", t.refusedCount(), t.refusedCount() > 0 ? "warn" : "");
        card(h, "retries", t.retries(), "");
        card(h, "lost", t.gaveUp() + t.pending(), t.gaveUp() + t.pending() > 0 ? "bad" : "ok");
        h.append("</div>\n");

        if (timeline != null) {
            h.append(open).append("Transactions in flight").append(close);
            inFlightChart(h, timeline, timeline.seconds(), Math.max(timeline.peak(), timeline.limit()), r.scenario());
        }

        if (!t.refused().isEmpty()) {
            h.append(open).append("Refusals").append(close)
                    .append("<table><tr><th>reply</th><th>count</th><th>what it means</th></tr>\n");
            for (Map.Entry<String, Long> e : t.refused().entrySet()) {
                h.append("<tr><td><code>").append(esc(e.getKey())).append("</code></td><td class=\"n\">").append(e.getValue())
                        .append("</td><td>").append(esc(Explainer.meaningOfCodes(e.getKey()))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        if (!r.checks().isEmpty()) {
            h.append(open).append("Checks").append(close)
                    .append("<table><tr><th></th><th>check</th><th>detail</th></tr>\n");
            for (SimulationReport.Check c : r.checks()) {
                h.append("<tr><td class=\"").append(c.passed() ? "ok\">OK" : "bad\">FAILED").append("</td><td>")
                        .append(esc(c.name())).append("</td><td>").append(esc(c.detail())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append(open).append("Mailboxes").append(close)
                .append("<table><tr><th>mailbox</th><th>devices</th><th>attempts</th><th>accepted</th>")
                .append("<th>refused</th><th>recipients in 24 h</th><th>Sent Items</th></tr>\n");
        for (SimulationReport.MailboxReport m : r.mailboxes()) {
            h.append("<tr><td>").append(esc(m.address())).append("</td>").append(num(m.devices())).append(num(m.attempts()))
                    .append(num(m.accepted())).append("<td>").append(esc(codes(m.refused()))).append("</td>")
                    .append(num(m.recipientsInWindow())).append("<td class=\"n\">")
                    .append(m.sentItems() == null ? "" : m.sentItems()).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append(open).append("Devices").append(close)
                .append("<table><tr><th>device</th><th>kind</th><th>mailbox</th><th>scheduled</th>")
                .append("<th>accepted</th><th>refused</th><th>retries</th><th>lost</th><th>delay p50 / p95</th>")
                .append("<th>last reply</th></tr>\n");
        for (SimulationReport.DeviceReport d : r.devices()) {
            long lost = d.gaveUp() + d.pending();
            h.append("<tr><td>").append(esc(d.name())).append("</td><td>").append(esc(d.kind())).append("</td><td>")
                    .append(esc(d.mailbox())).append("</td>").append(num(d.scheduled())).append(num(d.messagesAccepted()))
                    .append("<td>").append(esc(codes(d.refused()))).append("</td>").append(num(d.retries()))
                    .append("<td class=\"n").append(lost > 0 ? " bad" : "").append("\">").append(lost).append("</td><td>")
                    .append(esc(seconds(d.delayP50Seconds()) + " / " + seconds(d.delayP95Seconds()))).append("</td><td><code>")
                    .append(esc(d.lastReply() == null ? "" : d.lastReply())).append("</code></td></tr>\n");
        }
        h.append("</table>\n");
        SimulationReport.ScheduleLag lag = r.scheduleLag();
        if (lag != null) {
            h.append("<p class=\"sub\">Schedule lag (simulated s): p50 ").append(esc(trim(lag.p50Seconds())))
                    .append(", p95 ").append(esc(trim(lag.p95Seconds()))).append(", max ").append(esc(trim(lag.maxSeconds())))
                    .append(" over ").append(lag.samples()).append(" attempts.</p>\n");
        }
    }

    private static final int CHART_W = 860;
    private static final int CHART_H = 150;
    private static final int PAD_L = 44;
    private static final int PAD_B = 24;
    private static final int PAD_T = 14;

    /**
     * An inline SVG step chart of transactions in flight over simulated time, the concurrency limit dashed, each
     * {@code 432} a red tick at the top. {@code seconds} and {@code yMax} are the axes' ends, so that two runs'
     * charts drawn with the same ones compare at a glance.
     */
    public static void inFlightChart(StringBuilder h, InFlightTimeline t, double seconds, int yMax, String label) {
        double span = Math.max(1, seconds);
        int top = Math.max(1, yMax) + 1;
        int plotW = CHART_W - PAD_L - 10;
        int plotH = CHART_H - PAD_T - PAD_B;
        DoubleUnaryOperator x = s -> PAD_L + Math.min(s, span) / span * plotW;
        IntToDoubleFunction y = v -> PAD_T + plotH - (double) v / top * plotH;
        h.append("<svg class=\"chart\" viewBox=\"0 0 ").append(CHART_W).append(' ').append(CHART_H)
                .append("\" role=\"img\" aria-label=\"").append(esc("transactions in flight: " + label)).append("\">")
                .append("<title>").append(esc("Transactions in flight over time: " + label)).append("</title>");
        // axes and ticks
        h.append("<line class=\"axis\" x1=\"").append(PAD_L).append("\" y1=\"").append(PAD_T + plotH)
                .append("\" x2=\"").append(PAD_L + plotW).append("\" y2=\"").append(PAD_T + plotH).append("\"/>");
        int yStep = Math.max(1, (int) Math.ceil(top / 5.0));
        for (int v = 0; v <= top; v += yStep) {
            h.append("<text class=\"tick\" x=\"").append(PAD_L - 6).append("\" y=\"").append(f(y.applyAsDouble(v) + 4))
                    .append("\" text-anchor=\"end\">").append(v).append("</text>");
            h.append("<line class=\"grid\" x1=\"").append(PAD_L).append("\" y1=\"").append(f(y.applyAsDouble(v)))
                    .append("\" x2=\"").append(PAD_L + plotW).append("\" y2=\"").append(f(y.applyAsDouble(v))).append("\"/>");
        }
        for (int i = 0; i <= 4; i++) {
            double s = span * i / 4;
            h.append("<text class=\"tick\" x=\"").append(f(x.applyAsDouble(s))).append("\" y=\"").append(CHART_H - 6)
                    .append("\" text-anchor=\"").append(i == 0 ? "start" : i == 4 ? "end" : "middle").append("\">")
                    .append(esc(Durations.clockLike(Duration.ofSeconds((long) s))))
                    .append("</text>");
        }
        if (t.limit() > 0) {
            h.append("<line class=\"limit\" x1=\"").append(PAD_L).append("\" y1=\"").append(f(y.applyAsDouble(t.limit())))
                    .append("\" x2=\"").append(PAD_L + plotW).append("\" y2=\"").append(f(y.applyAsDouble(t.limit())))
                    .append("\"/><text class=\"tick limit-label\" x=\"").append(PAD_L + plotW).append("\" y=\"")
                    .append(f(y.applyAsDouble(t.limit()) - 3)).append("\" text-anchor=\"end\">limit ").append(t.limit())
                    .append("</text>");
        }
        boolean oneMailbox = t.points().stream().allMatch(p -> p.inFlight() == p.busiest());
        if (!oneMailbox) {
            h.append("<path class=\"steps-all\" d=\"").append(steps(t, x, y, false, span)).append("\"/>");
        }
        h.append("<path class=\"steps\" d=\"").append(steps(t, x, y, true, span)).append("\"/>");
        int last = t.points().isEmpty() ? 0 : t.points().get(t.points().size() - 1).inFlight();
        for (double s : t.refusals()) {
            double px = x.applyAsDouble(s);
            h.append("<line class=\"refusal\" x1=\"").append(f(px)).append("\" y1=\"").append(PAD_T - 10)
                    .append("\" x2=\"").append(f(px)).append("\" y2=\"").append(PAD_T - 2).append("\"/>");
        }
        h.append("</svg>\n<p class=\"sub\">").append(oneMailbox ? "" : "Dark: the busiest mailbox; light: all mailboxes. ")
                .append("Peak ").append(t.peakMailbox()).append(" of one mailbox in flight")
                .append(t.limit() > 0 ? " (limit " + t.limit() + " a mailbox)" : "")
                .append(oneMailbox ? "" : ", " + t.peak() + " in all").append(", ").append(t.refusals().size())
                .append(" refused with 432 (red ticks)").append(last > 0 ? ", " + last + " still open at the end" : "")
                .append(".</p>\n");
    }

    /** The step path of the busiest mailbox's (or all) transactions in flight. */
    private static String steps(InFlightTimeline t, DoubleUnaryOperator x, IntToDoubleFunction y, boolean busiest,
            double span) {
        StringBuilder path = new StringBuilder();
        path.append('M').append(f(x.applyAsDouble(0))).append(' ').append(f(y.applyAsDouble(0)));
        for (InFlightTimeline.Point p : t.points()) {
            path.append(" H").append(f(x.applyAsDouble(p.seconds()))).append(" V")
                    .append(f(y.applyAsDouble(busiest ? p.busiest() : p.inFlight())));
        }
        path.append(" H").append(f(x.applyAsDouble(span)));
        return path.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void card(StringBuilder h, String label, long value, String css) {
        h.append("<div class=\"card\"><b class=\"").append(css).append("\">").append(value).append("</b>").append(label)
                .append("</div>");
    }

    private static String num(long n) {
        return "<td class=\"n\">" + n + "</td>";
    }

    private static String codes(Map<String, Long> refused) {
        return refused.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String seconds(Double s) {
        return s == null ? "–" : trim(s) + " s";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text for HTML content and attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
