package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.app.Endpoint;
import org.submitlab.app.ListenOptions;
import org.submitlab.app.LiveWorld;
import org.submitlab.app.Run;
import org.submitlab.app.Workspace;
import org.submitlab.policy.Durations;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.sim.Scenarios;
import org.submitlab.store.SentItem;
import org.submitlab.testing.MailClient;

/**
 * Live and runs never mix: a real device's mailbox in Live with password P, every preset played on
 * the same data folder (through the console's workspace and through {@code simulate --data}), and
 * afterwards P still works, Live's budget and Sent Items hold only the real sends, and {@code runs
 * list} shows every run with its outcome.
 */
@Timeout(300)
class WorldsSeparationTest {

    private static final String PASSWORD = "Real-Device-P4ss";
    private static final String PRINTER = "printer@contoso.test";

    @TempDir
    Path data;

    private static void realScan(Endpoint live, String subject) throws Exception {
        try (MailClient c = new MailClient(live.host(), live.port(), PRINTER, PASSWORD)) {
            c.send(PRINTER, "frontdesk@contoso.test", subject, "<" + subject + "@real.contoso.test>");
        }
    }

    @Test
    void everyPresetPlayedBesideLiveLeavesLiveAsOnlyItsRealDevicesMadeIt() throws Exception {
        try (Workspace console = Workspace.open(data)) {
            LiveWorld live = console.live();
            live.createDemoTenantIfEmpty();
            live.saveMailbox(Mailbox.create(PRINTER, "Printers 3rd floor", PASSWORD));
            Endpoint endpoint = live.startServer(ListenOptions.loopback(0, false));
            realScan(endpoint, "real-1");

            // The console plays one preset as a run of its own...
            Run fromConsole = console.startRun(Scenarios.preset("printers-sharing-mailbox")
                    .withDuration(Durations.parse("20m")), 3600);
            // ...while simulate plays every preset on the same data folder.
            List<String> ids = new ArrayList<>();
            for (String preset : Scenarios.presetNames()) {
                CliRun r = CliRun.of("simulate", "--preset", preset, "--speed", "3600", "--duration", "30m",
                        "--drain", "2h", "--data", data.toString());
                assertThat(r.exitCode()).as(preset + "\n" + r.err()).isZero();
                ids.add(r.outLines().get(0).replace("run ", ""));
            }
            fromConsole.awaitEnd();
            realScan(endpoint, "real-2");

            MailboxStatus printer = live.status().mailboxes().stream().filter(m -> m.address().equals(PRINTER))
                    .findFirst().orElseThrow();
            assertThat(printer.recipientsInWindow()).as("only the two real scans count").isEqualTo(2);
            List<String> liveSubjects = new ArrayList<>();
            live.store().sentItems().forEach(Optional.empty(), (SentItem i) -> liveSubjects.add(i.subject()));
            assertThat(liveSubjects).containsExactly("real-1", "real-2");
            assertThat(live.store().submissions().acceptedSince(LabClock.system().instant().minus(Duration.ofDays(30))))
                    .hasSize(2);

            CliRun list = CliRun.of("runs", "list", "--json", "--data", data.toString());
            assertThat(list.exitCode()).isZero();
            List<JsonNode> runs = new ArrayList<>();
            for (String line : list.outLines()) {
                runs.add(new ObjectMapper().readTree(line));
            }
            assertThat(runs).hasSize(Scenarios.presetNames().size() + 1);
            assertThat(runs).extracting(n -> n.get("id").asText()).containsAll(ids).contains(fromConsole.id());
            for (JsonNode run : runs) {
                assertThat(run.get("state").asText()).isEqualTo("finished");
                assertThat(run.get("speed").asDouble()).isEqualTo(3600.0);
                assertThat(run.get("name").asText()).isIn(Scenarios.presetNames());
                assertThat(run.get("started").asText()).isNotBlank();
                // every run played against its own server (app-on-basic-auth's point is that nothing is accepted)
                JsonNode outcome = run.get("outcome");
                assertThat(outcome.get("accepted").asLong() + outcome.get("refused").asLong()).as(run.toString())
                        .isPositive();
                if (!run.get("name").asText().equals("app-on-basic-auth")) {
                    assertThat(outcome.get("accepted").asLong()).as(run.toString()).isPositive();
                }
                assertThat(run.get("outcome").get("checksPassed").asBoolean()).isTrue();
            }
        }

        // And after a restart, P still works and Live still counts only the real sends.
        try (Workspace again = Workspace.open(data)) {
            Endpoint endpoint = again.live().startServer(ListenOptions.loopback(0, false));
            realScan(endpoint, "real-3");
            MailboxStatus printer = again.live().status().mailboxes().stream()
                    .filter(m -> m.address().equals(PRINTER)).findFirst().orElseThrow();
            assertThat(printer.recipientsInWindow()).isEqualTo(3);
            assertThat(again.live().store().sentItems().count(Optional.empty(), "")).isEqualTo(3);
        }
    }
}
