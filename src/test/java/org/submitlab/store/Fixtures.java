package org.submitlab.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Drafts and records for store tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private Fixtures() {
    }

    static byte[] mime(String from, String subject) {
        return ("From: " + from + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject.hashCode() + "@test>\r\n"
                + "\r\nHello\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static SentItemDraft draft(String mailbox, Instant time, String subject, List<String> to) {
        return draft(mailbox, time, subject, to, true);
    }

    static SentItemDraft draft(String mailbox, Instant time, String subject, List<String> to, boolean inSentItems) {
        return new SentItemDraft(mailbox, time, mailbox, to, mailbox, "192.0.2.10", true, "s-" + time.toEpochMilli(),
                mime(mailbox, subject), subject, "<" + subject + "@test>", "Device <" + mailbox + ">",
                inSentItems, to, time);
    }

    static SubmissionRecord accepted(SentItemDraft d) {
        return new SubmissionRecord(d.time(), d.sessionId(), d.mailbox(), d.clientAddress(), d.envelopeFrom(),
                d.envelopeTo(), d.size(), true, "250 2.0.0 OK", d.messageId(), d.deliverAt());
    }

    static SubmissionRecord refused(String mailbox, Instant time, List<String> to) {
        return new SubmissionRecord(time, "s-r" + time.toEpochMilli(), mailbox, "192.0.2.10", mailbox, to, 100,
                false, "432 4.3.2 Concurrent connections limit exceeded.", null, null);
    }

    /** Commits an accepted message and waits for it. */
    /** Waits until the writer has brought the search index up to date (it does when idle, after a short quiet). */
    static void awaitIndexed(Store store) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> store.searchIndexBacklog() == 0);
    }

    static long commit(Store store, SentItemDraft d) {
        return store.commitAccepted(d, accepted(d)).join();
    }
}
