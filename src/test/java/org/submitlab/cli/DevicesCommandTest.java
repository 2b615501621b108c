package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.testing.MailClient;

/**
 * The device inventory of a real server: a scanner logging in with a password (AUTH LOGIN) and an app with
 * an XOAUTH2 token, each by its own EHLO name, and their verdicts for Exchange's basic-auth timeline.
 */
class DevicesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCANNER = "scanner@contoso.test";
    private static final String APP = "app@contoso.test";
    private static final String PASSWORD = "Scan-to-mail-2026";

    @TempDir
    static Path data;

    private static ServeProcess serve;

    @BeforeAll
    static void twoDevicesSend() throws Exception {
        for (String box : List.of(SCANNER, APP)) {
            InputStream was = System.in;
            System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            try {
                assertThat(CliRun.of("mailbox", "add", box, "--password-stdin", "--data", data.toString()).exitCode())
                        .isZero();
            } finally {
                System.setIn(was);
            }
        }
        String token = CliRun.of("token", "issue", "--mailbox", APP, "--data", data.toString()).outLines().get(0);
        serve = ServeProcess.start(data);
        try (MailClient c = new MailClient(serve.host(), serve.port(), SCANNER, PASSWORD, "LOGIN", "mfp-floor2")) {
            c.send(SCANNER, "ada@contoso.test", "scan", "<scan-a@contoso.test>");
            c.send(SCANNER, "ada@contoso.test", "scan", "<scan-b@contoso.test>");
        }
        try (MailClient c = new MailClient(serve.host(), serve.port(), APP, token, "XOAUTH2", "billing-app")) {
            c.send(APP, "ada@contoso.test", "invoice", "<invoice-1@contoso.test>");
        }
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    private static List<JsonNode> devices() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : CliRun.of("devices", "--json", "--data", data.toString()).outLines()) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    /** The inventory is written when a session closes, in the background: wait for both devices. */
    private static JsonNode device(String ehlo) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (JsonNode d : devices()) {
                if (d.get("ehlo").asText().equals(ehlo)) {
                    return d;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no device " + ehlo + " in " + devices());
    }

    @Test
    void aPasswordDeviceBreaksWhenBasicAuthGoesAndAnOauthAppKeepsWorking() throws Exception {
        JsonNode scanner = device("mfp-floor2");
        JsonNode app = device("billing-app");

        assertThat(scanner.get("login").asText()).isEqualTo(SCANNER);
        assertThat(scanner.get("mechanism").asText()).isEqualTo("LOGIN");
        assertThat(scanner.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(scanner.get("tls").asText()).isIn("TLSv1.2", "TLSv1.3");
        assertThat(scanner.get("accepted").asLong()).isEqualTo(2);
        assertThat(scanner.get("messages").asLong()).isEqualTo(2);
        assertThat(scanner.get("maxSize").asLong()).isPositive();
        JsonNode v = scanner.get("verdicts");
        assertThat(v.get("today").get("verdict").asText()).isEqualTo("ok");
        assertThat(v.get("basicAuthDisabled").get("verdict").asText()).isEqualTo("breaks");
        assertThat(v.get("basicAuthDisabled").get("reason").asText()).contains("535 5.7.139");
        assertThat(v.get("basicAuthRemoved").get("verdict").asText()).isEqualTo("breaks");
        assertThat(v.get("basicAuthRemoved").get("reason").asText()).contains("550 5.7.30");
        assertThat(v.get("legacyTls").get("verdict").asText()).isEqualTo("ok");

        assertThat(app.get("mechanism").asText()).isEqualTo("XOAUTH2");
        assertThat(app.get("verdicts").properties()).allSatisfy(e -> assertThat(e.getValue().get("verdict").asText())
                .as(e.getKey()).isEqualTo("ok"));
    }

    @Test
    void withBasicAuthDisabledForTheTenantThePasswordDeviceBreaksToday() throws Exception {
        device("mfp-floor2");
        assertThat(CliRun.of("tenant", "set", "--basic-auth", "disabled", "--data", data.toString()).exitCode()).isZero();
        try {
            JsonNode scanner = device("mfp-floor2");
            assertThat(scanner.get("verdicts").get("today").get("verdict").asText()).isEqualTo("breaks");
            assertThat(device("billing-app").get("verdicts").get("today").get("verdict").asText()).isEqualTo("ok");
            CliRun csv = CliRun.of("devices", "--csv", "--data", data.toString());
            assertThat(csv.outLines().get(0)).startsWith("ehlo,address,login,mechanism,tls");
            assertThat(csv.out()).contains("mfp-floor2").contains("billing-app");
        } finally {
            CliRun.of("tenant", "set", "--basic-auth", "enabled", "--data", data.toString());
        }
    }
}
