package org.submitlab.ui.sentitems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageParserTest {

    private static final String MULTIPART = String.join("\r\n",
            "From: Printer 3rd floor <printer@contoso.test>",
            "To: alice@fabrikam.test, Bob <bob@fabrikam.test>",
            "Cc: carol@fabrikam.test",
            "Subject: =?UTF-8?Q?Scan_=C3=A4?=",
            "Date: Sun, 26 Jan 2025 09:00:00 +0000",
            "Message-ID: <scan-1@contoso.test>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=\"inner\"",
            "",
            "--inner",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "Your scan is attached.",
            "--inner",
            "Content-Type: text/html; charset=UTF-8",
            "",
            "<p>Your scan is attached.</p>",
            "--inner--",
            "--outer",
            "Content-Type: application/pdf; name=\"scan.pdf\"",
            "Content-Disposition: attachment; filename=\"scan.pdf\"",
            "Content-Transfer-Encoding: base64",
            "",
            "JVBERi0xLjQK",
            "--outer--",
            "");

    @Test
    void takesAMultipartMessageApart() {
        MessageDetails d = MessageParser.parse(MULTIPART.getBytes(StandardCharsets.UTF_8));

        assertThat(d.subject()).isEqualTo("Scan \u00e4");
        assertThat(d.from()).isEqualTo("Printer 3rd floor <printer@contoso.test>");
        assertThat(d.headerRecipients()).containsExactly("alice@fabrikam.test", "Bob <bob@fabrikam.test>",
                "carol@fabrikam.test");
        assertThat(d.text()).contains("Your scan is attached.");
        assertThat(d.html()).contains("<p>Your scan is attached.</p>");
        assertThat(d.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("scan.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(new String(a.data(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
        });
        assertThat(d.headers()).extracting(MessageDetails.Header::name).contains("Message-ID", "Subject");
        assertThat(d.raw()).startsWith("From: Printer");
        assertThat(d.rawTruncated()).isFalse();
    }

    @Test
    void aPlainMessageHasTextOnly() {
        MessageDetails d = MessageParser.parse("Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(d.text()).startsWith("hello");
        assertThat(d.html()).isEmpty();
        assertThat(d.attachments()).isEmpty();
        assertThat(d.to()).isEmpty();
    }

    @Test
    void aScansRawSourceIsCutForDisplayButTheAttachmentIsWhole() {
        byte[] pdf = new byte[300_000];
        java.util.Arrays.fill(pdf, (byte) 'x');
        String message = String.join("\r\n",
                "Subject: Scanned document from mfp-03",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "scan attached",
                "--b",
                "Content-Type: application/pdf; name=scan.pdf",
                "Content-Disposition: attachment; filename=scan.pdf",
                "Content-Transfer-Encoding: base64",
                "",
                java.util.Base64.getMimeEncoder().encodeToString(pdf),
                "--b--",
                "");

        MessageDetails d = MessageParser.parse(message.getBytes(StandardCharsets.US_ASCII));

        assertThat(d.rawTruncated()).isTrue();
        assertThat(d.raw()).startsWith("Subject: Scanned document from mfp-03").hasSize(MessageParser.RAW_DISPLAY_LIMIT);
        assertThat(d.attachments()).singleElement().satisfies(a -> assertThat(a.size()).isEqualTo(300_000));
    }

    @Test
    void exportFileNameIsSafeAndUnique() {
        SentItemRow row = new SentItemRow(42, "m@x.test", Instant.EPOCH, "m@x.test", List.of("a@b.test"),
                "Invoice 1/2: \"final\"", 10, "s", "127.0.0.1", "<invoice-1@x.test>");

        assertThat(MessageParser.emlFileName(row)).isEqualTo("Invoice 1_2_ _final_ (42).eml");
    }
}
