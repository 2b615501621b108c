package org.submitlab.app;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.submitlab.policy.EndpointKind;
import org.submitlab.server.tls.TlsIdentity;

/**
 * How Live's server listens.
 *
 * @param fallbackToAnyPort when {@code port} is taken, listen on any free port instead of failing (the console)
 * @param tls               the key and certificate to present (to every TLS version); empty: the ones kept in the data folder
 * @param kind              which Exchange endpoint it plays: standard, legacy (TLS 1.0/1.1 too) or HVE
 */
public record ListenOptions(InetAddress bind, int port, boolean fallbackToAnyPort, Optional<TlsIdentity> tls,
        EndpointKind kind) {

    /** The standard endpoint. */
    public ListenOptions(InetAddress bind, int port, boolean fallbackToAnyPort, Optional<TlsIdentity> tls) {
        this(bind, port, fallbackToAnyPort, tls, EndpointKind.STANDARD);
    }

    /** The same, playing {@code other}. */
    public ListenOptions withKind(EndpointKind other) {
        return new ListenOptions(bind, port, fallbackToAnyPort, tls, other);
    }

    public ListenOptions {
        Objects.requireNonNull(kind, "kind");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    /** Loopback only, as secure defaults want. */
    public static ListenOptions loopback(int port, boolean fallbackToAnyPort) {
        return new ListenOptions(InetAddress.getLoopbackAddress(), port, fallbackToAnyPort, Optional.empty());
    }
}
