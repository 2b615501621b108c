package org.submitlab.app.compare;

import java.util.List;
import org.submitlab.app.report.InFlightTimeline;
import org.submitlab.app.report.ReportHtml;
import org.submitlab.sim.SimulationReport;

/**
 * A comparison as one self-contained HTML page (the same parts as a run's handout, {@link ReportHtml}): the pair
 * and what the remedy changes, the comparison table, both runs' transactions in flight on one time axis one above
 * the other, then each run's own tables.
 */
public final class ComparisonHtml {

    private ComparisonHtml() {
    }

    /** {@code timelines} are A's and B's (or an empty list: no charts). */
    public static String render(ComparisonReport report, List<InFlightTimeline> timelines) {
        Comparison c = report.comparison();
        StringBuilder h = new StringBuilder(32_768);
        String title = c.pair() != null ? c.pair().title() : c.a().scenario() + " / " + c.b().scenario();
        ReportHtml.open(h, "SubmitLab comparison: " + title);
        h.append("<h1>").append(ReportHtml.esc(title)).append("</h1>\n<p class=\"sub\">A: ")
                .append(ReportHtml.esc(c.a().scenario())).append(" (run ").append(ReportHtml.esc(c.a().runId()))
                .append(") · B: ").append(ReportHtml.esc(c.b().scenario())).append(" (run ")
                .append(ReportHtml.esc(c.b().runId())).append(") · both at ").append(ComparisonTable.trim(c.speed()))
                .append("×, seed ").append(c.seed()).append("</p>\n");
        if (c.pair() != null) {
            h.append("<p>").append(ReportHtml.esc(c.pair().explanation())).append("</p>\n");
        }

        h.append("<h2>Side by side</h2>\n<table class=\"cmp\"><tr>");
        List<String[]> rows = ComparisonTable.rows(c);
        String[] head = rows.get(0);
        h.append("<th></th><th>").append(ReportHtml.esc(head[1])).append("</th><th>").append(ReportHtml.esc(head[2]))
                .append("</th></tr>\n");
        for (String[] r : rows.subList(1, rows.size())) {
            h.append("<tr><td>").append(ReportHtml.esc(r[0].strip())).append("</td><td class=\"a\">")
                    .append(ReportHtml.esc(r[1])).append("</td><td class=\"b\">").append(ReportHtml.esc(r[2]))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");

        if (timelines.size() == 2) {
            double seconds = Math.max(timelines.get(0).seconds(), timelines.get(1).seconds());
            int yMax = 0;
            for (InFlightTimeline t : timelines) {
                yMax = Math.max(yMax, Math.max(t.peak(), t.limit()));
            }
            h.append("<h2>Transactions in flight</h2>\n");
            for (int i = 0; i < 2; i++) {
                RunFigures f = c.runs().get(i);
                h.append("<h3>").append(i == 0 ? "A: " : "B: ").append(ReportHtml.esc(f.scenario())).append("</h3>\n");
                ReportHtml.inFlightChart(h, timelines.get(i), seconds, yMax, f.scenario());
            }
        }

        for (int i = 0; i < 2; i++) {
            SimulationReport r = report.runs().get(i);
            h.append("<h2>").append(i == 0 ? "A: " : "B: ").append(ReportHtml.esc(r.scenario())).append("</h2>\n");
            ReportHtml.runSections(h, r, "h3", null);
        }
        ReportHtml.close(h);
        return h.toString();
    }
}
