package org.submitlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One submission attempt and its outcome.
 *
 * @param mailbox    the authenticated mailbox, null if the client had not authenticated
 * @param reply      the exact reply line sent
 * @param messageId  the Message-ID header, null if unknown
 * @param deliverAt  when delivery is due, null unless accepted (later than {@code time}: delayed delivery)
 * @param fromRewrite  with the display-name replay switch on, the From field as the device wrote it and as
 *                     delivered, on two lines; null when the message kept its own
 */
public record SubmissionRecord(Instant time, String sessionId, String mailbox,
        String clientAddress, String envelopeFrom, List<String> envelopeTo, long size, boolean accepted,
        String reply, String messageId, Instant deliverAt, String fromRewrite) {

    public SubmissionRecord(Instant time, String sessionId, String mailbox, String clientAddress, String envelopeFrom,
            List<String> envelopeTo, long size, boolean accepted, String reply, String messageId, Instant deliverAt) {
        this(time, sessionId, mailbox, clientAddress, envelopeFrom, envelopeTo, size, accepted, reply, messageId,
                deliverAt, null);
    }

    public SubmissionRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(reply, "reply");
        envelopeTo = envelopeTo == null ? List.of() : List.copyOf(envelopeTo);
    }
}
