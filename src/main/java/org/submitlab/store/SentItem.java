package org.submitlab.store;

import java.time.Instant;
import java.util.List;

/** A stored message as listed in Sent Items (without its raw MIME: see {@link SentItemsRepository#raw}). */
public record SentItem(long id, String mailbox, Instant time, String envelopeFrom, List<String> envelopeTo,
        String authenticatedAs, String clientAddress, boolean tls, String sessionId, long size,
        String subject, String messageId, String fromHeader) {

    public SentItem {
        envelopeTo = List.copyOf(envelopeTo);
    }
}
