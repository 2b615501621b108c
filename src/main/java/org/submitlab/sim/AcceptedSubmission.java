package org.submitlab.sim;

import java.util.List;

/** A transaction the server accepted: which message, to which envelope recipients. */
public record AcceptedSubmission(String mailbox, String messageId, List<String> envelope) {

    public AcceptedSubmission {
        envelope = List.copyOf(envelope);
    }
}
