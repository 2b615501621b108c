package org.submitlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Profile;
import org.submitlab.policy.ScaledClock;

/** The lab behind the console, without a stage: real store in a temp folder, real server on port 0. */
class LabRuntimeTest {

    @TempDir
    Path data;

    private LabRuntime lab;

    private LabRuntime lab() {
        lab = new LabRuntime(ConsoleOptions.forTests(data), new ScaledClock(1.0));
        return lab;
    }

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void firstRunCreatesTheDemoTenantAndLaterRunsKeepIt() {
        assertThat(lab().open()).isTrue();
        assertThat(lab.mailboxAddresses()).containsExactly("alerts@contoso.test", "newsletter@contoso.test",
                "printer@contoso.test", "scanner@contoso.test");
        lab.close();

        assertThat(lab().open()).isFalse();
        assertThat(lab.mailboxAddresses()).hasSize(DemoTenant.MAILBOXES.size());
    }

    @Test
    void runningServerReportsEveryMailboxInTheSnapshot() {
        LabRuntime.Address a = lab().startServer();

        assertThat(a.port()).isPositive();
        assertThat(lab.runningAddress()).contains(a);
        LiveSnapshot s = lab.snapshot();
        assertThat(s.mailboxes()).extracting(LiveSnapshot.MailboxCounts::address).contains("printer@contoso.test");
        assertThat(s.budget()).allSatisfy(b -> assertThat(b.limit()).isEqualTo(10_000));
        assertThat(s.scenario()).isEmpty();
    }

    @Test
    void stoppedServerHasNoAddressAndAnEmptySnapshot() {
        lab().startServer();

        lab.stopServer();

        assertThat(lab.runningAddress()).isEmpty();
        assertThat(lab.snapshot().mailboxes()).isEmpty();
    }

    @Test
    void profileChosenWhileStoppedIsUsedByTheNextServer() {
        lab().setProfile(Profile.EXCHANGE_ONLINE_2018);

        lab.startServer();

        assertThat(lab.settings().profile()).isEqualTo(Profile.EXCHANGE_ONLINE_2018);
    }

    @Test
    void sentItemsSourceReadsAnEmptyStore() {
        lab().open();

        assertThat(lab.sentItems().count(Optional.empty(), "")).isZero();
        assertThat(lab.sentItems().page(Optional.empty(), "", 0, 50)).isEmpty();
    }
}
