package org.submitlab.sim;

import java.util.List;
import java.util.Objects;
import org.submitlab.policy.EndpointKind;

/**
 * A transaction the server accepted: which message, to which envelope recipients, through which endpoint
 * (High Volume Email keeps no Sent Items copy).
 */
public record AcceptedSubmission(String mailbox, String messageId, List<String> envelope, EndpointKind endpoint) {

    /** One through the standard endpoint (or read from Sent Items, where the endpoint does not matter). */
    public AcceptedSubmission(String mailbox, String messageId, List<String> envelope) {
        this(mailbox, messageId, envelope, EndpointKind.STANDARD);
    }

    public AcceptedSubmission {
        envelope = List.copyOf(envelope);
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
