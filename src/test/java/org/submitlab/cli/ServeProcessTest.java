package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantSettings;
import org.submitlab.server.tls.TlsMaterial;
import org.submitlab.store.Store;
import org.submitlab.testing.MailClient;
import org.submitlab.testing.StartTls;

/** {@code serve} as a separate process: the contract scripts and users rely on. */
class ServeProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void stockClientSendsOverStartTlsAndSentItemsListsItWhileTheServerRuns() throws Exception {
        try (ServeProcess serve = ServeProcess.start(data, "--mailbox", "printer@contoso.test:Secret1")) {
            assertThat(serve.stdout()).containsExactly("listening on 127.0.0.1:" + serve.port());
            assertThat(serve.port()).isPositive();

            try (MailClient client = new MailClient(serve.host(), serve.port(), "printer@contoso.test", "Secret1")) {
                client.send("printer@contoso.test", "ada@example.test", "Scan to mail", "<e2e-1@contoso.test>");
            }

            CliRun run = CliRun.of("sent-items", "--data", data.toString(), "--json");
            assertThat(run.exitCode()).isZero();
            assertThat(run.outLines()).hasSize(1);
            JsonNode item = JSON.readTree(run.outLines().get(0));
            assertThat(item.get("mailbox").asText()).isEqualTo("printer@contoso.test");
            assertThat(item.get("envelopeFrom").asText()).isEqualTo("printer@contoso.test");
            assertThat(item.get("envelopeTo")).extracting(JsonNode::asText).containsExactly("ada@example.test");
            assertThat(item.get("subject").asText()).isEqualTo("Scan to mail");
            assertThat(messageId(item)).isEqualTo("e2e-1@contoso.test");
            assertThat(item.get("size").asLong()).isPositive();

            assertThat(serve.terminate()).isZero();
        }
    }

    @Test
    void tokenIssuedWhileTheServerRunsLogsInWithXoauth2() throws Exception {
        try (ServeProcess serve = ServeProcess.start(data, "--mailbox", "printer@contoso.test:Secret1")) {
            CliRun token = CliRun.of("token", "--data", data.toString(), "--mailbox", "printer@contoso.test");
            assertThat(token.exitCode()).isZero();

            try (MailClient client = new MailClient(serve.host(), serve.port(), "printer@contoso.test",
                    token.outLines().get(0), "XOAUTH2")) {
                client.send("printer@contoso.test", "ada@example.test", "Via OAuth", "<oauth-1@contoso.test>");
            }

            assertThat(CliRun.of("sent-items", "--data", data.toString()).out()).contains("Via OAuth");
            assertThat(serve.terminate()).isZero();
        }
    }

    @Test
    void sigtermStopsCleanly() throws Exception {
        try (ServeProcess serve = ServeProcess.start(data, "--mailbox", "printer@contoso.test:Secret1")) {
            int exit = serve.terminate();

            assertThat(exit).isZero();
            assertThat(serve.stdout()).containsExactly("listening on 127.0.0.1:" + serve.port());
            assertThat(serve.stderr()).contains("stopped");
            assertThat(serve.stderr()).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
        }
    }

    @Test
    void serveUsesTheGivenPkcs12Certificate(@TempDir Path own) throws Exception {
        TlsMaterial.loadOrCreate(own);
        Path keystore = own.resolve("tls").resolve(TlsMaterial.KEYSTORE);
        String password = Files.readString(own.resolve("tls").resolve(TlsMaterial.PASSWORD_FILE)).trim();

        try (ServeProcess serve = ServeProcess.start(data, "--tls-keystore", keystore.toString(),
                "--tls-password", password)) {
            Certificate presented = StartTls.serverCertificate(serve.host(), serve.port());

            assertThat(presented).isEqualTo(TlsMaterial.certificate(own));
            assertThat(serve.terminate()).isZero();
        }
    }

    @Test
    void serveSavesTheProfileAndLimitsGivenForTheWholeTenant() throws Exception {
        try (ServeProcess serve = ServeProcess.start(data, "--profile", "exchange-online-2018",
                "--recipients-per-day", "20", "--concurrent-per-mailbox", "2", "--messages-per-minute", "5",
                "--recipients-per-message", "10", "--max-message-size", "1048576")) {
            assertThat(serve.terminate()).isZero();
        }
        try (Store store = Store.open(data)) {
            TenantSettings settings = store.settings().load();
            assertThat(settings.profile()).isEqualTo(Profile.EXCHANGE_ONLINE_2018);
            assertThat(settings.limits()).isEqualTo(Limits.defaults().with(Settings.RECIPIENTS_PER_DAY, 20)
                    .with(Settings.CONCURRENT_PER_MAILBOX, 2).with(Settings.MESSAGES_PER_MINUTE, 5).with(Settings.RECIPIENTS_PER_MESSAGE, 10)
                    .with(Settings.MAX_MESSAGE_SIZE, (long) (1_048_576)));
        }
    }

    @Test
    void serverKilledUnderLoadKeepsEveryAcknowledgedMessage() throws Exception {
        int senders = 4;
        String[] mailboxes = new String[senders * 2];
        for (int i = 0; i < senders; i++) {
            mailboxes[2 * i] = "--mailbox";
            mailboxes[2 * i + 1] = "device" + i + "@contoso.test:Secret" + i;
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        try (ServeProcess serve = ServeProcess.start(data, mailboxes)) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                int n = i;
                Thread t = new Thread(() -> sendUntilStopped(serve, n, stop, acknowledged), "sender-" + i);
                t.start();
                threads.add(t);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            serve.kill();
            stop.set(true);
            for (Thread t : threads) {
                t.join(15_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(60);

        try (ServeProcess restarted = ServeProcess.start(data)) {
            CliRun run = CliRun.of("sent-items", "--data", data.toString(), "--json");
            assertThat(run.exitCode()).isZero();
            List<String> listed = new ArrayList<>();
            for (String line : run.outLines()) {
                listed.add(messageId(JSON.readTree(line)));
            }
            assertThat(listed).containsAll(acknowledged);
            assertThat(restarted.terminate()).isZero();
        }
    }

    private static void sendUntilStopped(ServeProcess serve, int n, AtomicBoolean stop, Set<String> acknowledged) {
        String address = "device" + n + "@contoso.test";
        try (MailClient client = new MailClient(serve.host(), serve.port(), address, "Secret" + n)) {
            for (int seq = 0; !stop.get(); seq++) {
                String id = "kill-" + n + "-" + seq + "@contoso.test";
                client.send(address, "ops" + n + "@example.test", "Alert " + seq, "<" + id + ">");
                acknowledged.add(id);
            }
        } catch (Exception e) {
            // the server was killed: messages without a 250 are not counted
        }
    }

    private static String messageId(JsonNode item) {
        String id = item.get("messageId").asText();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }
}
