package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Large senders cost disk, not heap (issue 8, item 10): a server in its own JVM with a 256 MB heap takes
 * twenty simultaneous 30 MB messages on one mailbox; the three holding a slot get their 250, the other
 * seventeen their 432, and nothing runs out of memory. About half a minute on two cores, so it is
 * tagged slow and left out of the default run; see docs/benchmarks.md for its command.
 */
@Tag("slow")
class LowHeapBodiesTest {

    private static final String BOX = "printer@contoso.test";
    private static final int SENDERS = 20;
    private static final int BODY_BYTES = 30 * 1024 * 1024;

    @Test
    void twentySimultaneous30MbSendersOnOneMailboxGetThree250sAndSeventeen432sIn256Mb() throws Exception {
        Path log = Files.createTempFile("submitlab-lowheap-", ".log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                LowHeapServer.class.getName(), BOX)
                .redirectError(log.toFile()).start();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("the server's first line").startsWith("listening on ");
            int port = Integer.parseInt(first.substring("listening on ".length()).trim());
            SSLSocketFactory tls = org.submitlab.testing.TrustAllCertificates.socketFactory();

            List<SmtpTestClient> clients = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                SmtpTestClient c = new SmtpTestClient(port, tls);
                assertThat(c.login(BOX, ServerFixture.PASSWORD)).startsWith("235");
                assertThat(c.envelope(BOX, List.of("a@fabrikam.test")).get(2)).startsWith("354");
                clients.add(c);
            }
            CyclicBarrier together = new CyclicBarrier(SENDERS);
            List<Future<String>> replies = new ArrayList<>();
            for (SmtpTestClient c : clients) {
                replies.add(pool.submit(() -> {
                    together.await();
                    return sendBody(c);
                }));
            }
            List<String> finals = new ArrayList<>();
            for (Future<String> f : replies) {
                try {
                    finals.add(f.get(5, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    throw new AssertionError("a sender failed: " + e.getCause() + "; the server said: "
                            + tail(log), e.getCause());
                }
            }
            clients.forEach(SmtpTestClient::close);

            assertThat(finals).filteredOn(r -> r.startsWith("250 2.0.0 OK")).hasSize(3);
            assertThat(finals).filteredOn(r -> r.startsWith("432 4.3.2")).hasSize(SENDERS - 3);
            assertThat(server.isAlive()).as("the server survived; it said: %s", tail(log)).isTrue();
        } finally {
            pool.shutdownNow();
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String tail(Path log) throws java.io.IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 2_000));
    }

    /** 30 MB of 78-octet lines, then the terminator; the reply. */
    private static String sendBody(SmtpTestClient c) throws Exception {
        byte[] line = ("x".repeat(76) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[line.length * 840];
        for (int i = 0; i < 840; i++) {
            System.arraycopy(line, 0, chunk, i * line.length, line.length);
        }
        c.write("From: printer@contoso.test\r\nSubject: big scan\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (long sent = 0; sent < BODY_BYTES; sent += chunk.length) {
            c.write(chunk);
        }
        return c.body("");
    }
}
