package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Limits;
import org.submitlab.store.SentItem;

/** A body larger than what is held in memory goes to a spool file in the data folder, removed after. */
class BodySpoolTest {

    private static final String BOX = "printer@contoso.test";

    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir).with(ServerFixture.mailbox(BOX)
                .withSendLimitBytes(Optional.of(4 * Limits.MB))).start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private long spooled() throws Exception {
        Path spool = dir.resolve("spool");
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    private static byte[] lines(int bytes) {
        byte[] line = ("y".repeat(98) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[bytes - bytes % line.length];
        for (int i = 0; i < out.length; i += line.length) {
            System.arraycopy(line, 0, out, i, line.length);
        }
        return out;
    }

    @Test
    void aLargeBodyIsSpooledWhileItArrivesStoredWholeAndItsFileRemoved() throws Exception {
        byte[] head = ("From: " + BOX + "\r\nSubject: big scan\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] first = lines(2_000_000);
        byte[] rest = lines(1_000_000);
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.envelope(BOX, List.of("a@fabrikam.test")).get(2)).startsWith("354");
            c.write(head);
            c.write(first);
            Await.until("a spool file appears", () -> {
                try {
                    return spooled() == 1;
                } catch (Exception e) {
                    return false;
                }
            });
            c.write(rest);
            assertThat(c.body("")).startsWith("250 2.0.0 OK");
        }
        assertThat(spooled()).isZero();
        SentItem item = fx.store.sentItems().page(Optional.of(BOX), "big scan", 0, 1).get(0);
        byte[] stored = fx.store.sentItems().raw(item.id()).orElseThrow();
        assertThat(stored).hasSize(head.length + first.length + rest.length + 2);
        assertThat(new String(stored, 0, head.length, StandardCharsets.US_ASCII))
                .isEqualTo(new String(head, StandardCharsets.US_ASCII));
    }

    @Test
    void aRefusedLargeBodyLeavesNoSpoolFile() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            List<String> replies = c.submit(BOX, List.of("a@fabrikam.test"),
                    "From: " + BOX + "\r\nSubject: too big\r\n\r\n" + new String(lines(5_000_000), StandardCharsets.US_ASCII));
            assertThat(replies.get(3)).startsWith("554 5.2.0 STOREDRV.Submission.Exception:MessageSubmissionExceededException");
        }
        assertThat(spooled()).isZero();
    }
}
