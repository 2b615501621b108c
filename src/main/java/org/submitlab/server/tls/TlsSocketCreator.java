package org.submitlab.server.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.server.SSLSocketCreator;

/**
 * Layers server-side TLS over an accepted connection for STARTTLS: TLS 1.2 and 1.3 only, the JDK's
 * default cipher suites, and no reverse-DNS lookup of the client (the library's built-in creator
 * does one and enables every suite).
 */
public final class TlsSocketCreator implements SSLSocketCreator {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLContext context;

    public TlsSocketCreator(SSLContext context) {
        this.context = context;
    }

    @Override
    public SSLSocket createSSLSocket(Socket socket) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        SSLSocket s = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, remote.getHostString(), remote.getPort(), true);
        s.setUseClientMode(false);
        String[] protocols = Arrays.stream(s.getSupportedProtocols()).filter(PROTOCOLS::contains).toArray(String[]::new);
        s.setEnabledProtocols(protocols);
        return s;
    }
}
