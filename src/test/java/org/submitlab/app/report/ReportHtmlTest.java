package org.submitlab.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.submitlab.testing.StandAloneHtml;
import org.submitlab.sim.SimulationReport;

/** The HTML report stands alone (nothing loaded, no script) and shows what the run's text report shows. */
class ReportHtmlTest {

    private static SimulationReport report(String scenario, String lastReply) {
        Map<String, Long> refused = Map.of("432 4.3.2", 7L);
        return new SimulationReport(scenario, 60, 600, "2026-12-02T09:00:00Z", "2026-12-02T09:10:00Z", "finished",
                new SimulationReport.Totals(20, 27, 13, refused, 0, 5, 2, 12.0, 40.5),
                List.of(new SimulationReport.DeviceReport("mfp-01", "printer", "printer@contoso.test", 20, 27, 13, refused,
                        0, 5, 2, 13, 1.5, 30.0, 6, 4, lastReply)),
                List.of(new SimulationReport.MailboxReport("printer@contoso.test", 1, 27, 13, refused, 13, 13L)),
                new SimulationReport.ScheduleLag(27, 0.4, 2.0, 3.1), 2,
                List.of(new SimulationReport.Check("sentItemsExactlyOnce", true, "13 accepted, 13 copies")));
    }

    @Test
    void thePageLoadsNothingAndRunsNothing() {
        String html = ReportHtml.render(report("printers-sharing-mailbox", "432 4.3.2 Concurrent connections limit "
                + "exceeded. Visit https://aka.ms/concurrent_sending for more information."));

        StandAloneHtml.assertLoadsNothing(html);
        assertThat(html).contains("Visit https://aka.ms/concurrent_sending");
    }

    @Test
    void itShowsTotalsRefusalsWithTheirMeaningChecksMailboxesAndDevices() {
        String html = ReportHtml.render(report("printers-sharing-mailbox", "432 4.3.2 ..."));

        assertThat(html).contains("<b class=\"ok\">13</b>accepted", "<b class=\"bad\">7</b>lost")
                .contains("<code>432 4.3.2</code></td><td class=\"n\">7</td>")
                .contains("More than 3 messages of this mailbox")
                .contains("sentItemsExactlyOnce", "printer@contoso.test", "mfp-01", "1.5 s / 30 s");
    }

    @Test
    void textFromTheScenarioAndTheServerIsEscaped() {
        String html = ReportHtml.render(report("<img src=x onerror=alert(1)>", "550 <b>\"quoted\" & 'single'"));

        assertThat(html).doesNotContain("<img", "<b>\"").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("550 &lt;b&gt;&quot;quoted&quot; &amp; &#39;single&#39;");
    }

    @Test
    void aRunsHandoutDrawsItsTransactionsInFlightWithTheLimitAndThe432s() {
        InFlightTimeline t = new InFlightTimeline(List.of(new InFlightTimeline.Point(0, 0, 0),
                new InFlightTimeline.Point(10, 4, 4), new InFlightTimeline.Point(20, 0, 0)), 3, List.of(12.5), 600, 4, 4);

        String html = ReportHtml.render(report("printers-sharing-mailbox", "250 OK"), t);

        assertThat(html).contains("<svg class=\"chart\"").contains("limit 3").contains("class=\"refusal\"")
                .contains("Peak 4 of one mailbox in flight (limit 3 a mailbox), 1 refused with 432")
                .doesNotContain("http://", "https://", "href=", "src=", "<script");
        assertThat(ReportHtml.render(report("printers-sharing-mailbox", "250 OK"))).doesNotContain("<svg");
    }
}
