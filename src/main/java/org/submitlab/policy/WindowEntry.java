package org.submitlab.policy;

import java.time.Instant;

/** Recipients counted against a mailbox's 24-hour window at {@code time}. */
public record WindowEntry(Instant time, int recipients) {
}
