package org.submitlab.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Which submissions a message trace looks at; every filter is optional.
 *
 * @param sender     the authenticated mailbox or the envelope sender (case-insensitive)
 * @param recipient  an envelope recipient, or a header recipient that got a delivery
 * @param messageId  the Message-ID header, with or without its angle brackets
 * @param accepted   only accepted (true) or only refused (false) submissions
 * @param limit      at most this many submissions: the newest that match
 */
public record TraceQuery(Optional<String> sender, Optional<String> recipient, Optional<String> messageId,
        Optional<Instant> since, Optional<Instant> until, Optional<Boolean> accepted, int limit) {

    public static final int DEFAULT_LIMIT = 500;

    public TraceQuery {
        sender = trimmed(sender);
        recipient = trimmed(recipient);
        messageId = trimmed(messageId).map(m -> m.startsWith("<") && m.endsWith(">") ? m.substring(1, m.length() - 1) : m);
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, was " + limit);
        }
    }

    public static TraceQuery all() {
        return new TraceQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_LIMIT);
    }

    private static Optional<String> trimmed(Optional<String> s) {
        return s.map(String::trim).filter(x -> !x.isEmpty());
    }
}
