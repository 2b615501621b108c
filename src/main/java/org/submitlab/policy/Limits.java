package org.submitlab.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Every limit of the endpoint, tenant-wide. Mailboxes may override some of them.
 *
 * @param concurrentPerMailbox   transactions (or connections, see {@code countWholeConnections}) in flight per mailbox
 * @param countWholeConnections  count whole authenticated connections instead of transactions
 * @param recipientsPerDay       envelope recipients per mailbox per sliding 24 hours
 * @param messagesPerMinute      messages per mailbox per minute
 * @param rejectOverRate         refuse messages over the rate (older behaviour) instead of delaying delivery
 * @param recipientsPerMessage   envelope recipients per message
 * @param maxMessageSize         the advertised SIZE, enforced while the body streams in
 * @param sendLimitBytes         the mailbox send limit, checked at the end of DATA
 * @param quotaBytes             the mailbox quota that Sent Items copies count against
 * @param throttleAfterErrors    consecutive refusals of one kind before the sender is throttled
 * @param throttleFor            how long a throttled sender is refused
 * @param lockoutAfterFailures   consecutive failed logins before the account is locked
 * @param lockoutFor             how long a locked account stays locked
 * @param idleTimeout            an idle connection is closed after this long (real time)
 * @param connections            what one client may take: connections, per address, and deadlines (real time)
 */
public record Limits(
        int concurrentPerMailbox,
        boolean countWholeConnections,
        int recipientsPerDay,
        int messagesPerMinute,
        boolean rejectOverRate,
        int recipientsPerMessage,
        long maxMessageSize,
        long sendLimitBytes,
        long quotaBytes,
        int throttleAfterErrors,
        Duration throttleFor,
        int lockoutAfterFailures,
        Duration lockoutFor,
        Duration idleTimeout,
        ConnectionLimits connections) {

    public static final long MB = 1024L * 1024L;
    public static final long GB = 1024L * MB;

    public static Limits defaults() {
        return new Limits(3, false, 10_000, 30, false, 500, 157_286_400L, 35 * MB, 50 * GB,
                10, Duration.ofMinutes(15), 5, Duration.ofMinutes(15), Duration.ofMinutes(10), ConnectionLimits.defaults());
    }

    public Limits {
        requireRange("concurrent submissions per mailbox", concurrentPerMailbox, 1, 1_000);
        requireRange("recipients per day", recipientsPerDay, 1, 10_000);
        requireRange("messages per minute", messagesPerMinute, 1, 100_000);
        requireRange("recipients per message", recipientsPerMessage, 1, 1_000);
        requireRange("maximum message size", maxMessageSize, 1_024, 157_286_400L);
        requireRange("mailbox send limit", sendLimitBytes, 1, 150 * MB);
        requireRange("mailbox quota", quotaBytes, 1, 100 * GB);
        requireRange("errors before throttling", throttleAfterErrors, 1, 1_000);
        requireRange("failed logins before lockout", lockoutAfterFailures, 1, 1_000);
        requirePositive("throttling period", throttleFor);
        requirePositive("lockout period", lockoutFor);
        requirePositive("idle timeout", idleTimeout);
        Objects.requireNonNull(connections, "connections");
    }

    public Limits withConcurrentPerMailbox(int n) {
        return new Limits(n, countWholeConnections, recipientsPerDay, messagesPerMinute, rejectOverRate,
                recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors, throttleFor,
                lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withCountWholeConnections(boolean b) {
        return new Limits(concurrentPerMailbox, b, recipientsPerDay, messagesPerMinute, rejectOverRate,
                recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors, throttleFor,
                lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withRecipientsPerDay(int n) {
        return new Limits(concurrentPerMailbox, countWholeConnections, n, messagesPerMinute, rejectOverRate,
                recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors, throttleFor,
                lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withMessagesPerMinute(int n) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, n, rejectOverRate,
                recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors, throttleFor,
                lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withRejectOverRate(boolean b) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute, b,
                recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors, throttleFor,
                lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withRecipientsPerMessage(int n) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute,
                rejectOverRate, n, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors, throttleFor,
                lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withMaxMessageSize(long n) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute,
                rejectOverRate, recipientsPerMessage, n, sendLimitBytes, quotaBytes, throttleAfterErrors, throttleFor,
                lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withSendLimitBytes(long n) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute,
                rejectOverRate, recipientsPerMessage, maxMessageSize, n, quotaBytes, throttleAfterErrors, throttleFor,
                lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withQuotaBytes(long n) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute,
                rejectOverRate, recipientsPerMessage, maxMessageSize, sendLimitBytes, n, throttleAfterErrors,
                throttleFor, lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withThrottling(int afterErrors, Duration period) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute,
                rejectOverRate, recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, afterErrors, period,
                lockoutAfterFailures, lockoutFor, idleTimeout, connections);
    }

    public Limits withLockout(int afterFailures, Duration period) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute,
                rejectOverRate, recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors,
                throttleFor, afterFailures, period, idleTimeout, connections);
    }

    public Limits withIdleTimeout(Duration timeout) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute,
                rejectOverRate, recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors,
                throttleFor, lockoutAfterFailures, lockoutFor, timeout, connections);
    }

    public Limits withConnections(ConnectionLimits c) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute,
                rejectOverRate, recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors,
                throttleFor, lockoutAfterFailures, lockoutFor, idleTimeout, c);
    }

    static void requireRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + d);
        }
    }
}
