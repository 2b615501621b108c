package org.submitlab.server;

import java.util.ArrayList;
import java.util.List;

/** A mail transaction in progress: from an accepted MAIL FROM to the reply at the end of DATA. */
final class Transaction {

    /** How far it got, for the log when it is abandoned. */
    enum Phase { MAIL, RCPT, DATA }

    final String envelopeFrom;
    final List<String> recipients = new ArrayList<>();
    /** Whether this transaction holds its own concurrency slot (not counting whole-connection slots). */
    boolean holdsTransactionSlot;
    /** Found the limit in flight at MAIL FROM and asks again at its end of DATA (the end-of-DATA slot model). */
    boolean decidedAtEnd;
    Phase phase = Phase.MAIL;
    long bytesReceived;

    Transaction(String envelopeFrom) {
        this.envelopeFrom = envelopeFrom;
    }
}
