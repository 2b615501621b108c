package org.submitlab.ui.sentitems;

import java.time.Instant;
import java.util.List;

/** One message in the Sent Items table: the envelope and the few headers the list shows. */
public record SentItemRow(long id, String mailbox, Instant time, String envelopeFrom, List<String> envelopeTo,
        String subject, long size, String sessionId, String clientAddress, String messageId) {

    public SentItemRow {
        envelopeTo = List.copyOf(envelopeTo);
        subject = subject == null ? "" : subject;
    }

    public String recipientsText() {
        if (envelopeTo.size() <= 2) {
            return String.join(", ", envelopeTo);
        }
        return envelopeTo.get(0) + ", " + envelopeTo.get(1) + " +" + (envelopeTo.size() - 2);
    }
}
