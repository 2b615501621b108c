package org.submitlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.EndpointKind;
import org.submitlab.server.tls.TlsMaterial;

/**
 * Live's server, as the console and {@code serve} start it, completes TLS 1.0/1.1 handshakes with its own
 * certificate: the standard endpoint then answers 421 4.7.66, the legacy endpoint lets the device in.
 */
class LiveLegacyTlsTest {

    @TempDir
    Path data;

    private LiveWorld live;

    @BeforeEach
    void open() {
        live = LiveWorld.open(data);
        live.createDemoTenantIfEmpty();
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void theStandardEndpointCompletesATls10HandshakeThenAnswers421() throws Exception {
        Endpoint e = live.startServer(ListenOptions.loopback(0, false));
        try (Printer p = new Printer(e, ProtocolVersion.TLSv10)) {
            assertThat(p.presented).isEqualTo(TlsMaterial.certificate(data).getEncoded());
            assertThat(p.command("EHLO printer.test")).startsWith("421 4.7.66 TLS 1.0 and 1.1 are not supported.");
            assertThat(p.reply()).isNull();
        }
    }

    @Test
    void theLegacyEndpointLetsATls11DeviceAuthenticate() throws Exception {
        Endpoint e = live.startServer(ListenOptions.loopback(0, false).withKind(EndpointKind.LEGACY));
        try (Printer p = new Printer(e, ProtocolVersion.TLSv11)) {
            assertThat(p.command("EHLO printer.test")).contains("AUTH LOGIN");
            assertThat(p.command("AUTH LOGIN")).startsWith("334 ");
            p.command(b64("printer@contoso.test"));
            assertThat(p.command(b64(DemoTenant.PASSWORD))).startsWith("235 ");
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** EHLO, STARTTLS and a BouncyCastle handshake offering one version; then SMTP over it. */
    private static final class Printer implements AutoCloseable {
        private final Socket tcp;
        private InputStream in;
        private OutputStream out;
        byte[] presented;

        Printer(Endpoint e, ProtocolVersion version) throws IOException {
            tcp = new Socket(e.host(), e.port());
            tcp.setSoTimeout(20_000);
            in = tcp.getInputStream();
            out = tcp.getOutputStream();
            reply();
            command("EHLO printer.test");
            assertThat(command("STARTTLS")).startsWith("220 ");
            TlsClientProtocol tls = new TlsClientProtocol(tcp.getInputStream(), tcp.getOutputStream());
            tls.connect(new DefaultTlsClient(new BcTlsCrypto(new SecureRandom())) {
                @Override
                protected ProtocolVersion[] getSupportedVersions() {
                    return version.only();
                }

                @Override
                public TlsAuthentication getAuthentication() {
                    return new ServerOnlyTlsAuthentication() {
                        @Override
                        public void notifyServerCertificate(TlsServerCertificate c) throws IOException {
                            presented = c.getCertificate().getCertificateAt(0).getEncoded();
                        }
                    };
                }
            });
            in = tls.getInputStream();
            out = tls.getOutputStream();
        }

        String command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply();
        }

        /** One reply (its lines joined by \n), or null once the server closed the connection. */
        String reply() throws IOException {
            StringBuilder reply = new StringBuilder();
            while (true) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                try {
                    while ((b = in.read()) >= 0 && b != '\n') {
                        line.write(b);
                    }
                } catch (IOException closedWithoutCloseNotify) {
                    b = -1;
                }
                if (b < 0 && line.size() == 0) {
                    return reply.length() == 0 ? null : reply.toString();
                }
                String s = line.toString(StandardCharsets.US_ASCII).stripTrailing();
                reply.append(reply.length() == 0 ? "" : "\n").append(s);
                if (s.length() < 4 || s.charAt(3) == ' ') {
                    return reply.toString();
                }
            }
        }

        @Override
        public void close() throws IOException {
            tcp.close();
        }
    }
}
