package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.store.MimeFixtures.PDF;
import static org.submitlab.store.MimeFixtures.alternative;
import static org.submitlab.store.MimeFixtures.filePart;
import static org.submitlab.store.MimeFixtures.htmlOnly;
import static org.submitlab.store.MimeFixtures.htmlPart;
import static org.submitlab.store.MimeFixtures.message;
import static org.submitlab.store.MimeFixtures.part;
import static org.submitlab.store.MimeFixtures.plain;
import static org.submitlab.store.MimeFixtures.textPart;
import static org.submitlab.store.MimeFixtures.withAttachment;
import static org.submitlab.store.MimeFixtures.write;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header scan finds attachments where the console's detail view (Jakarta Mail) lists named ones. */
class MimeAttachmentsTest {

    private static final String FROM = "scanner@contoso.test";
    private static final String TO = "helpdesk@contoso.test";

    @TempDir
    Path dir;

    @Test
    void aScanWithAPdfAttachedHasAnAttachment() {
        assertThat(MimeAttachments.in(withAttachment(FROM, TO, "Scan", "Your scan", "scan-0001.pdf"))).isTrue();
    }

    @Test
    void plainTextHtmlOnlyAndAlternativeMessagesHaveNone() {
        assertThat(MimeAttachments.in(plain(FROM, TO, "Plain", "-- \r\nsignature"))).isFalse();
        assertThat(MimeAttachments.in(htmlOnly(FROM, TO, "HTML", "<p>Toner <b>low</b></p>"))).isFalse();
        assertThat(MimeAttachments.in(alternative(FROM, TO, "Both", "Toner low"))).isFalse();
    }

