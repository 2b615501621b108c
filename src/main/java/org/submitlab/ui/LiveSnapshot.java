package org.submitlab.ui;

import java.util.List;
import java.util.Optional;
import org.submitlab.ui.budget.BudgetRow;
import org.submitlab.ui.devices.DeviceRow;
import org.submitlab.ui.retries.RetryRow;

/**
 * The state polled from the server and the simulator in the background, already turned into
 * panel rows, handed to the FX thread through the pump.
 *
 * @param mailboxes  per-mailbox live counts (empty when the server is stopped)
 * @param devices    empty when no scenario has run
 * @param scenario   "running", "paused", "finished" or empty when none
 */
public record LiveSnapshot(List<MailboxCounts> mailboxes, List<BudgetRow> budget, List<DeviceRow> devices,
        List<RetryRow> retries, Optional<String> scenario) {

    /** What the connections panel takes from the server's status. */
    public record MailboxCounts(String address, int connections, int inFlight, int limit, long accepted, long refused) {
    }
}
