package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.submitlab.testing.StandAloneHtml;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --compare}: a problem and its remedy in two runs side by side, the table and both report forms. */
@Timeout(120)
class SimulateCompareTest {

    private static final Pattern RUN_ID = Pattern.compile("run (\\d{8}-\\d{6}-[0-9a-f]{4})");

    @TempDir
    Path dir;

    private CliRun compare(String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"simulate", "--compare", "printers-sharing-mailbox", "mailbox-per-device",
                "--data", dir.resolve("data").toString()}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.of(args);
    }

    private static long row(String table, String label, int column) {
        String line = table.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow(() ->
                new AssertionError("no row '" + label + "' in\n" + table));
        String[] cells = line.substring(label.length()).trim().split("\\s{2,}");
        return Long.parseLong(cells[column].trim());
    }

    @Test
    void thePrintersPairShows432sForTheSharedMailboxAndNoneForAMailboxEach() throws Exception {
        Path report = dir.resolve("out/compare.json");
        CliRun r = compare("--speed", "600", "--duration", "1m", "--report", report.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> ids = r.outLines().stream().limit(2).map(l -> {
            var m = RUN_ID.matcher(l);
            assertThat(m.matches()).as(l).isTrue();
            return m.group(1);
        }).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(dir.resolve("data/runs").resolve(ids.get(0)).resolve("report.json")).exists();
        assertThat(dir.resolve("data/runs").resolve(ids.get(1)).resolve("report.json")).exists();
        assertThat(r.out()).contains("Comparison at 600x, seed 2018: printers").contains("432 4.3.2 concurrency");
        assertThat(row(r.out(), "  432 4.3.2 concurrency: more than 3 in flight", 0)).isPositive();
        assertThat(row(r.out(), "  432 4.3.2 concurrency: more than 3 in flight", 1)).isZero();
        assertThat(row(r.out(), "messages", 0)).isEqualTo(20);
        assertThat(row(r.out(), "messages", 1)).isEqualTo(20);
        assertThat(row(r.out(), "lost", 1)).isZero();
        assertThat(r.out()).contains("A OK     sentItemsExactlyOnce").contains("B OK     sentItemsExactlyOnce");

        JsonNode json = JsonMapper.builder().build().readTree(report.toFile());
        assertThat(json.get("runs")).hasSize(2);
        JsonNode a = json.get("runs").get(0);
        JsonNode b = json.get("runs").get(1);
        assertThat(a.get("scenario").asText()).isEqualTo("printers-sharing-mailbox");
        assertThat(b.get("scenario").asText()).isEqualTo("mailbox-per-device");
        // each entry is the run's own report.json, field for field
        JsonNode ownA = JsonMapper.builder().build().readTree(dir.resolve("data/runs").resolve(ids.get(0))
                .resolve("report.json").toFile());
        assertThat(a).isEqualTo(ownA);
        assertThat(a.get("totals").get("refused").get("432 4.3.2").asLong()).isPositive();
        assertThat(b.get("totals").get("refused").size()).isZero();
        JsonNode c = json.get("comparison");
        assertThat(c.get("speed").asDouble()).isEqualTo(600.0);
        assertThat(c.get("seed").asLong()).isEqualTo(2018);
        assertThat(c.get("pair").get("id").asText()).isEqualTo("printers");
        assertThat(c.get("runs").get(0).get("runId").asText()).isEqualTo(ids.get(0));
        assertThat(c.get("runs").get(0).get("refused").get("432 4.3.2").asLong())
                .isEqualTo(a.get("totals").get("refused").get("432 4.3.2").asLong());
        assertThat(c.get("runs").get(0).get("peakInFlight").asInt()).isGreaterThan(3);
        assertThat(c.get("runs").get(1).get("peakInFlight").asInt()).isBetween(1, 3 * 10);
        assertThat(c.get("runs").get(1).get("refusedTotal").asLong()).isZero();
        assertThat(c.get("runs").get(1).get("messagesAccepted").asLong()).isEqualTo(20);
        assertThat(c.get("refusals").get(0).get("key").asText()).isEqualTo("432 4.3.2");
    }

    @Test
    void theHtmlComparisonStandsAloneWithBothRunsChartsAndTables() throws Exception {
        Path report = dir.resolve("compare.html");
        CliRun r = CliRun.of("simulate", "--compare-pair", "alert-storm", "--speed", "600", "--duration", "1m",
                "--data", dir.resolve("data").toString(), "--report", report.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(report);
        StandAloneHtml.assertLoadsNothing(html);
        assertThat(html).contains("An alert storm without / with a relay queue")
                .contains("<h2>A: alert-storm</h2>").contains("<h2>B: alert-storm-relay</h2>");
        // two charts, then each run's own tables
        assertThat(html.split("<svg class=\"chart\"", -1)).hasSize(3);
        assertThat(html.split("<h3>Devices</h3>", -1)).hasSize(3);
        assertThat(html.split("<h3>Mailboxes</h3>", -1)).hasSize(3);
        assertThat(html).contains("onprem-relay").contains("limit 3");
        assertThat(r.out()).contains("lost");
        assertThat(row(r.out(), "lost", 0)).isPositive();
        assertThat(row(r.out(), "lost", 1)).isZero();
    }

    @Test
    void anUnknownPairOrScenarioIsNamedAndNothingStarts() {
        CliRun pair = CliRun.of("simulate", "--compare-pair", "fax", "--data", dir.resolve("data").toString());
        assertThat(pair.exitCode()).isEqualTo(2);
        assertThat(pair.err()).contains("no remedy pair named 'fax'").contains("printers");

        CliRun scenario = compare("--preset", "alert-storm");
        assertThat(scenario.exitCode()).isEqualTo(2);
        assertThat(scenario.err()).contains("takes no SCENARIO.json, --preset or --target");

        CliRun missing = CliRun.of("simulate", "--compare", "alert-storm", "fax-machines",
                "--data", dir.resolve("data").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("'fax-machines' is neither a preset");
        assertThat(dir.resolve("data/runs")).doesNotExist();
    }
}
