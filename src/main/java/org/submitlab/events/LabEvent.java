package org.submitlab.events;

import java.time.Instant;

/**
 * Something that happened at the submission endpoint. Immutable; published from SMTP threads
 * through {@link EventBus} and read by the console, reports and tests.
 * {@code mailbox} is the authenticated mailbox, or null before AUTH succeeded.
 */
public sealed interface LabEvent {

    Instant time();

    String sessionId();

    record ConnectionOpened(Instant time, String sessionId, String clientAddress) implements LabEvent {
    }

    record ConnectionClosed(Instant time, String sessionId, String clientAddress, String mailbox) implements LabEvent {
    }

    record TlsStarted(Instant time, String sessionId, String protocol, String cipherSuite) implements LabEvent {
    }

    /** An AUTH attempt; {@code user} is the login name given, whether or not it exists. */
    record AuthAttempted(Instant time, String sessionId, String user, String mechanism, boolean success, String reply)
            implements LabEvent {
    }

    /** MAIL FROM accepted for an authenticated mailbox. */
    record TransactionStarted(Instant time, String sessionId, String mailbox, String envelopeFrom) implements LabEvent {
    }

    /** A concurrency slot was taken ({@code granted}) or not; {@code inUse} counts after the change. */
    record SlotRequested(Instant time, String sessionId, String mailbox, boolean granted, int inUse, int limit)
            implements LabEvent {
    }

    record SlotReleased(Instant time, String sessionId, String mailbox, int inUse, int limit) implements LabEvent {
    }

    record SubmissionAccepted(Instant time, String sessionId, String mailbox, String envelopeFrom, int recipients,
            long size, String messageId, long sentItemId, String reply) implements LabEvent {
    }

    /** A submission refused at any phase; {@code phase} is MAIL, RCPT or DATA (end of DATA). */
    record SubmissionRefused(Instant time, String sessionId, String mailbox, String envelopeFrom, int recipients,
            long size, String phase, String reply) implements LabEvent {
    }

    /** An accepted message over the per-minute rate whose delivery waits until {@code deliverAt}. */
    record DeliveryScheduled(Instant time, String sessionId, String mailbox, String messageId, Instant deliverAt)
            implements LabEvent {
    }

    /** One line of the SMTP conversation, passwords and tokens masked. */
    record TranscriptLine(Instant time, String sessionId, boolean fromClient, String line) implements LabEvent {
    }
}
