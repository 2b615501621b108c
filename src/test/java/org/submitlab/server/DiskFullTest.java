package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder on a disk that fills up and then gets space again: while it is full every message gets
 * 451 4.3.0 (never a 250), and once there is room again messages are accepted without a restart.
 * On a real tmpfs, so it runs as root on Linux (CI) and is skipped elsewhere; the store's own
 * WriterRecoveryTest covers the same recovery on any file system.
 */
class DiskFullTest {

    private static final String BOX = "printer@contoso.test";
    private static final String NOT_STORED =
            "451 4\\.3\\.0 Temporary server error: the message was not stored\\. Please try again later" + SUFFIX;

    @TempDir
    Path dir;
    SmallTmpfs disk;
    ServerFixture fx;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(SmallTmpfs.available(), "needs root on Linux to mount a small tmpfs");
        disk = SmallTmpfs.mount(dir.resolve("disk"), 6);
        fx = new ServerFixture(disk.path().resolve("data")).with(ServerFixture.mailbox(BOX)).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    private static String message(String subject) {
        return "From: " + BOX + "\r\nSubject: " + subject + "\r\n\r\n" + "x".repeat(60_000);
    }

    @Test
    void aFullDiskGets451UntilThereIsRoomAgainThenMessagesAreAcceptedWithoutARestart() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.submit(BOX, List.of("a@fabrikam.test"), message("before")).get(3)).startsWith("250 2.0.0 OK");
            acknowledged.add("before");

            disk.fill();
            for (int i = 0; i < 3; i++) {
                assertThat(c.submit(BOX, List.of("a@fabrikam.test"), message("full " + i)).get(3)).matches(NOT_STORED);
            }

            disk.free();
            for (int i = 0; i < 3; i++) {
                assertThat(c.submit(BOX, List.of("a@fabrikam.test"), message("after " + i)).get(3))
                        .startsWith("250 2.0.0 OK");
                acknowledged.add("after " + i);
            }
        }
        List<String> stored = new ArrayList<>();
        fx.store.sentItems().forEach(Optional.of(BOX), item -> stored.add(item.subject()));
        assertThat(stored).containsExactlyElementsOf(acknowledged);
    }
}
