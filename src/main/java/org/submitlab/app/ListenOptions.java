package org.submitlab.app;

import java.net.InetAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How Live's server listens.
 *
 * @param fallbackToAnyPort when {@code port} is taken, listen on any free port instead of failing (the console)
 * @param tls               the certificate to present; empty: the one kept in the data folder
 */
public record ListenOptions(InetAddress bind, int port, boolean fallbackToAnyPort, Optional<SSLContext> tls) {

    public ListenOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    /** Loopback only, as secure defaults want. */
    public static ListenOptions loopback(int port, boolean fallbackToAnyPort) {
        return new ListenOptions(InetAddress.getLoopbackAddress(), port, fallbackToAnyPort, Optional.empty());
    }
}
