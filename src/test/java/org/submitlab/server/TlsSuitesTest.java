package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.submitlab.server.tls.TlsPolicy;

/** STARTTLS offers forward-secret suites only: ECDHE with a SHA-2 MAC on TLS 1.2, and TLS 1.3. */
class TlsSuitesTest {

    @TempDir
    static Path dir;
    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new ServerFixture(dir).start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** EHLO and STARTTLS in clear, then a handshake offering only {@code suite} on {@code protocol}. */
    private static SSLSocket handshake(String protocol, String suite) throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            assertThat(c.command("STARTTLS")).isEqualTo("220 2.0.0 SMTP server ready");
            Socket plain = c.socket();
            SSLSocket tls = (SSLSocket) ServerFixture.clientFactory()
                    .createSocket(plain, "127.0.0.1", plain.getPort(), true);
            tls.setUseClientMode(true);
            tls.setEnabledProtocols(new String[] {protocol});
            tls.setEnabledCipherSuites(new String[] {suite});
            try {
                tls.startHandshake();
                return tls;
            } catch (IOException e) {
                tls.close();
                throw e;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "TLS_RSA_WITH_AES_128_CBC_SHA", // AES128-SHA: no forward secrecy, SHA-1
        "TLS_RSA_WITH_AES_256_CBC_SHA", // AES256-SHA
        "TLS_RSA_WITH_AES_128_GCM_SHA256", // no forward secrecy
        "TLS_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", // forward secret, but finite-field DH
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", // SHA-1 MAC
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
    })
    void tls12SuitesWithoutEcdheOrWithSha1AreRefused(String suite) {
        assertThatThrownBy(() -> handshake("TLSv1.2", suite).close()).isInstanceOf(SSLException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
    })
    void tls12EcdheSuitesWithSha2AreAccepted(String suite) throws Exception {
        try (SSLSocket tls = handshake("TLSv1.2", suite)) {
            assertThat(tls.getSession().getCipherSuite()).isEqualTo(suite);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void tls13SuitesAreAccepted(String suite) throws Exception {
        try (SSLSocket tls = handshake("TLSv1.3", suite)) {
            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void theModernPolicyEnablesNoSuiteOutsideTheRuleWhateverTheJdkSupports() throws Exception {
        SSLSocket probe = (SSLSocket) ServerFixture.serverContext().getSocketFactory().createSocket();
        String[] enabled = TlsPolicy.MODERN.suites(probe.getSupportedCipherSuites());
        assertThat(enabled).isNotEmpty().allSatisfy(s -> assertThat(
                s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")
                        || s.startsWith("TLS_ECDHE_") && (s.endsWith("_SHA256") || s.endsWith("_SHA384")))
                .as(s).isTrue());
        assertThat(Arrays.asList(enabled)).doesNotContain("TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
        probe.close();
    }
}
