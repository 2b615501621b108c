package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillDurabilityTest {

    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesAKillNineOfTheWritingProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CommitUntilKilled.class.getName(), dir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<Long> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while (acknowledged.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.trim()));
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            child.waitFor();
        }
        assertThat(acknowledged).hasSize(ACKS_BEFORE_KILL);

        try (Store store = Store.open(dir)) {
            Set<Long> stored = new HashSet<>();
            store.sentItems().forEach(Optional.empty(), item -> stored.add(item.id()));
            assertThat(stored).containsAll(acknowledged);
        }
    }
}
