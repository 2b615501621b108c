package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Replies;
import org.submitlab.server.tls.TlsIdentity;
import org.submitlab.server.tls.TlsMaterial;

/**
 * A TLS 1.2 client that comes back resumes its session from the server's cache, by session ID, instead of the
 * server sealing a new ticket for every connection (docs/decisions/0209-server-sessions-by-id.md).
 */
class TlsResumptionTest {

    @TempDir
    Path dir;

    private static SSLSocketFactory tls12Client(TlsIdentity server) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", server.chain().get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLSv1.2");
        client.init(null, tmf.getTrustManagers(), null);
        return client.getSocketFactory();
    }

    private static SSLSession startTlsSession(ServerFixture fx, SSLSocketFactory client) throws Exception {
        try (SmtpTestClient c = new SmtpTestClient(fx.server.port(), client)) {
            c.command("EHLO printer.test");
            assertThat(c.startTls()).isEqualTo(Replies.STARTTLS_READY);
            assertThat(c.command("NOOP")).startsWith("250 ");
            return c.tlsSession();
        }
    }

    @Test
    void aReturningClientResumesFromTheServersSessionCache() throws Exception {
        TlsIdentity identity = TlsMaterial.identity(dir.resolve("certificate"));
        SSLSocketFactory client = tls12Client(identity);
        SSLSession first;
        SSLSession second;
        try (ServerFixture fx = new ServerFixture(dir.resolve("data"))) {
            fx.build = b -> b.tls(identity);
            fx.start();
            first = startTlsSession(fx, client);
            second = startTlsSession(fx, client);
        }

        assertThat(first.getProtocol()).isEqualTo("TLSv1.2");
        assertThat(HexFormat.of().formatHex(second.getId())).isEqualTo(HexFormat.of().formatHex(first.getId()));
        assertThat(second.getCreationTime()).isEqualTo(first.getCreationTime());
        List<String> cached = Collections.list(identity.context().getServerSessionContext().getIds()).stream()
                .map(HexFormat.of()::formatHex).toList();
        assertThat(cached).containsExactly(HexFormat.of().formatHex(first.getId()));
    }
}
