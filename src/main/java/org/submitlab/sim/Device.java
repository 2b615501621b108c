package org.submitlab.sim;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One simulated device.
 *
 * @param login             the AUTH user name (normally the mailbox address)
 * @param password          the AUTH LOGIN password; empty when the device uses a token
 * @param token             an OAuth access token for XOAUTH2; used instead of the password when present
 * @param from              the envelope sender and From address (not the mailbox: Send As refusals)
 * @param fromName          the From display name
 * @param perRecipient      one transaction per recipient with identical headers (tracking apps)
 * @param uploadKbps        the device's upload speed in kilobits per simulated second; empty: as fast as it goes
 */
public record Device(String name, DeviceKind kind, String mailbox, String login, Optional<String> password,
        Optional<String> token, String from, String fromName, RecipientMix recipients, MessageSpec message,
        Schedule schedule, ConnectionMode connection, RetryPolicy retry, boolean perRecipient,
        OptionalLong uploadKbps) {

    public Device {
        if (password.isEmpty() && token.isEmpty()) {
            throw new IllegalArgumentException("device " + name + " needs a password or a token");
        }
    }
}
