package org.submitlab.sim;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.submitlab.policy.EndpointKind;

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
 * @param endpoint          which endpoint it sends through: standard, legacy or HVE (a run listens on each used)
 * @param relay             the relay ({@link Relay#name()}) it hands its messages to instead of submitting them
 *                          itself; its mailbox, login, secret, endpoint then are the relay's
 */
public record Device(String name, DeviceKind kind, String mailbox, String login, Optional<String> password,
        Optional<String> token, String from, String fromName, RecipientMix recipients, MessageSpec message,
        Schedule schedule, ConnectionMode connection, RetryPolicy retry, boolean perRecipient,
        OptionalLong uploadKbps, EndpointKind endpoint, Optional<String> relay) {

    /** A device that submits its messages itself. */
    public Device(String name, DeviceKind kind, String mailbox, String login, Optional<String> password,
            Optional<String> token, String from, String fromName, RecipientMix recipients, MessageSpec message,
            Schedule schedule, ConnectionMode connection, RetryPolicy retry, boolean perRecipient,
            OptionalLong uploadKbps, EndpointKind endpoint) {
        this(name, kind, mailbox, login, password, token, from, fromName, recipients, message, schedule, connection,
                retry, perRecipient, uploadKbps, endpoint, Optional.empty());
    }

    /** A device on the standard endpoint. */
    public Device(String name, DeviceKind kind, String mailbox, String login, Optional<String> password,
            Optional<String> token, String from, String fromName, RecipientMix recipients, MessageSpec message,
            Schedule schedule, ConnectionMode connection, RetryPolicy retry, boolean perRecipient,
            OptionalLong uploadKbps) {
        this(name, kind, mailbox, login, password, token, from, fromName, recipients, message, schedule, connection,
                retry, perRecipient, uploadKbps, EndpointKind.STANDARD);
    }

    /** The same device on another endpoint. */
    public Device withEndpoint(EndpointKind other) {
        return new Device(name, kind, mailbox, login, password, token, from, fromName, recipients, message, schedule,
                connection, retry, perRecipient, uploadKbps, other, relay);
    }

    public Device {
        Objects.requireNonNull(endpoint, "endpoint");
        relay = relay == null ? Optional.empty() : relay;
        if (password.isEmpty() && token.isEmpty()) {
            throw new IllegalArgumentException("device " + name + " needs a password or a token");
        }
    }
}