    @Test
    void aNamedPartWithoutADispositionIsAnAttachmentAndANamelessInlineImageIsNot() {
        byte[] named = write(message(FROM, TO, "Report"), m -> {
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(textPart("see the report"));
            MimeBodyPart csv = new MimeBodyPart();
            csv.setContent("a,b\r\n1,2\r\n", "text/csv; name=\"report.csv\"");
            mixed.addBodyPart(csv);
            m.setContent(mixed);
        });
        byte[] embedded = write(message(FROM, TO, "Logo"), m -> {
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(htmlPart("<img src=\"cid:logo\">"));
            MimeBodyPart image = filePart(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png", null, Part.INLINE);
            image.setContentID("<logo>");
            related.addBodyPart(image);
            m.setContent(related);
        });
        assertThat(MimeAttachments.in(named)).isTrue();
        assertThat(MimeAttachments.in(embedded)).isFalse();
    }

    @Test
    void anAttachmentDeepInNestedMultipartsIsFound() {
        byte[] raw = write(message(FROM, TO, "Nested"), m -> {
            MimeMultipart alt = new MimeMultipart("alternative");
            alt.addBodyPart(textPart("text"));
            alt.addBodyPart(htmlPart("<p>html</p>"));
            MimeMultipart inner = new MimeMultipart("mixed");
            inner.addBodyPart(part(alt));
            inner.addBodyPart(filePart(PDF, "application/pdf", null, Part.ATTACHMENT));
            MimeMultipart outer = new MimeMultipart("mixed");
            outer.addBodyPart(part(inner));
            m.setContent(outer);
        });
        assertThat(MimeAttachments.in(raw)).isTrue();
    }

    @Test
    void aForwardedMessageIsAnAttachment() {
        byte[] inner = plain("a@fabrikam.test", TO, "Original", "hello");
        byte[] raw = write(message(FROM, TO, "Fwd: Original"), m -> {
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(textPart("see below"));
            MimeBodyPart forwarded = new MimeBodyPart();
            forwarded.setContent(new MimeMessage(MimeFixtures.SESSION, new ByteArrayInputStream(inner)), "message/rfc822");
            mixed.addBodyPart(forwarded);
            m.setContent(mixed);
        });
        assertThat(MimeAttachments.in(raw)).isTrue();
    }

    @Test
    void handWrittenHeadersFoldedRfc2231NamesLfLineEndsAndSinglePartFilesAreRead() {
        String folded = "From: a@x.test\nContent-Type: multipart/mixed;\n\tboundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain\n\nhi\n"
                + "--b1\nContent-Type: application/octet-stream\nContent-Disposition: inline;\n filename*=UTF-8''%E2%82%AC.bin\n\nxx\n"
                + "--b1--\n";
        String singlePart = "From: a@x.test\r\nContent-Type: application/pdf; name=scan.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n";
        String caseAndPadding = "content-type: MULTIPART/MIXED; BOUNDARY=\"=_x\"\r\n\r\npreamble\r\n--=_x  \r\n"
                + "CONTENT-DISPOSITION: ATTACHMENT\r\n\r\ndata\r\n--=_x--\r\n";
        assertThat(MimeAttachments.in(folded.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(MimeAttachments.in(singlePart.getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(MimeAttachments.in(caseAndPadding.getBytes(StandardCharsets.US_ASCII))).isTrue();
    }

    @Test
    void partsAfterTheCloseDelimiterAndLinesThatOnlyLookLikeBoundariesAreNotParts() {
        String raw = "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\n--bx\r\nContent-Disposition: attachment\r\n\r\n"
                + "--b--\r\n"
                + "--b\r\nContent-Disposition: attachment\r\n\r\nepilogue\r\n";
        String inBody = "Content-Type: text/plain\r\n\r\n--b\r\nContent-Disposition: attachment\r\n";
        assertThat(MimeAttachments.in(raw.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(MimeAttachments.in(inBody.getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void aSpooledBodyWithARewrittenHeadIsScannedFromItsFile() throws IOException {
        byte[] raw = withAttachment(FROM, TO, "Scan", "x".repeat(100_000), "big.pdf");
        Path file = Files.write(dir.resolve("body.eml"), raw);
        MessageBody spooled = MessageBody.spooled(file, raw.length);
        byte[] head = "From: \"Scanner\" <scanner@contoso.test>\r\n".getBytes(StandardCharsets.US_ASCII);
        int fromLine = new String(raw, StandardCharsets.US_ASCII).indexOf("\r\n") + 2;
        assertThat(spooled.hasAttachments()).isTrue();
        assertThat(spooled.withHead(head, fromLine).hasAttachments()).isTrue();
        Path plainFile = Files.write(dir.resolve("plain.eml"), plain(FROM, TO, "P", "x".repeat(100_000)));
        assertThat(MessageBody.spooled(plainFile, Files.size(plainFile)).hasAttachments()).isFalse();
    }

    /** Random trees of parts, written by Jakarta Mail: the scan agrees with a Jakarta Mail walk of the parts. */
    @Property
    void theScanAgreesWithJakartaMailOnRandomStructures(@ForAll("structures") Node tree) throws Exception {
        byte[] raw = write(message(FROM, TO, "random"), m -> {
            if (tree.children.isEmpty()) {
                tree.leaf(m);
            } else {
                m.setContent(tree.multipart());
            }
        });
        MimeMessage parsed = new MimeMessage(MimeFixtures.SESSION, new ByteArrayInputStream(raw));
        boolean expected = reference(parsed);
        assertThat(MimeAttachments.in(raw)).as(new String(raw, StandardCharsets.UTF_8)).isEqualTo(expected);
        Statistics.collect(expected ? "with" : "without");
    }

    /** The console's rule (MessageParser) for a named part, and an attached message. */
    private static boolean reference(Part p) throws MessagingException, IOException {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                if (reference(mp.getBodyPart(i))) {
                    return true;
                }
            }
            return false;
        }
        return Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || p.getFileName() != null
                || p.isMimeType("message/rfc822");
    }

    @Provide
    Arbitrary<Node> structures() {
        return node(3);
    }

    private Arbitrary<Node> node(int depth) {
        Arbitrary<Node> leaf = Combinators.combine(
                Arbitraries.of("text/plain", "text/html", "application/pdf", "image/png", "text/csv"),
                Arbitraries.of("", Part.ATTACHMENT, Part.INLINE),
                Arbitraries.of("", "scan.pdf", "r\u00e9sum\u00e9 final.pdf", "a;b=\"c\".txt"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60))
                .as((type, disposition, name, text) -> new Node(type, disposition, name, text, List.of()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Node> multi = Combinators.combine(
                Arbitraries.of("mixed", "alternative", "related"), node(depth - 1).list().ofMinSize(1).ofMaxSize(3))
                .as((sub, children) -> new Node("multipart/" + sub, "", "", "", children));
        return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(1, multi));
    }

    /** A part: a leaf (type, disposition or "" for none, file name or "", text) or a multipart. */
    record Node(String type, String disposition, String name, String text, List<Node> children) {

        MimeMultipart multipart() throws MessagingException {
            MimeMultipart mp = new MimeMultipart(type.substring("multipart/".length()));
            for (Node c : children) {
                if (c.children.isEmpty()) {
                    MimeBodyPart p = new MimeBodyPart();
                    c.leaf(p);
                    mp.addBodyPart(p);
                } else {
                    BodyPart p = part(c.multipart());
                    mp.addBodyPart(p);
                }
            }
            return mp;
        }

        void leaf(Part p) throws MessagingException {
            if (type.startsWith("text/")) {
                p.setContent(text, type + "; charset=UTF-8");
            } else {
                p.setDataHandler(new DataHandler(new ByteArrayDataSource(
                        text.getBytes(StandardCharsets.UTF_8), type)));
            }
            if (!name.isEmpty()) {
                p.setFileName(name);
            }
            if (!disposition.isEmpty()) {
                p.setDisposition(disposition);
            }
        }
    }
}
