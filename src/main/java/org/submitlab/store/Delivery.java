package org.submitlab.store;

import java.time.Instant;

/**
 * One copy of stored message {@code messageId} for {@code recipient}, due at {@code deliverAt}; {@code failure} is
 * the non-delivery report's reply when it failed (e.g. the tenant external recipient limit), else null.
 */
public record Delivery(long messageId, String recipient, Instant deliverAt, String failure) {

    public Delivery(long messageId, String recipient, Instant deliverAt) {
        this(messageId, recipient, deliverAt, null);
    }

    public boolean failed() {
        return failure != null;
    }
}
