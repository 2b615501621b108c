package org.submitlab.sim;

/**
 * A device's live counters. {@code attempts}, {@code accepted} and {@code refused} count SMTP
 * transactions (a per-recipient message has one per recipient); a failed connection or login
 * counts as one refused attempt.
 *
 * @param retries         attempts that were retries
 * @param gaveUp          transactions given up
 * @param pendingRetries  messages waiting for a retry
 * @param lastReply       the last reply line the device got
 */
public record DeviceStatus(String name, DeviceKind kind, String mailbox, DeviceState state, long attempts,
        long accepted, long refused, long retries, long gaveUp, int pendingRetries, String lastReply) {
}
