package org.submitlab.server;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;
import org.submitlab.server.tls.TlsIdentity;

/** {@link BouncyCastleLegacyTls} made on the first TLS 1.0/1.1 handshake, from an identity that may still be loading. */
final class LazyLegacyTls implements LegacyTlsAcceptor {

    private final Supplier<TlsIdentity> identity;
    private volatile BouncyCastleLegacyTls tls;

    LazyLegacyTls(Supplier<TlsIdentity> identity) {
        this.identity = identity;
    }

    @Override
    public Accepted accept(Socket tcp, byte[] consumed) throws IOException {
        return acceptor().accept(tcp, consumed);
    }

    private BouncyCastleLegacyTls acceptor() throws IOException {
        BouncyCastleLegacyTls t = tls;
        if (t == null) {
            synchronized (this) {
                if (tls == null) {
                    try {
                        tls = new BouncyCastleLegacyTls(identity.get());
                    } catch (RuntimeException e) {
                        throw new IOException(e.getMessage(), e);
                    }
                }
                t = tls;
            }
        }
        return t;
    }
}
