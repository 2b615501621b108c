package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.ConnectionLimits;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.policy.Settings;

/**
 * Slowloris (issue 8, item 8): a byte now and then no longer keeps a connection. A command line, a DATA
 * body and a whole session each have a real-time deadline; on expiry the client gets 421 4.4.2 with the
 * suffix and the connection closes. The idle timeout stays at 10 s throughout, so only the new deadlines
 * can end these sessions within the test.
 */
class SlowClientDeadlinesTest {

    private static final String BOX = "printer@contoso.test";

    @TempDir
    Path dir;
    ServerFixture fx;
    final ExecutorService trickle = Executors.newCachedThreadPool();

    private void start(UnaryOperator<ConnectionLimits> change) throws Exception {
        fx = new ServerFixture(dir)
                .limits(l -> l.with(Settings.IDLE_TIMEOUT, Duration.ofSeconds(10)).withConnections(change.apply(l.connections())))
                .with(ServerFixture.mailbox(BOX)).start();
    }

    @AfterEach
    void stop() {
        trickle.shutdownNow();
        if (fx != null) {
            fx.close();
        }
    }

    /** Sends {@code bytes} one at a time, {@code gapMillis} apart, until they run out or the socket breaks. */
    private void trickle(SmtpTestClient c, byte[] bytes, long gapMillis) {
        trickle.submit(() -> {
            try {
                for (byte b : bytes) {
                    c.write(new byte[] {b});
                    Thread.sleep(gapMillis);
                }
            } catch (IOException | InterruptedException e) {
                // closed by the server: what the test waits for
            }
            return null;
        });
    }

    private MailboxStatus status() {
        return fx.server.mailboxStatus().stream().filter(s -> s.address().equals(BOX)).findFirst().orElseThrow();
    }

    @Test
    void aCommandLineTrickledAByteAtATimeIsCutAtItsDeadline() throws Exception {
        start(c -> c.with(Settings.COMMAND_LINE_TIMEOUT, Duration.ofSeconds(2)));
        try (SmtpTestClient c = fx.connect()) {
            trickle(c, "EHLO a-very-slow-client.test\r\n".getBytes(StandardCharsets.US_ASCII), 300);

            assertThat(c.replyWithin(15_000))
                    .matches("421 4\\.4\\.2 Connection dropped: command not completed in time" + SUFFIX);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aBodyTrickledBelowTheMinimumRateIsCutAfterTheGracePeriodAndFreesItsSlot() throws Exception {
        start(c -> c.with(Settings.DATA_GRACE_PERIOD, Duration.ofSeconds(2)).with(Settings.DATA_MIN_RATE, 1_000));
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.envelope(BOX, List.of("a@fabrikam.test")).get(2)).startsWith("354");
            assertThat(status().inFlight()).isEqualTo(1);
            trickle(c, ("Subject: slow\r\n\r\n" + "z".repeat(500)).getBytes(StandardCharsets.US_ASCII), 50);

            assertThat(c.replyWithin(15_000))
                    .matches("421 4\\.4\\.2 Connection dropped: message data arrived too slowly" + SUFFIX);
            assertThat(c.closedByServer()).isTrue();
        }
        Await.until("the slot is free", () -> status().inFlight() == 0);
        assertThat(fx.store.sentItems().count(Optional.of(BOX), "")).isZero();
    }

    @Test
    void aBodyUploadedAt500KbitPerSecondIsNotCut() throws Exception {
        start(c -> c.with(Settings.DATA_GRACE_PERIOD, Duration.ofSeconds(1)).with(Settings.DATA_MIN_RATE, 1_000));
        byte[] line = ("p".repeat(998) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.envelope(BOX, List.of("a@fabrikam.test")).get(2)).startsWith("354");
            c.write("Subject: printer scan\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            long sent = 0;
            while (System.nanoTime() - start < 3_000_000_000L) {
                c.write(line);
                sent += line.length;
                long due = start + sent * 8 * 1_000_000_000L / 500_000; // 500 kbit/s
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            assertThat(c.body("")).startsWith("250 2.0.0 OK");
        }
    }

    @Test
    void aSessionKeptBusyPastItsDeadlineIsClosed() throws Exception {
        start(c -> c.with(Settings.SESSION_TIMEOUT, Duration.ofSeconds(3)));
        try (SmtpTestClient c = fx.login(BOX)) {
            String reply = null;
            for (int i = 0; i < 40 && (reply == null || reply.startsWith("250")); i++) {
                reply = c.command("NOOP");
                Thread.sleep(250);
            }
            assertThat(reply).matches("421 4\\.4\\.2 Connection dropped: session time limit reached" + SUFFIX);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void anIdleConnectionStillGetsTheIdleTimeout() throws Exception {
        start(c -> c);
        fx.server.updateSettings(fx.server.tenant().settings().withLimits(
                fx.server.tenant().limits().with(Settings.IDLE_TIMEOUT, Duration.ofMillis(500))));
        try (SmtpTestClient c = fx.connect()) {
            assertThat(c.command("EHLO idle.test")).startsWith("250-");
            assertThat(c.replyWithin(15_000)).matches("421 4\\.4\\.2 Connection dropped due to timeout" + SUFFIX);
        }
    }
}
