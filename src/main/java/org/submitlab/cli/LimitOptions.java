package org.submitlab.cli;

import org.submitlab.policy.Limits;
import picocli.CommandLine.Option;

/** The tenant-wide limits {@code serve} may set; a limit not given keeps its saved value. */
final class LimitOptions {

    @Option(names = "--concurrent-per-mailbox", paramLabel = "N",
            description = "Concurrent submissions per mailbox (1 to 1000; Exchange: 3).")
    Integer concurrentPerMailbox;

    @Option(names = "--recipients-per-day", paramLabel = "N",
            description = "Recipients per mailbox per sliding 24 hours (1 to 10000; Exchange: 10000).")
    Integer recipientsPerDay;

    @Option(names = "--messages-per-minute", paramLabel = "N",
            description = "Messages per mailbox per minute before delivery is delayed (1 to 100000; Exchange: 30).")
    Integer messagesPerMinute;

    @Option(names = "--recipients-per-message", paramLabel = "N",
            description = "Envelope recipients per message (1 to 1000; Exchange: 500).")
    Integer recipientsPerMessage;

    @Option(names = "--max-message-size", paramLabel = "BYTES",
            description = "Advertised and enforced SIZE (1024 to 157286400; Exchange: 157286400).")
    Long maxMessageSize;

    /** The limits with the given options applied; IllegalArgumentException with a clear message when out of range. */
    Limits applyTo(Limits limits) {
        Limits l = limits;
        if (concurrentPerMailbox != null) {
            l = l.withConcurrentPerMailbox(concurrentPerMailbox);
        }
        if (recipientsPerDay != null) {
            l = l.withRecipientsPerDay(recipientsPerDay);
        }
        if (messagesPerMinute != null) {
            l = l.withMessagesPerMinute(messagesPerMinute);
        }
        if (recipientsPerMessage != null) {
            l = l.withRecipientsPerMessage(recipientsPerMessage);
        }
        if (maxMessageSize != null) {
            l = l.withMaxMessageSize(maxMessageSize);
        }
        return l;
    }
}
