package org.submitlab.store;

import java.time.Instant;

/** One copy of stored message {@code messageId} for {@code recipient}, due at {@code deliverAt}. */
public record Delivery(long messageId, String recipient, Instant deliverAt) {
}
