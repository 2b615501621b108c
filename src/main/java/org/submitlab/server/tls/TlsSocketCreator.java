package org.submitlab.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.server.SSLSocketCreator;

/**
 * Layers server-side TLS over an accepted connection for STARTTLS with the protocols and suites of a
 * {@link TlsPolicy}, and no reverse-DNS lookup of the client (the library's built-in creator does one
 * and enables every suite).
 */
public final class TlsSocketCreator implements SSLSocketCreator {

    private final Supplier<SSLContext> context;
    private final TlsPolicy policy;

    public TlsSocketCreator(SSLContext context) {
        this(context, TlsPolicy.MODERN);
    }

    public TlsSocketCreator(SSLContext context, TlsPolicy policy) {
        this(() -> context, policy);
    }

    /**
     * With a context that may still be loading (the server starts listening before its key is read, see
     * docs/decisions/0204-start-up.md): the first STARTTLS waits for it.
     */
    public TlsSocketCreator(Supplier<SSLContext> context, TlsPolicy policy) {
        this.context = context;
        this.policy = policy;
    }

    /**
     * The same over a connection whose first bytes ({@code consumed}, the start of the ClientHello, read to see
     * its version) were already taken from the socket's input.
     */
    public SSLSocket createSSLSocket(Socket socket, byte[] consumed) throws IOException {
        SSLSocket s = (SSLSocket) ready().getSocketFactory()
                .createSocket(socket, new ByteArrayInputStream(consumed), true);
        s.setUseClientMode(false);
        s.setEnabledProtocols(policy.protocols(s.getSupportedProtocols()));
        s.setEnabledCipherSuites(policy.suites(s.getSupportedCipherSuites()));
        return s;
    }

    @Override
    public SSLSocket createSSLSocket(Socket socket) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        SSLSocket s = (SSLSocket) ready().getSocketFactory()
                .createSocket(socket, remote.getHostString(), remote.getPort(), true);
        s.setUseClientMode(false);
        s.setEnabledProtocols(policy.protocols(s.getSupportedProtocols()));
        s.setEnabledCipherSuites(policy.suites(s.getSupportedCipherSuites()));
        return s;
    }

    /** The context, once loaded (waiting for it if need be); throws with the reason it could not be loaded. */
    public SSLContext ready() throws IOException {
        try {
            return context.get();
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
