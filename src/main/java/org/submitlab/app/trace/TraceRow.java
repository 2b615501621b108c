package org.submitlab.app.trace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of a message trace: a submission attempt (accepted or refused), one delivery of an accepted
 * message (delivered, or delayed by the message rate), or, in a run that ended, a message its device never
 * got accepted (lost). A failed delivery (the non-delivery report of the tenant external recipient limit) has
 * the report's reply as its reply.
 *
 * @param recipient  the delivery's recipient (deliveries only)
 * @param reason     why a delivery was delayed or happened at all (header recipients), or why a message was lost
 */
public record TraceRow(Kind kind, Status status, Instant time, String mailbox, String client, String sessionId,
        String envelopeFrom, List<String> envelopeTo, String messageId, String reply, Optional<String> recipient,
        Optional<Instant> deliverAt, Optional<String> reason, long size) {

    public enum Kind { SUBMISSION, DELIVERY, LOST }

    /** The values of {@code trace --status}, as scripts write them. */
    public enum Status {
        ACCEPTED, REFUSED, DELIVERED, DELAYED, FAILED, LOST;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status of(String text) {
            for (Status s : values()) {
                if (s.key().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("the status must be accepted, refused, delivered, delayed, failed or lost, was '"
                    + text + "'");
        }
    }

    public TraceRow {
        envelopeTo = List.copyOf(envelopeTo);
    }
}
