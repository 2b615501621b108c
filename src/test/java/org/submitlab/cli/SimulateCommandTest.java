package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.app.ScenarioSetup;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.Scenarios;
import org.submitlab.server.SubmissionServer;
import org.submitlab.store.Store;
import picocli.CommandLine;

/** The {@code simulate} command end to end: embedded server, summary table, report file, errors. */
@Timeout(120)
class SimulateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int simulate(String... args) {
        CommandLine cl = SubmitLabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    @Test
    void aPresetRunPrintsProgressAndASummaryAndWritesTheReport() throws Exception {
        Path report = dir.resolve("out/r.json");
        int code = simulate("--preset", "alert-storm", "--speed", "600", "--duration", "1m",
                "--data", dir.resolve("data").toString(), "--report", report.toString());

        assertThat(code).as(err.toString()).isZero();
        String id = out.toString().lines().findFirst().orElse("").replace("run ", "");
        assertThat(id).matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
        assertThat(err.toString()).contains("Run " + id + " in " + dir.resolve("data").resolve("runs").resolve(id))
                .contains("[00:");
        assertThat(out.toString()).contains("monitoring").contains("432 4.3.2").contains("alerts@contoso.test")
                .contains("OK     sentItemsExactlyOnce");
        JsonNode r = JsonMapper.builder().build().readTree(report.toFile());
        assertThat(r.get("scenario").asText()).isEqualTo("alert-storm");
        assertThat(r.get("speed").asDouble()).isEqualTo(600.0);
        assertThat(r.get("simulatedSeconds").asLong()).isPositive();
        JsonNode device = r.get("devices").get(0);
        assertThat(device.get("name").asText()).isEqualTo("monitoring");
        assertThat(device.get("mailbox").asText()).isEqualTo("alerts@contoso.test");
        assertThat(device.get("attempts").asLong()).isEqualTo(50);
        assertThat(device.get("refused").get("432 4.3.2").asLong()).isPositive();
        assertThat(device.get("accepted").asLong() + device.get("gaveUp").asLong()).isEqualTo(50);
        assertThat(device.get("retries").asLong()).isZero();
        JsonNode mailbox = r.get("mailboxes").get(0);
        assertThat(mailbox.get("address").asText()).isEqualTo("alerts@contoso.test");
        assertThat(mailbox.get("sentItems").asLong()).isEqualTo(device.get("accepted").asLong());
        assertThat(mailbox.get("accepted").asLong()).isEqualTo(device.get("accepted").asLong());
        assertThat(mailbox.get("refused").isObject()).isTrue();
    }

    @Test
    void aMalformedScenarioNamesFieldAndLineAndStartsNothing() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Scenarios.presetText("alert-storm").replace("\"at\": \"30s\"", "\"at\": \"soon\""));
        int line = lineOf(Files.readString(bad), "\"soon\"");

        int code = simulate(bad.toString(), "--report", dir.resolve("r.json").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("line " + line).contains("devices[0].schedule.at")
                .contains("'soon' is not a duration").contains("nothing was started").doesNotContain("Run ");
        assertThat(dir.resolve("r.json")).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void scenarioFileAndPresetAreExclusive() {
        assertThat(simulate("--preset", "alert-storm", "x.json")).isEqualTo(2);
        assertThat(simulate()).isEqualTo(2);
        assertThat(err.toString()).contains("--preset");
    }

    @Test
    void anUnknownPresetIsNamed() {
        assertThat(simulate("--preset", "fax-machines")).isEqualTo(2);
        assertThat(err.toString()).contains("fax-machines").contains("printers-sharing-mailbox");
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aTargetRunDrivesAServerThatIsAlreadyRunning() throws Exception {
        Scenario scenario = Scenarios.preset("mailbox-per-device");
        try (Store store = Store.open(dir.resolve("running"));
                SubmissionServer server = SubmissionServer.builder().store(store).build()) {
            server.start();
            ScenarioSetup.apply(scenario, server);

            int code = simulate("--preset", "mailbox-per-device", "--speed", "600", "--duration", "3s",
                    "--target", "127.0.0.1:" + server.port(), "--report", dir.resolve("r.json").toString());

            assertThat(code).as(err.toString()).isZero();
            assertThat(err.toString()).contains("Driving 127.0.0.1:" + server.port() + " at real time")
                    .contains("--speed 600.0 is ignored");
            JsonNode r = JsonMapper.builder().build().readTree(dir.resolve("r.json").toFile());
            long accepted = 0;
            for (JsonNode device : r.get("devices")) {
                assertThat(device.get("refused").size()).as(device.toString()).isZero();
                accepted += device.get("accepted").asLong();
            }
            assertThat(accepted).isPositive();
            long[] stored = {0};
            store.sentItems().forEach(java.util.Optional.empty(), item -> stored[0]++);
            assertThat(stored[0]).isEqualTo(accepted);
        }
    }
}
