package org.submitlab.sim;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The simulated devices' side of STARTTLS: one client context for the whole engine, so its session cache
 * lets a new connection resume an earlier session instead of a full handshake (docs/decisions/
 * 0205-simulator-at-600x.md). Without it Jakarta Mail builds a new context for every STARTTLS ("mail.smtp.ssl.trust"),
 * and each connection pays a full handshake: key shares, the server's signature, the certificate check.
 * Like {@code mail.smtp.ssl.trust} for the lab's own server, it trusts the certificate it is shown.
 */
final class DeviceTls {

    /** The protocols the devices offer: TLS 1.2 resumes without any public-key operation (see the decision). */
    static final String PROTOCOLS = System.getProperty("submitlab.sim.tlsProtocols", "TLSv1.2");

    private DeviceTls() {
    }

    static SSLSocketFactory socketFactory() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustTheLabServer()}, null);
            context.getClientSessionContext().setSessionCacheSize(1_000);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS client context: " + e.getMessage(), e);
        }
    }

    /** The devices only ever connect to the engine's own server, whose certificate is self-signed. */
    private static final class TrustTheLabServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client-side trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusted: see the class comment
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client-side trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // trusted: see the class comment
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client-side trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // trusted: see the class comment
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
