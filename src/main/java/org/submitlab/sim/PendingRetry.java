package org.submitlab.sim;

import java.time.Instant;

/**
 * A message waiting to be tried again.
 *
 * @param message        the message's label, e.g. "mfp-03 #7"
 * @param attempt        the number the next attempt will have (2 for the first retry)
 * @param nextAttemptAt  when, on the lab clock
 * @param lastReply      the reply that refused the last attempt
 */
public record PendingRetry(String device, String mailbox, String message, String messageId, int attempt,
        Instant nextAttemptAt, String lastReply) {
}
