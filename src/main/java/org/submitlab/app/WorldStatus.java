package org.submitlab.app;

import java.util.List;
import java.util.Optional;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.sim.DeviceStatus;
import org.submitlab.sim.PendingRetry;

/**
 * What the console polls from a world: per-mailbox counts and windows, the devices and their retries
 * (runs only), and the run's state (empty for Live).
 *
 * @param endpoint where the world's server listens now; empty when it does not
 */
public record WorldStatus(List<MailboxStatus> mailboxes, List<DeviceStatus> devices, List<PendingRetry> retries,
        Optional<RunState> run, Optional<Endpoint> endpoint) {

    public WorldStatus {
        mailboxes = List.copyOf(mailboxes);
        devices = List.copyOf(devices);
        retries = List.copyOf(retries);
    }
}
