package org.submitlab.store;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Locale;

/**
 * What the write path pays per message for {@code attachments} (not a test): {@link MimeAttachments} over the
 * Sent Items fill's two kinds of message (plain text, a small PDF attached), a Jakarta Mail message with a
 * 2 MB attachment after its text, and an HTML-only one, each scanned many times on one thread.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.submitlab.store.MimeAttachmentsBenchmark
 * </pre>
 */
public final class MimeAttachmentsBenchmark {

    /** Keeps the JIT from dropping the scans. */
    static volatile boolean sink;

    private MimeAttachmentsBenchmark() {
    }

    public static void main(String[] args) {
        byte[] big = new byte[2 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        byte[] twoMb = MimeFixtures.write(MimeFixtures.message("scanner@contoso.test", "a@fabrikam.test", "Big"), m -> {
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(MimeFixtures.textPart("Scanned."));
            mixed.addBodyPart(MimeFixtures.filePart(big, "application/pdf", "big.pdf", Part.ATTACHMENT));
            mixed.addBodyPart(MimeFixtures.textPart("a trailing part, so the scan reads to the end"));
            m.setContent(mixed);
        });
        byte[] twoMbLast = MimeFixtures.write(MimeFixtures.message("scanner@contoso.test", "a@fabrikam.test", "Big"),
                m -> {
                    MimeMultipart mixed = new MimeMultipart("mixed");
                    MimeBodyPart inline = MimeFixtures.filePart(big, "image/png", null,
                            Part.INLINE);
                    mixed.addBodyPart(inline);
                    mixed.addBodyPart(MimeFixtures.filePart(MimeFixtures.PDF, "application/pdf", "last.pdf", null));
                    m.setContent(mixed);
                });
        List<byte[]> small = List.of(SentItemsFill.draft(0, 100).raw(), SentItemsFill.draft(3, 100).raw(),
                MimeFixtures.htmlOnly("a@contoso.test", "b@contoso.test", "Report", "<p>" + "x".repeat(2_000) + "</p>"));
        String[] names = {"fill, plain text", "fill, PDF attached", "HTML only, 2 KB"};
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < small.size(); k++) {
                run(names[k], small.get(k), 200_000);
            }
            run("2 MB attachment first (found at once)", twoMb, 200);
            run("2 MB inline image, then the attachment", twoMbLast, 200);
        }
    }

    private static void run(String what, byte[] raw, int times) {
        boolean any = false;
        long t0 = System.nanoTime();
        for (int i = 0; i < times; i++) {
            any ^= MimeAttachments.in(raw);
        }
        double micros = (System.nanoTime() - t0) / 1e3 / times;
        System.out.printf(Locale.ROOT, "%-42s %,9d bytes  %9.2f us/message  (%s)%n", what, raw.length, micros,
                MimeAttachments.in(raw) ? "attachment" : "none");
        sink = any;
    }
}
