package org.submitlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An accepted message. Stored once (raw MIME as received, from memory or a spool file); listed in Sent
 * Items only when {@code inSentItems}; one delivery row per address in {@code deliverTo} (normally the
 * envelope recipients), due at {@code deliverAt}. The addresses in {@code external} are outside the tenant
 * (they count against its external recipient limit); when {@code externalFailure} is given, their deliveries
 * fail with that reply (a non-delivery report, e.g. 5.7.233) and are kept as failed.
 */
public record SentItemDraft(String mailbox, Instant time, String envelopeFrom, List<String> envelopeTo,
        String authenticatedAs, String clientAddress, boolean tls, String sessionId, MessageBody body,
        String subject, String messageId, String fromHeader,
        boolean inSentItems, List<String> deliverTo, Instant deliverAt, Set<String> external,
        String externalFailure) {

    /** A draft whose recipients are all delivered (none counted as external). */
    public SentItemDraft(String mailbox, Instant time, String envelopeFrom, List<String> envelopeTo,
            String authenticatedAs, String clientAddress, boolean tls, String sessionId, MessageBody body,
            String subject, String messageId, String fromHeader,
            boolean inSentItems, List<String> deliverTo, Instant deliverAt) {
        this(mailbox, time, envelopeFrom, envelopeTo, authenticatedAs, clientAddress, tls, sessionId, body, subject,
                messageId, fromHeader, inSentItems, deliverTo, deliverAt, Set.of(), null);
    }

    public SentItemDraft {
        external = external == null ? Set.of() : Set.copyOf(external);
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(body, "body");
        envelopeFrom = envelopeFrom == null ? "" : envelopeFrom;
        envelopeTo = envelopeTo == null ? List.of() : List.copyOf(envelopeTo);
        deliverTo = deliverTo == null ? List.of() : List.copyOf(deliverTo);
        if (!deliverTo.isEmpty() && deliverAt == null) {
            throw new IllegalArgumentException("deliverAt is required when there are recipients to deliver to");
        }
    }

    /** A draft of a message held in memory. */
    public SentItemDraft(String mailbox, Instant time, String envelopeFrom, List<String> envelopeTo,
            String authenticatedAs, String clientAddress, boolean tls, String sessionId, byte[] raw,
            String subject, String messageId, String fromHeader,
            boolean inSentItems, List<String> deliverTo, Instant deliverAt) {
        this(mailbox, time, envelopeFrom, envelopeTo, authenticatedAs, clientAddress, tls, sessionId,
                MessageBody.of(Objects.requireNonNull(raw, "raw")), subject, messageId, fromHeader, inSentItems,
                deliverTo, deliverAt);
    }

    /** The message's bytes (read from its spool file if it has one). */
    public byte[] raw() {
        return body.bytesUnchecked();
    }

    public long size() {
        return body.size();
    }
}
