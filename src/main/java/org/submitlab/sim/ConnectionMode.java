package org.submitlab.sim;

/**
 * How a device uses connections.
 *
 * @param reuse     keep connections open and send one message after another over them
 *                  (false: a new connection per message, as most printers do)
 * @param parallel  messages the device sends at the same time, each over its own connection
 */
public record ConnectionMode(boolean reuse, int parallel) {

    public ConnectionMode {
        if (parallel < 1 || parallel > 1000) {
            throw new IllegalArgumentException("parallel must be between 1 and 1000");
        }
    }

    public static ConnectionMode perMessage() {
        return new ConnectionMode(false, 1);
    }
}
