package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One server per data folder: a second one refuses to start and says who holds the folder. */
class FolderLockCliTest {

    @TempDir
    Path data;

    @Test
    void aSecondServeOnAFolderInUseRefusesNamingTheFolderAndTheProcess() throws Exception {
        try (ServeProcess first = ServeProcess.start(data, "--mailbox", "printer@contoso.test:Secret1")) {
            CliRun second = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> CliRun.of("serve", "--port", "0", "--data", data.toString()));

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.errLines()).singleElement().asString()
                    .contains(data.toAbsolutePath().toString())
                    .contains("pid " + first.pid());
            assertThat(first.terminate()).isZero();
        }
    }

    @Test
    void theFolderIsFreeAgainOnceTheServerStopped() throws Exception {
        try (ServeProcess first = ServeProcess.start(data)) {
            assertThat(first.terminate()).isZero();
        }
        try (ServeProcess again = ServeProcess.start(data)) {
            assertThat(again.terminate()).isZero();
        }
    }
}
