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

    /** Every limit at its default (see {@link Settings}). */
    public static Limits defaults() {
        return Settings.defaultLimits();
    }

    public Limits {
        Settings.CONCURRENT_PER_MAILBOX.check(concurrentPerMailbox);
        Settings.RECIPIENTS_PER_DAY.check(recipientsPerDay);
        Settings.MESSAGES_PER_MINUTE.check(messagesPerMinute);
        Settings.RECIPIENTS_PER_MESSAGE.check(recipientsPerMessage);
        Settings.MAX_MESSAGE_SIZE.check(maxMessageSize);
        Settings.SEND_LIMIT.check(sendLimitBytes);
        Settings.QUOTA.check(quotaBytes);
        Settings.THROTTLE_AFTER_ERRORS.check(throttleAfterErrors);
        Settings.THROTTLE_FOR.check(throttleFor);
        Settings.LOCKOUT_AFTER_FAILURES.check(lockoutAfterFailures);
        Settings.LOCKOUT_FOR.check(lockoutFor);
        Settings.IDLE_TIMEOUT.check(idleTimeout);
        java.util.Objects.requireNonNull(connections, "connections");
    }

    /** These limits with one of them changed (a limit or connection setting of {@link Settings}). */
    public <T> Limits with(Setting<T> setting, T value) {
        return Settings.with(this, setting, value);
    }

    public Limits withConnections(ConnectionLimits c) {
        return new Limits(concurrentPerMailbox, countWholeConnections, recipientsPerDay, messagesPerMinute,
                rejectOverRate, recipientsPerMessage, maxMessageSize, sendLimitBytes, quotaBytes, throttleAfterErrors,
                throttleFor, lockoutAfterFailures, lockoutFor, idleTimeout, c);
    }
}
