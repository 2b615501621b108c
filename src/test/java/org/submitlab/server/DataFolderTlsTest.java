package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Replies;
import org.submitlab.server.tls.TlsMaterial;

/**
 * Without a certificate passed in, the server reads its data folder's while it starts (docs/decisions/0204): it
 * listens at once, the first STARTTLS waits for the key, and a keystore that cannot be read refuses STARTTLS with
 * a reason in the log instead of stopping the start.
 */
class DataFolderTlsTest {

    @TempDir
    Path dir;

    ServerFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private void start() throws Exception {
        fx = new ServerFixture(dir);
        Path certificateFolder = ServerFixture.serverIdentityDir();
        fx.build = b -> b.tlsFrom(certificateFolder);
        fx.start();
    }

    @Test
    void theDataFoldersCertificateServesStartTls() throws Exception {
        start();
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO printer.test");
            assertThat(c.startTls()).isEqualTo(Replies.STARTTLS_READY);
            assertThat(c.tlsSession().getPeerCertificates()[0])
                    .isEqualTo(TlsMaterial.certificate(ServerFixture.serverIdentityDir()));
            assertThat(c.command("EHLO printer.test")).contains("250-AUTH LOGIN XOAUTH2");
        }
    }

    @Test
    void anUnreadableKeystoreRefusesStartTlsAndTheSessionGoesOnInClear() throws Exception {
        Path tls = dir.resolve("tls");
        Files.createDirectories(tls);
        Files.writeString(tls.resolve(TlsMaterial.KEYSTORE), "not a PKCS#12 file", StandardCharsets.US_ASCII);
        Files.writeString(tls.resolve(TlsMaterial.PASSWORD_FILE), "secret", StandardCharsets.US_ASCII);
        fx = new ServerFixture(dir);
        fx.build = b -> b.tlsFrom(dir);
        fx.start();
        for (int i = 0; i < 2; i++) {
            try (SmtpTestClient c = fx.connect()) {
                c.command("EHLO printer.test");
                assertThat(c.command("STARTTLS")).matches(Pattern.quote(Replies.TLS_UNAVAILABLE) + SUFFIX);
                assertThat(c.command("NOOP")).startsWith("250 ");
                assertThat(c.command("AUTH LOGIN")).startsWith("5");
            }
        }
    }
}
