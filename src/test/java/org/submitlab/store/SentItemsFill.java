package org.submitlab.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Fills a data folder with Sent Items through the store's own write path ({@link Store#commitAccepted}, the
 * writer's group commit, the same transaction a 250 waits for): {@code mailboxes} mailboxes, messages round
 * robin, one minute apart in lab time. Subjects, senders and recipients are varied so searches hit common,
 * rare and absent terms (see {@link SentItemsScaleBenchmark}); one message in seven has a small PDF attached.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.submitlab.store.SentItemsFill DIR 1000400 100
 * </pre>
 */
public final class SentItemsFill {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** Recipients come from a pool this size: one of them is a "rare" term (about 1 message in 1,000). */
    static final int RECIPIENTS = 1_000;

    private SentItemsFill() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long messages = Long.parseLong(args[1]);
        int mailboxes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        long t0 = System.nanoTime();
        try (Store store = Store.open(dir)) {
            fill(store, 0, messages, mailboxes);
        }
        System.out.printf(Locale.ROOT, "filled %,d messages in %.1f s%n", messages, (System.nanoTime() - t0) / 1e9);
    }

    static String mailbox(int n) {
        return String.format(Locale.ROOT, "device%03d@contoso.test", n);
    }

    /** Message {@code i} of the fill: every field derives from {@code i}, so a benchmark knows what matches. */
    static SentItemDraft draft(long i, int mailboxes) {
        String mailbox = mailbox((int) (i % mailboxes));
        Instant time = START.plusSeconds(60 * i);
        String subject = String.format(Locale.ROOT, "Scan %07d from %s page %d", i, kind(i), i % 7 + 1);
        String to = String.format(Locale.ROOT, "user%04d@fabrikam.test", i * 7919 % RECIPIENTS);
        String from = "\"Device " + (i % mailboxes) + "\" <" + mailbox + ">";
        String head = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <m" + i
                + "@contoso.test>\r\n";
        byte[] raw = (hasAttachment(i)
                ? head + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"=_b" + i + "\"\r\n\r\n"
                        + "--=_b" + i + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nScanned document attached.\r\n"
                        + "--=_b" + i + "\r\nContent-Type: application/pdf; name=\"scan" + i + ".pdf\"\r\n"
                        + "Content-Disposition: attachment; filename=\"scan" + i + ".pdf\"\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJSBzY2FuCiUlRU9GCg==\r\n--=_b" + i + "--\r\n"
                : head + "\r\nScanned document attached.\r\n").getBytes(StandardCharsets.US_ASCII);
        return new SentItemDraft(mailbox, time, mailbox, List.of(to), mailbox, "192.0.2.10", true, "s" + i, raw,
                subject, "<m" + i + "@contoso.test>", from, true, List.of(to), time);
    }

    /** One message in seven (i % 7 == 3, so exactly those on "page 4") has a PDF attached. */
    static boolean hasAttachment(long i) {
        return i % 7 == 3;
    }

    private static String kind(long i) {
        return switch ((int) (i % 4)) {
            case 0 -> "Printer";
            case 1 -> "Scanner";
            case 2 -> "Copier";
            default -> "Fax";
        };
    }

    /** Commits messages {@code from} (inclusive) to {@code to} (exclusive); waits for the last commit. */
    static void fill(Store store, long from, long to, int mailboxes) {
        List<CompletableFuture<Long>> window = new ArrayList<>();
        long t0 = System.nanoTime();
        for (long i = from; i < to; i++) {
            SentItemDraft d = draft(i, mailboxes);
            SubmissionRecord r = new SubmissionRecord(d.time(), d.sessionId(), d.mailbox(), d.clientAddress(),
                    d.envelopeFrom(), d.envelopeTo(), d.size(), true, "250 2.0.0 OK", d.messageId(), d.deliverAt());
            window.add(store.commitAccepted(d, r));
            if (window.size() == 4_096) {
                window.forEach(CompletableFuture::join);
                window.clear();
            }
            if ((i + 1) % 100_000 == 0) {
                System.out.printf(Locale.ROOT, "  %,d stored (%.0f s)%n", i + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
        window.forEach(CompletableFuture::join);
    }
}
