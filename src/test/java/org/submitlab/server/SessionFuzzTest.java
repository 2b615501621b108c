package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.submitlab.policy.Settings;

/**
 * Random bytes, line ends and lengths in SMTP command lines and DATA never crash a session (no 421 4.3.0
 * or 4.4.0 from the library's catch-all), never leave a concurrency slot held after the connection ends,
 * and never store a message that was not answered 250. Each try is one whole connection; the server is
 * shared and must serve a well-formed client after every try.
 *
 * <p>Tries per property: {@code jqwik.tries.default} (40 in src/test/resources/junit-platform.properties);
 * a longer run: {@code mvn -B -ntp test -Dtest=SessionFuzzTest -Djqwik.tries.default=2000}.
 */
class SessionFuzzTest {

    private static final String BOX = "printer@contoso.test";
    private static Path dir;
    private static ServerFixture fx;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("submitlab-fuzz-");
        // Deadlines well inside the client's 20 s: a try that leaves the server waiting (a TLS handshake
        // that never comes) must end by the server's deadline, not hang the test.
        fx = new ServerFixture(dir).limits(l -> l.with(Settings.MAX_MESSAGE_SIZE, (long) (64 * 1024))
                .with(Settings.LOCKOUT_AFTER_FAILURES, 1_000).with(Settings.LOCKOUT_FOR, java.time.Duration.ofMinutes(15))
                .withConnections(l.connections().with(Settings.AUTHENTICATION_TIMEOUT, java.time.Duration.ofSeconds(5))
                        .with(Settings.COMMAND_LINE_TIMEOUT, java.time.Duration.ofSeconds(5))))
                .with(ServerFixture.mailbox(BOX)).start();
    }

    @AfterContainer
    static void stop() throws IOException {
        fx.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property
    void randomInputBeforeLoginNeverCrashesTheSession(@ForAll("conversation") List<byte[]> chunks) throws Exception {
        long storedBefore = stored();
        List<String> replies;
        try (Socket s = new Socket("127.0.0.1", fx.server.port())) {
            s.setSoTimeout(20_000);
            replies = converse(s.getInputStream(), s.getOutputStream(), chunks);
        }
        assertHealthy(replies, storedBefore);
    }

    @Property
    void randomInputAfterLoginNeverCrashesLeavesNoSlotAndStoresOnlyWhatGot250(
            @ForAll("conversation") List<byte[]> chunks) throws Exception {
        long storedBefore = stored();
        List<String> replies;
        try (SmtpTestClient c = fx.login(BOX)) {
            SSLSocket tls = c.tlsSocket();
            replies = converse(tls.getInputStream(), tls.getOutputStream(), chunks);
        }
        assertHealthy(replies, storedBefore);
    }

    /** Sends every chunk (pipelined), then ends any DATA and says QUIT; every reply line until the close. */
    private static List<String> converse(InputStream in, OutputStream out, List<byte[]> chunks) throws IOException {
        try {
            for (byte[] chunk : chunks) {
                out.write(chunk);
            }
            out.write("\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedEarly) {
            // the server may close first (a line too long, a bare CR): what it said is still to be read
        }
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    lines.add(line.toString(StandardCharsets.UTF_8).replace("\r", ""));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed the connection; so far: " + lines, e);
        } catch (IOException reset) {
            // a reset after the server closed: the lines read so far are all there is
        }
        return lines;
    }

    private static void assertHealthy(List<String> replies, long storedBefore) throws Exception {
        assertThat(replies).as("no reply from the library's catch-all").noneMatch(r -> r.startsWith("421 4.3.0")
                || r.startsWith("421 4.4.0"));
        long accepted = replies.stream().filter(r -> r.startsWith("250 2.0.0 OK <")).count();
        Statistics.label("outcome").collect(accepted > 0 ? "a message accepted"
                : replies.stream().anyMatch(r -> r.startsWith("354")) ? "DATA, nothing accepted"
                : replies.stream().anyMatch(r -> r.startsWith("221")) ? "no DATA, ended by QUIT"
                : "closed by the server");
        Await.until("every slot is free", () -> fx.server.policy().slotsInUse(BOX) == 0);
        assertThat(stored() - storedBefore).as("stored messages against 250 replies %s", replies).isEqualTo(accepted);
        try (SmtpTestClient next = fx.connect()) {
            assertThat(next.command("NOOP")).isEqualTo("250 2.0.0 OK");
        }
    }

    private static long stored() {
        return fx.store.sentItems().count(Optional.of(BOX), "");
    }

    @Provide
    Arbitrary<List<byte[]>> conversation() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, transaction()),
                Tuple.of(8, commandLine()),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(1, Arbitraries.integers().between(900, 70_000)
                        .map(n -> ("L" + "x".repeat(n) + "\r\n").getBytes(StandardCharsets.US_ASCII))))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    private static Arbitrary<String> lineEnd() {
        return Arbitraries.of("\r\n", "\r\n", "\r\n", "\n", "\r", "");
    }

    private static Arbitrary<byte[]> commandLine() {
        Arbitrary<String> command = Arbitraries.of("EHLO fuzz.test", "HELO fuzz.test", "MAIL FROM:<" + BOX + ">",
                "MAIL FROM:<" + BOX + "> SIZE=100", "MAIL FROM:<>", "MAIL FROM:<\"q d\"@contoso.test>",
                "RCPT TO:<a@fabrikam.test>", "RCPT TO:<\"x>y\"@fabrikam.test>", "DATA", "RSET", "NOOP",
                "AUTH LOGIN", "AUTH LOGIN =", "AUTH XOAUTH2 =", "STARTTLS", "VRFY a", "BDAT 10", "", "QUIT");
        return Combinators.combine(command, lineEnd()).as((c, e) -> (c + e).getBytes(StandardCharsets.UTF_8));
    }

    /** MAIL, RCPT and DATA, then a body of random lines with random line ends, usually ended. */
    private static Arbitrary<byte[]> transaction() {
        Arbitrary<String> from = Arbitraries.of(BOX, BOX, "ceo@contoso.test", "");
        Arbitrary<byte[]> bodyLine = Combinators.combine(Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("From: " + BOX, "From: ceo@contoso.test", "Sender: x@y.test", "Subject: fuzz",
                        "Message-ID: <fuzz@device.test>", " folded", "", ".", "..", ". x", "X-A: 1\rFrom: boss@contoso.test")
                        .map(t -> t.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(3, Arbitraries.strings().ofMaxLength(120).map(t -> t.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(200))), lineEnd())
                .as((b, e) -> concat(b, e.getBytes(StandardCharsets.US_ASCII)));
        Arbitrary<String> end = Arbitraries.of("\r\n.\r\n", "\r\n.\r\n", "\r\n.\r\n", "\r\n.\r\n", "", "\n.\n");
        return Combinators.combine(from, bodyLine.list().ofMaxSize(30), end).as((f, lines, e) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("MAIL FROM:<" + f + ">\r\nRCPT TO:<a@fabrikam.test>\r\nDATA\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            lines.forEach(out::writeBytes);
            out.writeBytes(e.getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
