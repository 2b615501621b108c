package org.submitlab.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.submitlab.policy.EndpointKind;

/**
 * An on-premises relay (the Postfix or IIS SMTP box many offices put in front of Exchange Online): devices hand it
 * their messages, it queues them and submits them through one mailbox with at most {@code maxConnections}
 * transactions in flight, each over a connection of its own. A message never waits for a refusal at the
 * device: it waits in the queue, and the relay retries 4xx replies by {@code retry} (Postfix's by default).
 *
 * @param login           the AUTH user name (normally the mailbox address)
 * @param password        the AUTH LOGIN password; empty when the relay uses a token
 * @param token           an OAuth access token for XOAUTH2
 * @param maxConnections  submissions in flight at once, 1 to 1,000
 * @param reuse           keep connections open between messages (Postfix's connection cache)
 * @param uploadKbps      the relay's upload speed, kilobits per simulated second; empty: as fast as it goes
 */
public record Relay(String name, String mailbox, String login, Optional<String> password, Optional<String> token,
        int maxConnections, boolean reuse, RetryPolicy retry, OptionalLong uploadKbps, EndpointKind endpoint) {

    /** A relay's connections when the scenario does not say: Exchange Online's concurrency limit. */
    public static final int DEFAULT_MAX_CONNECTIONS = 3;

    public Relay {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(endpoint, "endpoint");
        if (maxConnections < 1 || maxConnections > 1000) {
            throw new IllegalArgumentException("maxConnections must be between 1 and 1000");
        }
        if (password.isEmpty() && token.isEmpty()) {
            throw new IllegalArgumentException("relay " + name + " needs a password or a token");
        }
    }

    /**
     * The relay as the engine runs it: a device of kind {@link DeviceKind#RELAY} with no schedule of its own, whose
     * connections are its queue's cap. It sends the messages of the devices behind it with their own headers.
     */
    Device asDevice() {
        return new Device(name, DeviceKind.RELAY, mailbox, login, password, token, mailbox, name,
                new RecipientMix("", 1, 0, 0, false), MessageSpec.plain(""),
                new Schedule.FixedInterval(Duration.ofHours(1), Duration.ZERO, OptionalInt.of(0)),
                new ConnectionMode(reuse, maxConnections), retry, false, uploadKbps, endpoint);
    }
}
