package org.submitlab.ui.connections;

/**
 * One row of the connections panel.
 *
 * @param refusedLastMinute refusals in the last minute of simulated time
 * @param lastRefusal       the last refusal reply line in full, or "" when none yet
 */
public record MailboxActivity(String mailbox, int connections, int inFlight, int limit, long refusedLastMinute,
        long accepted, long refused, String lastRefusal) {

    public boolean atLimit() {
        return limit > 0 && inFlight >= limit;
    }

    public String inFlightText() {
        return limit > 0 ? inFlight + " / " + limit : Integer.toString(inFlight);
    }
}
