package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.PasswordHasher;
import org.submitlab.store.SentItemDraft;
import org.submitlab.store.Store;
import org.submitlab.store.SubmissionRecord;

class SentItemsAndTokenCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-26T09:00:00Z");

    @TempDir
    Path data;

    @BeforeEach
    void twoMailboxesWithThreeSentItems() throws Exception {
        try (Store store = Store.open(data)) {
            store.mailboxes().save(Mailbox.create("printer@contoso.test", "Printer", "Secret1"));
            store.mailboxes().save(Mailbox.create("scanner@contoso.test", "Scanner", "Secret2"));
            accept(store, "printer@contoso.test", T0, List.of("ada@example.test"), "Scan 1", "<one@contoso.test>");
            accept(store, "scanner@contoso.test", T0.plusSeconds(60), List.of("bob@example.test", "cy@example.test"),
                    "Scan 2", "<two@contoso.test>");
            accept(store, "printer@contoso.test", T0.plusSeconds(120), List.of("dee@example.test"), "Scan 3",
                    "<three@contoso.test>");
        }
    }

    @Test
    void jsonListsOneObjectPerLineNewestLast() throws Exception {
        CliRun run = CliRun.of("sent-items", "--data", data.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        List<JsonNode> items = parse(run.outLines());
        assertThat(items).extracting(i -> i.get("subject").asText()).containsExactly("Scan 1", "Scan 2", "Scan 3");
        JsonNode second = items.get(1);
        assertThat(second.get("id").isIntegralNumber()).isTrue();
        assertThat(second.get("mailbox").asText()).isEqualTo("scanner@contoso.test");
        assertThat(Instant.parse(second.get("time").asText())).isEqualTo(T0.plusSeconds(60));
        assertThat(second.get("envelopeFrom").asText()).isEqualTo("scanner@contoso.test");
        assertThat(second.get("envelopeTo").isArray()).isTrue();
        assertThat(second.get("envelopeTo")).extracting(JsonNode::asText)
                .containsExactly("bob@example.test", "cy@example.test");
        assertThat(second.get("size").asLong()).isEqualTo(raw("Scan 2").length);
        assertThat(second.get("messageId").asText()).contains("two@contoso.test");
    }

    @Test
    void mailboxOptionListsOnlyThatMailbox() throws Exception {
        CliRun run = CliRun.of("sent-items", "--data", data.toString(), "--json", "--mailbox", "Printer@Contoso.test");

        assertThat(run.exitCode()).isZero();
        assertThat(parse(run.outLines())).extracting(i -> i.get("subject").asText()).containsExactly("Scan 1", "Scan 3");
    }

    @Test
    void tableHasAHeaderAndOneRowPerItem() {
        CliRun run = CliRun.of("sent-items", "--data", data.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(4);
        assertThat(run.outLines().get(0)).contains("ID", "TIME (UTC)", "MAILBOX", "ENVELOPE TO", "SIZE", "SUBJECT");
        assertThat(run.outLines().get(1)).contains("2026-01-26 09:00:00", "printer@contoso.test", "ada@example.test",
                "Scan 1");
        assertThat(run.outLines().get(2)).contains("bob@example.test +1", "Scan 2");
        assertThat(run.err()).contains("3 item(s)");
    }

    @Test
    void searchPrintsTheConsolesPageNewestFirstWithTheCount() throws Exception {
        CliRun run = CliRun.of("sent-items", "--data", data.toString(), "--json", "--search", "EXAMPLE.test");

        assertThat(run.exitCode()).isZero();
        assertThat(parse(run.outLines())).extracting(i -> i.get("subject").asText())
                .containsExactly("Scan 3", "Scan 2", "Scan 1");
        CliRun substring = CliRun.of("sent-items", "--data", data.toString(), "--search", "b@exa");
        assertThat(substring.outLines()).hasSize(2);
        assertThat(substring.outLines().get(1)).contains("Scan 2");
        assertThat(substring.err()).contains("items 1-1 of 1 matching 'b@exa'");
    }

    @Test
    void searchTakesTheConsolesSyntax() throws Exception {
        assertThat(subjects("has:attachment")).containsExactly("Scan 2");
        assertThat(subjects("to:ada scan")).containsExactly("Scan 1");
        assertThat(subjects("from:scanner@")).containsExactly("Scan 2");
        assertThat(subjects("subject:\"scan 3\"")).containsExactly("Scan 3");
        assertThat(subjects("subject:example")).isEmpty();
        assertThat(subjects("\"")).isEmpty(); // a lone quote is the character, in none of these
        CliRun table = CliRun.of("sent-items", "--data", data.toString(), "--search", "has:attachment to:cy");
        assertThat(table.err()).contains("items 1-1 of 1 matching 'has:attachment to:cy'");
    }

    private List<String> subjects(String search) throws Exception {
        CliRun run = CliRun.of("sent-items", "--data", data.toString(), "--json", "--search", search);
        assertThat(run.exitCode()).isZero();
        return parse(run.outLines()).stream().map(i -> i.get("subject").asText()).toList();
    }

    @Test
    void limitAndOffsetPickOnePageOfTheMatches() throws Exception {
        CliRun run = CliRun.of("sent-items", "--data", data.toString(), "--json", "--search", "scan",
                "--offset", "1", "--limit", "1");

        assertThat(run.exitCode()).isZero();
        assertThat(parse(run.outLines())).extracting(i -> i.get("subject").asText()).containsExactly("Scan 2");
        CliRun table = CliRun.of("sent-items", "--data", data.toString(), "--mailbox", "printer@contoso.test",
                "--offset", "1");
        assertThat(table.outLines()).hasSize(2);
        assertThat(table.outLines().get(1)).contains("Scan 1");
        assertThat(table.err()).contains("items 2-2 of 2");
        assertThat(CliRun.of("sent-items", "--data", data.toString(), "--offset", "5").err()).contains("0 items of 3");
    }

    @Test
    void tokenIsPrintedOnceAndOnlyItsHashIsStored() {
        CliRun run = CliRun.of("token", "--data", data.toString(), "--mailbox", "printer@contoso.test");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(1);
        String token = run.outLines().get(0);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        try (Store store = Store.open(data)) {
            assertThat(store.mailboxes().hasToken("printer@contoso.test", PasswordHasher.hashToken(token))).isTrue();
            assertThat(store.mailboxes().hasToken("printer@contoso.test", token)).isFalse();
        }
    }

    @Test
    void tokenForAnUnknownMailboxIsAClearError() {
        CliRun run = CliRun.of("token", "--data", data.toString(), "--mailbox", "fax@contoso.test");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().contains("no mailbox fax@contoso.test");
    }

    private static void accept(Store store, String mailbox, Instant time, List<String> to, String subject,
                               String messageId) throws Exception {
        byte[] raw = raw(subject);
        SentItemDraft draft = new SentItemDraft(mailbox, time, mailbox, to, mailbox, "127.0.0.1", true, "S1", raw,
                subject, messageId, mailbox, true, to, time);
        SubmissionRecord record = new SubmissionRecord(time, "S1", mailbox, "127.0.0.1", mailbox, to, raw.length, true,
                "250 2.0.0 OK", messageId, null);
        store.commitAccepted(draft, record).get();
    }

    /** Scan 2 has a PDF attached; the others are plain text. */
    private static byte[] raw(String subject) {
        if (subject.equals("Scan 2")) {
            return ("Subject: Scan 2\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                    + "--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
                    + "--b\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\nContent-Disposition: attachment;"
                    + " filename=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return ("Subject: " + subject + "\r\n\r\nhello\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static List<JsonNode> parse(List<String> lines) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
