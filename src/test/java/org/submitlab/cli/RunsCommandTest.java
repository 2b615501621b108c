package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.submitlab.testing.StandAloneHtml;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs list|show|delete} and {@code sent-items --run}: the runs a data folder keeps. */
@Timeout(120)
class RunsCommandTest {

    @TempDir
    Path data;

    private String simulate(String preset) {
        CliRun r = CliRun.of("simulate", "--preset", preset, "--speed", "600", "--duration", "1m",
                "--data", data.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.outLines().get(0).replace("run ", "");
    }

    @Test
    void aRunsReportIsWrittenAsOneSelfContainedHtmlPageBySimulateAndByShow() throws Exception {
        Path byShow = data.resolve("show.html");
        Path bySimulate = data.resolve("simulate.html");
        CliRun sim = CliRun.of("simulate", "--preset", "alert-storm", "--speed", "600", "--duration", "1m",
                "--data", data.toString(), "--report", bySimulate.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();

        CliRun show = CliRun.of("runs", "show", "latest", "--html", byShow.toString(), "--data", data.toString());

        assertThat(show.exitCode()).as(show.err()).isZero();
        for (Path page : java.util.List.of(byShow, bySimulate)) {
            String html = java.nio.file.Files.readString(page);
            StandAloneHtml.assertLoadsNothing(html);
            assertThat(html).contains("alert-storm").contains("<h2>Devices</h2>");
        }
    }

    @Test
    void listPrintsOneJsonObjectPerRunNewestFirst() throws Exception {
        String first = simulate("alert-storm");
        Thread.sleep(1100);
        String second = simulate("mailbox-per-device");

        CliRun r = CliRun.of("runs", "list", "--json", "--data", data.toString());

        assertThat(r.exitCode()).isZero();
        List<JsonNode> runs = r.outLines().stream().map(RunsCommandTest::json).toList();
        assertThat(runs).extracting(n -> n.get("id").asText()).containsExactly(second, first);
        JsonNode n = runs.get(1);
        assertThat(n.get("name").asText()).isEqualTo("alert-storm");
        assertThat(n.get("started").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(n.get("speed").asDouble()).isEqualTo(600.0);
        assertThat(n.get("state").asText()).isEqualTo("finished");
        assertThat(n.get("outcome").get("refused").asLong()).isPositive();
        assertThat(n.get("folder").asText()).isEqualTo(data.resolve("runs").resolve(first).toString());
    }

    @Test
    void theTableNamesEachRunAndShowPrintsItsReport() {
        String id = simulate("alert-storm");

        CliRun list = CliRun.of("runs", "list", "--data", data.toString());
        CliRun show = CliRun.of("runs", "show", "latest", "--data", data.toString());

        assertThat(list.out()).contains(id).contains("alert-storm").contains("finished");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("Run      " + id).contains("monitoring").contains("432 4.3.2");
    }

    @Test
    void sentItemsOfARunAreItsOwnAndLiveHasNone() {
        String id = simulate("mailbox-per-device");

        CliRun run = CliRun.of("sent-items", "--run", id, "--json", "--data", data.toString());
        CliRun latest = CliRun.of("sent-items", "--run", "latest", "--json", "--data", data.toString());
        CliRun live = CliRun.of("sent-items", "--json", "--data", data.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).isNotEmpty().allSatisfy(l -> assertThat(json(l).get("mailbox").asText())
                .startsWith("printer"));
        assertThat(latest.out()).isEqualTo(run.out());
        assertThat(live.exitCode()).as("Live has no data yet: simulate never wrote it").isEqualTo(1);
        assertThat(live.err()).contains("no SubmitLab data");
    }

    @Test
    void deleteRemovesTheRunAndAnUnknownIdIsBadInput() {
        String id = simulate("alert-storm");

        CliRun delete = CliRun.of("runs", "delete", id, "--data", data.toString());
        CliRun again = CliRun.of("runs", "delete", id, "--data", data.toString());
        CliRun show = CliRun.of("runs", "show", "nope", "--data", data.toString());

        assertThat(delete.exitCode()).isZero();
        assertThat(delete.out()).contains("deleted run " + id);
        assertThat(data.resolve("runs").resolve(id)).doesNotExist();
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("no run '" + id + "'");
        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(CliRun.of("runs", "list", "--json", "--data", data.toString()).out()).isEmpty();
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
