package org.submitlab.store;

import java.time.Instant;

/** Recipients an accepted submission of {@code mailbox} used at {@code time} (feeds the 24-hour window). */
public record RecipientUse(String mailbox, Instant time, int recipients) {
}
