package org.submitlab.server;

import java.io.IOException;
import java.net.Socket;

/**
 * Completes the server side of a TLS 1.0 or 1.1 handshake over an accepted connection, for STARTTLS: the JVM's
 * own TLS refuses those versions JVM-wide ({@code jdk.tls.disabledAlgorithms}), and must go on refusing them
 * for everything else, so a TLS library of its own does it (docs/decisions/0301).
 */
public interface LegacyTlsAcceptor {

    /** A completed legacy handshake: the socket to talk through and what was agreed, as the JDK names them. */
    record Accepted(Socket socket, String protocol, String cipherSuite) {
    }

    /**
     * Takes over the handshake whose first bytes ({@code consumed}, the start of the ClientHello) were already
     * read from {@code tcp}; returns once it completed, or throws when it failed.
     */
    Accepted accept(Socket tcp, byte[] consumed) throws IOException;
}
