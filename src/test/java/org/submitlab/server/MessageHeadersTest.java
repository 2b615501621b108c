package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageHeadersTest {

    @Test
    void readsTheFieldsTheServerNeeds() {
        String raw = "From: \"Printer, 2nd floor\" <Printer@Contoso.test>\r\n"
                + "To: a@fabrikam.test,\r\n b@fabrikam.test\r\nCc: C <c@fabrikam.test>\r\n"
                + "Subject: =?UTF-8?Q?Scan_=C3=A9t=C3=A9?=\r\nMessage-ID: <id-1@printer.test>\r\n\r\n"
                + "To: not-a-header@fabrikam.test\r\n";
        MessageHeaders h = MessageHeaders.parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(h.fromAddress()).contains("printer@contoso.test");
        assertThat(h.subject()).contains("Scan été");
        assertThat(h.messageId()).contains("<id-1@printer.test>");
        assertThat(h.toAndCc()).containsExactly("a@fabrikam.test", "b@fabrikam.test", "c@fabrikam.test");
    }

    @Test
    void missingFieldsAreEmpty() {
        MessageHeaders h = MessageHeaders.parse("\r\nbody only".getBytes(StandardCharsets.UTF_8));
        assertThat(h.fromAddress()).isEmpty();
        assertThat(h.messageId()).isEmpty();
        assertThat(h.toAndCc()).isEmpty();
    }

    @Test
    void namesMatchInAnyCaseAndTheFirstSingleFieldWins() {
        String raw = "SUBJECT: first\r\nfrom: <One@Contoso.test>\r\nSubject: second\r\nFROM: two@contoso.test\r\n"
                + "message-ID:   <m@x>  \r\nto: a@x.test\r\nCC: b@x.test, c@x.test\r\nTo: d@x.test\r\n\r\n";
        MessageHeaders h = MessageHeaders.parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(h.subject()).contains("first");
        assertThat(h.from()).contains("<One@Contoso.test>");
        assertThat(h.fromAddress()).contains("one@contoso.test");
        assertThat(h.messageId()).contains("<m@x>");
        assertThat(h.toAndCc()).containsExactly("a@x.test", "b@x.test", "c@x.test", "d@x.test");
    }

    @Test
    void continuationLinesBelongToTheirFieldEvenWhenTheyLookLikeFields() {
        String raw = "X-Note: skipped\r\n To: hidden@x.test\r\nSubject: a\r\n\tfolded  \r\n  twice\r\n"
                + "To: shown@x.test\r\n\r\n";
        MessageHeaders h = MessageHeaders.parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(h.subject()).contains("a folded twice");
        assertThat(h.toAndCc()).containsExactly("shown@x.test");
    }

    @Test
    void bareLfLinesAndAMissingBodyAreRead() {
        MessageHeaders h = MessageHeaders.parse("From: a@x.test\nSubject: lf only".getBytes(StandardCharsets.UTF_8));
        assertThat(h.fromAddress()).contains("a@x.test");
        assertThat(h.subject()).contains("lf only");
    }

    @Test
    void parsingMatchesTheLineByLineReading() {
        String[] parts = {"From", "from", "To", "tO", "Cc", "Subject", "Message-ID", "X-Other", " ", "\t", ":", ": ",
            "\r\n", "\n", "\r", "a@x.test", "<b@y.test>", "Name <C@Z.test>", ",", "=?UTF-8?Q?=C3=A9?=", "\u00e9", ""};
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(24);
            for (int i = 0; i < n; i++) {
                sb.append(parts[random.nextInt(parts.length)]);
            }
            byte[] raw = sb.toString().getBytes(StandardCharsets.UTF_8);
            MessageHeaders h = MessageHeaders.parse(raw);
            Reference r = Reference.parse(raw);
            assertThat(h.subject()).as(sb.toString()).isEqualTo(r.subject);
            assertThat(h.messageId()).as(sb.toString()).isEqualTo(r.messageId);
            assertThat(h.from()).as(sb.toString()).isEqualTo(r.from);
            assertThat(h.fromAddress()).as(sb.toString()).isEqualTo(r.fromAddress);
            assertThat(h.toAndCc()).as(sb.toString()).isEqualTo(r.toAndCc);
        }
    }

    @Test
    void aFromOnlyJakartaMailReadsAfterCrCrLfIsStillAnAuthor() {
        // Python's email package ends the header at the CR; Jakarta Mail reads CR CR LF as one line end.
        MessageHeaders h = MessageHeaders.parse("From: a@x.test\r\r\nSender: ceo@x.test\r\n\r\nbody"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(h.authors()).containsExactly("a@x.test", "ceo@x.test");
    }

    @Test
    void aSectionEndingWithinTheLimitIsComplete() {
        assertThat(MessageHeaders.parse("From: a@x.test\r\n\r\nbody".getBytes(StandardCharsets.UTF_8)).complete())
                .isTrue();
        assertThat(MessageHeaders.parse("From: a@x.test\rSubject: s\r\rbody".getBytes(StandardCharsets.UTF_8))
                .complete()).isTrue();
        assertThat(MessageHeaders.parse("From: a@x.test".getBytes(StandardCharsets.UTF_8)).complete()).isTrue();
    }

    @Test
    void aSectionNotEndingWithinTheLimitIsIncompleteAndItsLaterFieldsUnread() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() <= MessageHeaders.MAX_HEADER_BYTES) {
            sb.append("X-Pad: ").append("p".repeat(60)).append("\r\n");
        }
        sb.append("From: ceo@x.test\r\n\r\nbody");
        MessageHeaders h = MessageHeaders.parse(sb.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(h.complete()).isFalse();
        assertThat(h.authors()).isEmpty();
    }

    @Test
    void aHeadCutShortOfTheMessageIsIncompleteWithoutAnEmptyLine() {
        byte[] head = "From: a@x.test\r\nX-Long: ".getBytes(StandardCharsets.UTF_8);
        assertThat(MessageHeaders.parse(head, MessageHeaders.MAX_HEADER_BYTES + 1L).complete()).isFalse();
    }

    @Test
    void theAuthorsIncludeEveryAddressJakartaMailShowsAsFromOrSender() throws Exception {
        String[] parts = {"From", "Sender", "To", "Subject", "X-Other", " ", "\t", ":", ": ", "\r\n", "\n", "\r",
            "a@x.test", "<b@y.test>", "Name <C@Z.test>", ",", "\"q, r\" <d@w.test>", ""};
        Random random = new Random(23);
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
        int compared = 0;
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(20);
            for (int i = 0; i < n; i++) {
                sb.append(parts[random.nextInt(parts.length)]);
            }
            byte[] raw = sb.toString().getBytes(StandardCharsets.UTF_8);
            List<String> shown = new ArrayList<>();
            try {
                jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(session,
                        new java.io.ByteArrayInputStream(raw));
                for (String name : List.of("From", "Sender")) {
                    String[] values = m.getHeader(name);
                    if (values != null) {
                        for (String v : values) {
                            InternetAddress.parseHeader(v, false); // throws for what a reader cannot show
                        }
                    }
                }
                if (m.getFrom() != null) {
                    java.util.Arrays.stream(m.getFrom()).forEach(a -> shown.add(a.toString()));
                }
                if (m.getSender() != null) {
                    shown.add(m.getSender().toString());
                }
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                continue; // Jakarta cannot read it at all
            }
            compared++;
            List<String> authors = MessageHeaders.parse(raw).authors();
            for (String a : shown) {
                InternetAddress address = new InternetAddress(a, false);
                if (address.getAddress() != null && address.getAddress().contains("@")) {
                    assertThat(authors).as(sb.toString()).contains(address.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(compared).isGreaterThan(400);
    }

    /**
     * The straightforward reading the parser must match: split into lines as Jakarta Mail (the console)
     * does, at CR CR LF, CRLF, CR or LF, unfold, map of lower-cased names.
     */
    private record Reference(Optional<String> subject, Optional<String> messageId, Optional<String> from,
            Optional<String> fromAddress, List<String> toAndCc) {

        static Reference parse(byte[] raw) {
            String head = new String(raw, 0, Math.min(raw.length, 256 * 1024), StandardCharsets.UTF_8);
            List<String> fields = new ArrayList<>();
            StringBuilder current = null;
            for (String line : head.split("\r\r\n|\r\n|\r|\n", -1)) {
                if (line.isEmpty()) {
                    break;
                }
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                    current.append(' ').append(line.trim());
                } else {
                    if (current != null) {
                        fields.add(current.toString());
                    }
                    current = new StringBuilder(line);
                }
            }
            if (current != null) {
                fields.add(current.toString());
            }
            Map<String, String> byName = new LinkedHashMap<>();
            List<String> recipients = new ArrayList<>();
            for (String field : fields) {
                int colon = field.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = field.substring(colon + 1).trim();
                byName.putIfAbsent(name, value);
                if (name.equals("to") || name.equals("cc")) {
                    recipients.addAll(addresses(value));
                }
            }
            Optional<String> from = Optional.ofNullable(byName.get("from"));
            return new Reference(Optional.ofNullable(byName.get("subject")).map(Reference::decode),
                    Optional.ofNullable(byName.get("message-id")).filter(s -> !s.isBlank()), from,
                    from.flatMap(v -> addresses(v).stream().findFirst()), List.copyOf(recipients));
        }

        private static List<String> addresses(String value) {
            try {
                List<String> out = new ArrayList<>();
                for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                    if (a.getAddress() != null && !a.getAddress().isBlank()) {
                        out.add(a.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
                return out;
            } catch (AddressException e) {
                return List.of();
            }
        }

        private static String decode(String text) {
            try {
                return jakarta.mail.internet.MimeUtility.decodeText(text);
            } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
                return text;
            }
        }
    }
}
