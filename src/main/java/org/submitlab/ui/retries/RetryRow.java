package org.submitlab.ui.retries;

import java.time.Instant;

/** A retry a device has queued: when it will try again, and what the server said last time. */
public record RetryRow(String device, String mailbox, String message, int attempt, Instant nextAttemptAt,
        String lastReply) {
}
