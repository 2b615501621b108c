package org.submitlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.Scenarios;
import org.submitlab.sim.SimulationReport;

/** "Move the newsletter to HVE": a run listens on HVE too when a device of its scenario sends through it. */
@Timeout(120)
class HveRunTest {

    private static final String SCENARIO = """
            {
              "name": "newsletter-moved-to-hve",
              "duration": "10m",
              "mailboxes": [ { "address": "news@contoso.test", "password": "News-1!" },
                             { "address": "mfp@contoso.test", "password": "Mfp-1!" } ],
              "pools": { "staff": { "pattern": "staff{n}@contoso.test", "size": 200 } },
              "devices": [
                { "name": "newsletter", "kind": "newsletter", "mailbox": "news@contoso.test", "endpoint": "hve",
                  "recipients": { "pool": "staff", "bcc": 50, "pick": "sequential" },
                  "schedule": { "type": "fixed", "every": "2m", "count": 4 } },
                { "name": "mfp", "kind": "printer", "mailbox": "mfp@contoso.test",
                  "recipients": { "pool": "staff", "to": 1 },
                  "schedule": { "type": "fixed", "every": "2m", "count": 4 } }
              ]
            }
            """;

    @TempDir
    Path data;

    private Run run;

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void theHveDeviceSendsThroughHveAndLeavesNoSentItemsWhileTheOtherKeepsItsCopies() throws Exception {
        Scenario s = Scenarios.parse(SCENARIO, "hve.json");
        run = new Runs(data).start(s, 600);

        SimulationReport report = run.awaitEnd();

        assertThat(report.totals().accepted()).isEqualTo(8);
        // HVE keeps no copy, and the Sent Items check knows it
        assertThat(report.checks()).allMatch(SimulationReport.Check::passed);
        assertThat(run.store().sentItems().count(Optional.of("news@contoso.test"), "")).isZero();
        assertThat(run.store().sentItems().count(Optional.of("mfp@contoso.test"), "")).isEqualTo(4);
        assertThat(run.store().deliveries().forRecipient("staff1@contoso.test")).isNotEmpty();
    }
}
