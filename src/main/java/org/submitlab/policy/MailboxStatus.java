package org.submitlab.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Live state of one mailbox for the console and reports.
 *
 * @param connections        authenticated connections open now
 * @param inFlight           concurrency slots in use (transactions, or connections when whole connections count)
 * @param window             the recipients in the 24-hour window, oldest first
 * @param accepted           submissions accepted since the server started
 * @param refused            submissions refused since the server started
 */
public record MailboxStatus(String address, int connections, int inFlight, int concurrencyLimit,
        int recipientsInWindow, int recipientLimit, List<WindowEntry> window,
        Optional<Instant> throttledUntil, Optional<Instant> lockedUntil, long accepted, long refused) {

    public MailboxStatus {
        window = List.copyOf(window);
    }
}
