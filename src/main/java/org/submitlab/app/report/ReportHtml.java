package org.submitlab.app.report;

import java.util.Map;
import java.util.stream.Collectors;
import org.submitlab.app.explain.Explainer;
import org.submitlab.sim.SimulationReport;

/**
 * A run's report as one self-contained HTML page (styles inline, no scripts, nothing loaded from elsewhere), for
 * a ticket, a mail or a handout: totals, checks, mailboxes and devices, each refusal with what it means.
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
            """;

    private ReportHtml() {
    }

    public static String render(SimulationReport r) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>SubmitLab run: ").append(esc(r.scenario())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(r.scenario())).append("</h1>\n<p class=\"sub\">")
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

        if (!t.refused().isEmpty()) {
            h.append("<h2>Refusals</h2>\n<table><tr><th>reply</th><th>count</th><th>what it means</th></tr>\n");
            for (Map.Entry<String, Long> e : t.refused().entrySet()) {
                h.append("<tr><td><code>").append(esc(e.getKey())).append("</code></td><td class=\"n\">").append(e.getValue())
                        .append("</td><td>").append(esc(Explainer.meaningOfCodes(e.getKey()))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        if (!r.checks().isEmpty()) {
            h.append("<h2>Checks</h2>\n<table><tr><th></th><th>check</th><th>detail</th></tr>\n");
            for (SimulationReport.Check c : r.checks()) {
                h.append("<tr><td class=\"").append(c.passed() ? "ok\">OK" : "bad\">FAILED").append("</td><td>")
                        .append(esc(c.name())).append("</td><td>").append(esc(c.detail())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Mailboxes</h2>\n<table><tr><th>mailbox</th><th>devices</th><th>attempts</th><th>accepted</th>")
                .append("<th>refused</th><th>recipients in 24 h</th><th>Sent Items</th></tr>\n");
        for (SimulationReport.MailboxReport m : r.mailboxes()) {
            h.append("<tr><td>").append(esc(m.address())).append("</td>").append(num(m.devices())).append(num(m.attempts()))
                    .append(num(m.accepted())).append("<td>").append(esc(codes(m.refused()))).append("</td>")
                    .append(num(m.recipientsInWindow())).append("<td class=\"n\">")
                    .append(m.sentItems() == null ? "" : m.sentItems()).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Devices</h2>\n<table><tr><th>device</th><th>kind</th><th>mailbox</th><th>scheduled</th>")
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
        h.append("<p class=\"sub\">Made by SubmitLab. Lost: messages a device gave up on, or still waiting to be retried "
                + "when the run ended.</p>\n</body></html>\n");
        return h.toString();
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
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** Text for HTML content and attribute values. */
    static String esc(String s) {
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
