package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.testing.MailClient;

/**
 * The message trace of Live, written by a real server to which a real client sent: one message whose To
 * header names an address the envelope does not (delivered there too, with the 2018 replay on), one held
 * by the message rate, one refused; each found by every key the command offers.
 */
class TraceCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRINTER = "printer@contoso.test";
    private static final String PASSWORD = "Trace-me-2026";

    @TempDir
    static Path data;

    private static ServeProcess serve;
    private static Instant beforeSending;
    private static Instant afterFirst;

    @BeforeAll
    static void sendThreeMessages() throws Exception {
        InputStream was = System.in;
        System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(CliRun.of("mailbox", "add", PRINTER, "--password-stdin", "--display-name", "Contoso Printers",
                    "--data", data.toString()).exitCode()).isZero();
        } finally {
            System.setIn(was);
        }
        assertThat(CliRun.of("tenant", "set", "--messages-per-minute", "1", "--recipients-per-message", "2",
                "--deliver-to-header-recipients", "on", "--rewrite-display-name", "on", "--data", data.toString())
                .exitCode()).isZero();
        serve = ServeProcess.start(data);
        beforeSending = Instant.now();
        try (MailClient c = new MailClient(serve.host(), serve.port(), PRINTER, PASSWORD)) {
            c.send(PRINTER, "ada@contoso.test, boss@contoso.test", "ada@contoso.test", "scan 1", "<scan-1@contoso.test>");
            Thread.sleep(20);
            afterFirst = Instant.now();
            c.send(PRINTER, "grace@contoso.test", "scan 2", "<scan-2@contoso.test>");
            assertThatThrownBy(() -> c.send(PRINTER, "a@contoso.test, b@contoso.test, c@contoso.test", "scan 3",
                    "<scan-3@contoso.test>")).hasMessageContaining("550 5.5.3");
        }
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    private static List<JsonNode> trace(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("trace", "--json", "--data", data.toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : run.outLines()) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private static Set<String> messageIds(List<JsonNode> rows) {
        return rows.stream().map(r -> r.get("messageId").asText()).collect(Collectors.toSet());
    }

    @Test
    void aMessageFoundByItsIdShowsItsSubmissionThenADeliveryPerRecipientHeaderOnesWithTheirReason() throws Exception {
        List<JsonNode> rows = trace("--message-id", "scan-1@contoso.test");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("kind").asText()).isEqualTo("submission");
        assertThat(rows.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(rows.get(0).get("mailbox").asText()).isEqualTo(PRINTER);
        assertThat(rows.get(0).get("reply").asText()).startsWith("250 2.0.0 OK <scan-1@contoso.test>");
        assertThat(rows.get(0).get("client").asText()).isEqualTo("127.0.0.1");
        // The second replay switch: the device wrote a bare address, recipients saw the directory's name.
        assertThat(rows.get(0).get("reason").asText()).contains("From rewritten", "2018", PRINTER + " \u2192 ",
                "Contoso Printers <" + PRINTER + ">");
        assertThat(rows.subList(1, 3)).allSatisfy(d -> {
            assertThat(d.get("kind").asText()).isEqualTo("delivery");
            assertThat(d.get("status").asText()).isEqualTo("delivered");
        });
        JsonNode headerOnly = rows.stream().filter(r -> "boss@contoso.test".equals(r.path("recipient").asText()))
                .findFirst().orElseThrow();
        assertThat(headerOnly.get("reason").asText()).contains("To/Cc header", "2018");
        assertThat(rows.stream().filter(r -> "ada@contoso.test".equals(r.path("recipient").asText())).findFirst()
                .orElseThrow().has("reason")).isFalse();
    }

    @Test
    void aMessageHeldByTheRateIsDelayedUntilTheNextFreeMinute() throws Exception {
        List<JsonNode> delayed = trace("--status", "delayed");

        assertThat(delayed).singleElement().satisfies(d -> {
            assertThat(d.get("recipient").asText()).isEqualTo("grace@contoso.test");
            assertThat(d.get("messageId").asText()).isEqualTo("<scan-2@contoso.test>");
            assertThat(d.get("reason").asText()).contains("message rate");
            assertThat(Instant.parse(d.get("deliverAt").asText())).isAfter(afterFirst);
        });
    }

    @Test
    void eachKeyFindsItsMessages() throws Exception {
        assertThat(messageIds(trace("--status", "refused"))).containsExactly("<scan-3@contoso.test>");
        assertThat(trace("--status", "refused").get(0).get("reply").asText()).startsWith("550 5.5.3");
        assertThat(messageIds(trace("--recipient", "boss@contoso.test"))).containsExactly("<scan-1@contoso.test>");
        assertThat(messageIds(trace("--recipient", "GRACE@contoso.test"))).containsExactly("<scan-2@contoso.test>");
        assertThat(messageIds(trace("--sender", PRINTER))).hasSize(3);
        assertThat(trace("--sender", "someone-else@contoso.test")).isEmpty();
        assertThat(messageIds(trace("--since", afterFirst.toString()))).doesNotContain("<scan-1@contoso.test>")
                .contains("<scan-2@contoso.test>");
        assertThat(messageIds(trace("--until", afterFirst.toString()))).containsExactly("<scan-1@contoso.test>");
        assertThat(messageIds(trace("--since", "1h"))).hasSize(3);
        assertThat(trace("--until", beforeSending.toString())).isEmpty();
    }

    @Test
    void inARunThatEndedEveryMessageNeverAcceptedIsListedAsLost(@TempDir Path runs) throws Exception {
        CliRun sim = CliRun.of("simulate", "--preset", "printers-sharing-mailbox", "--speed", "3600", "--duration", "10m",
                "--data", runs.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        JsonNode outcome = JSON.readTree(CliRun.of("runs", "show", "latest", "--json", "--data", runs.toString())
                .outLines().get(0)).get("outcome");

        List<JsonNode> all = new ArrayList<>();
        for (String line : CliRun.of("trace", "--run", "latest", "--json", "--limit", "10000", "--data", runs.toString())
                .outLines()) {
            all.add(JSON.readTree(line));
        }

        List<JsonNode> lost = all.stream().filter(r -> r.get("status").asText().equals("lost")).toList();
        Set<String> accepted = all.stream().filter(r -> r.get("status").asText().equals("accepted"))
                .map(r -> r.get("messageId").asText()).collect(Collectors.toSet());
        assertThat(outcome.get("lost").asLong() + outcome.get("pending").asLong()).isPositive();
        assertThat((long) lost.size()).isEqualTo(outcome.get("lost").asLong() + outcome.get("pending").asLong());
        assertThat(lost).allSatisfy(r -> {
            assertThat(accepted).doesNotContain(r.get("messageId").asText());
            assertThat(r.get("reason").asText()).startsWith("never accepted");
        });
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).get("kind").asText().equals("delivery")) {
                int j = i;
                while (all.get(j).get("kind").asText().equals("delivery")) {
                    j--;
                }
                assertThat(all.get(j).get("kind").asText()).as("a delivery follows its submission").isEqualTo("submission");
                assertThat(all.get(j).get("messageId")).isEqualTo(all.get(i).get("messageId"));
            }
        }
        assertThat(all.stream().filter(r -> r.get("kind").asText().equals("submission")).count())
                .isEqualTo(outcome.get("accepted").asLong() + outcome.get("refused").asLong());
    }

    @Test
    void badFiltersAreRefusedWithTheirReason() {
        CliRun status = CliRun.of("trace", "--status", "bounced", "--data", data.toString());
        CliRun since = CliRun.of("trace", "--since", "yesterday-ish", "--data", data.toString());

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("accepted, refused, delivered, delayed, failed or lost", "bounced");
        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.err()).contains("--since", "is not a time");
    }
}
