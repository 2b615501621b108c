package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.submitlab.server.ServerFixture.PASSWORD;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.submitlab.events.LabEvent;
import org.submitlab.events.Subscription;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;
import org.submitlab.store.SentItem;
import org.submitlab.ui.sessionlog.SessionLogViewModel;

/**
 * STARTTLS reads the ClientHello's version: TLS 1.0/1.1 handshakes are completed by BouncyCastle's TLS
 * ({@link BouncyCastleLegacyTls}, as the application builds the server), TLS 1.2+ by the JVM's. The clients
 * here are real TLS 1.0 and 1.1 clients (BouncyCastle's, offering one version each) over real sockets; what the
 * SMTP session then does is pinned reply by reply (docs/decisions/0301).
 */
class LegacyTlsTest {

    private static final String BOX = "printer@contoso.test";

    @TempDir
    Path dir;
    ServerFixture fx;

    static List<Arguments> versions() {
        return List.of(Arguments.of(ProtocolVersion.TLSv10, "TLSv1"), Arguments.of(ProtocolVersion.TLSv11, "TLSv1.1"));
    }

    private void start(EndpointKind kind) throws Exception {
        fx = new ServerFixture(dir).with(ServerFixture.mailbox(BOX));
        // As the application builds it: the certificate read from a data folder while the server starts.
        Path certificateFolder = ServerFixture.serverIdentityDir();
        fx.build = b -> b.endpoint(kind).tlsFrom(certificateFolder);
        fx.start();
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** Connects, EHLO, STARTTLS and {@code tls}'s real handshake (one version offered). */
    private SmtpTestClient legacyClient(LegacyTlsClient tls) throws Exception {
        SmtpTestClient c = fx.connect();
        tls.startTls(c);
        return c;
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("versions")
    void onTheStandardEndpointTheHandshakeCompletesAndTheNextCommandGets421ThenTheConnectionCloses(
            ProtocolVersion version, String name) throws Exception {
        start(EndpointKind.STANDARD);
        LegacyTlsClient tls = new LegacyTlsClient(version);
        try (SmtpTestClient c = legacyClient(tls)) {
            assertThat(tls.protocolName()).isEqualTo(name);
            // exactly one line: no 250-AUTH or anything else is offered over TLS 1.0/1.1 here
            assertThat(c.command("EHLO printer.test")).matches(Pattern.quote(Replies.LEGACY_TLS_NOT_SUPPORTED) + SUFFIX);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void authIsNeverAcceptedOverLegacyTlsOnTheStandardEndpoint() throws Exception {
        start(EndpointKind.STANDARD);
        try (Subscription events = fx.events.subscribe("legacy", 10_000);
                SmtpTestClient c = legacyClient(new LegacyTlsClient(ProtocolVersion.TLSv10))) {
            assertThat(c.command("AUTH LOGIN " + SmtpTestClient.b64(BOX)))
                    .matches(Pattern.quote(Replies.LEGACY_TLS_NOT_SUPPORTED) + SUFFIX);
            assertThat(c.closedByServer()).isTrue();

            List<LabEvent> seen = drain(events);
            assertThat(seen).noneMatch(e -> e instanceof LabEvent.AuthAttempted);
            assertThat(seen).noneMatch(e -> e instanceof LabEvent.TranscriptLine t && !t.fromClient()
                    && t.line().contains("AUTH"));
            assertThat(fromClient(seen)).containsSubsequence("STARTTLS",
                    "<TLS handshake: TLSv1, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA>",
                    "AUTH LOGIN " + SmtpTestClient.b64(BOX) + " (" + BOX + ")");
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("versions")
    void onTheLegacyEndpointALegacyClientAuthenticatesAndItsMessageIsStored(ProtocolVersion version, String name)
            throws Exception {
        start(EndpointKind.LEGACY);
        LegacyTlsClient tls = new LegacyTlsClient(version);
        try (SmtpTestClient c = legacyClient(tls)) {
            assertThat(tls.protocolName()).isEqualTo(name);
            assertThat(c.command("EHLO printer.test")).contains("250-AUTH LOGIN XOAUTH2");
            assertThat(c.authLogin(BOX, PASSWORD)).isEqualTo(Replies.AUTH_OK);
            assertThat(c.submit(BOX, List.of("a@contoso.test"),
                    SmtpTestClient.message(BOX, "a@contoso.test", subject(name)))
                    .get(3)).startsWith("250 2.0.0 OK <");
            assertThat(c.command("QUIT")).isEqualTo(Replies.CLOSING);
        }
        SentItem item = fx.store.sentItems().page(Optional.of(BOX), subject(name), 0, 1).get(0);
        assertThat(item.envelopeTo()).containsExactly("a@contoso.test");
        assertThat(item.tls()).isTrue();
        assertThat(new String(fx.store.sentItems().raw(item.id()).orElseThrow(), StandardCharsets.UTF_8))
                .contains("Subject: " + subject(name)).contains("Hello.");
    }

    private static String subject(String name) {
        return "scan over " + name;
    }

    @Test
    void theTenantSettingLetsLegacyClientsSendOnTheStandardEndpoint() throws Exception {
        start(EndpointKind.STANDARD);
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.LEGACY_TLS, true));
        try (SmtpTestClient c = legacyClient(new LegacyTlsClient(ProtocolVersion.TLSv11))) {
            assertThat(c.command("EHLO printer.test")).contains("250-AUTH LOGIN XOAUTH2");
            assertThat(c.authLogin(BOX, PASSWORD)).isEqualTo(Replies.AUTH_OK);
        }
    }

    @Test
    void anOldPrinterWithOnlyRsaKeyTransportGetsTheServersOwnCertificate() throws Exception {
        start(EndpointKind.LEGACY);
        LegacyTlsClient tls = new LegacyTlsClient(ProtocolVersion.TLSv10, LegacyTlsClient.RSA_ONLY);
        try (Subscription events = fx.events.subscribe("printer", 10_000); SmtpTestClient c = legacyClient(tls)) {
            assertThat(tls.cipherSuite()).isEqualTo(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
            assertThat(tls.serverCertificate()).isEqualTo(ServerFixture.serverIdentity().certificate().getEncoded());
            assertThat(c.command("EHLO printer.test")).startsWith("250-");
            assertThat(fromClient(drain(events))).contains("<TLS handshake: TLSv1, TLS_RSA_WITH_AES_128_CBC_SHA>");
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("versions")
    void theSessionLogShowsTheLegacyVersion(ProtocolVersion version, String name) throws Exception {
        start(EndpointKind.STANDARD);
        try (Subscription events = fx.events.subscribe("log", 10_000);
                SmtpTestClient c = legacyClient(new LegacyTlsClient(version))) {
            c.command("EHLO printer.test");
            c.closedByServer();
            List<LabEvent> seen = drain(events);
            assertThat(seen).filteredOn(e -> e instanceof LabEvent.TlsStarted).singleElement()
                    .satisfies(e -> assertThat(((LabEvent.TlsStarted) e).protocol()).isEqualTo(name));
            SessionLogViewModel log = new SessionLogViewModel();
            log.apply(seen);
            assertThat(log.sessions()).singleElement().satisfies(s -> {
                assertThat(s.tls()).isEqualTo(name);
                assertThat(s.lastReply()).startsWith("421 4.7.66 ");
            });
        }
    }

    @Test
    void aDeadlineStillRepliesOverLegacyTls() throws Exception {
        start(EndpointKind.LEGACY);
        try (SmtpTestClient c = legacyClient(new LegacyTlsClient(ProtocolVersion.TLSv10))) {
            fx.server.updateSettings(fx.server.tenant().settings().withLimits(
                    fx.server.tenant().limits().with(Settings.IDLE_TIMEOUT, Duration.ofMillis(500))));
            assertThat(c.command("EHLO printer.test")).startsWith("250-");
            assertThat(c.replyWithin(15_000)).matches(Pattern.quote(Replies.IDLE_TIMEOUT) + SUFFIX);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void aLegacyClientWithNoSuiteInCommonIsRefusedAndTheSessionEnds() throws Exception {
        start(EndpointKind.LEGACY);
        try (Subscription events = fx.events.subscribe("nosuite", 10_000); SmtpTestClient c = fx.connect()) {
            LegacyTlsClient tls = new LegacyTlsClient(ProtocolVersion.TLSv10,
                    new int[] {CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA});
            assertThatThrownBy(() -> tls.startTls(c)).isInstanceOf(TlsFatalAlertReceived.class);
            assertThat(drain(events)).anyMatch(e -> e instanceof LabEvent.ConnectionClosed);
        }
    }

    @Test
    void aTls12ClientStillGoesThroughTheJvmsTls() throws Exception {
        start(EndpointKind.STANDARD);
        try (Subscription events = fx.events.subscribe("modern", 10_000); SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            c.command("STARTTLS");
            SSLSocket tls = (SSLSocket) ServerFixture.clientFactory().createSocket(c.socket(), "127.0.0.1",
                    c.socket().getPort(), true);
            tls.setEnabledProtocols(new String[] {"TLSv1.2"});
            tls.startHandshake();
            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.2");
            tls.getOutputStream().write("EHLO device.test\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            byte[] buf = new byte[4096];
            int n = tls.getInputStream().read(buf);
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).startsWith("250-");
            tls.close();
            assertThat(drain(events)).filteredOn(e -> e instanceof LabEvent.TlsStarted).singleElement()
                    .satisfies(e -> assertThat(((LabEvent.TlsStarted) e).protocol()).isEqualTo("TLSv1.2"));
        }
    }

    @Test
    void servingLegacyTlsLeavesTheJvmsOwnTlsDefaultsAlone() throws Exception {
        String disabledBefore = Security.getProperty("jdk.tls.disabledAlgorithms");
        start(EndpointKind.LEGACY);
        try (SmtpTestClient c = legacyClient(new LegacyTlsClient(ProtocolVersion.TLSv10))) {
            assertThat(c.command("EHLO printer.test")).startsWith("250-");
        }
        assertThat(Security.getProperty("jdk.tls.disabledAlgorithms")).isEqualTo(disabledBefore)
                .contains("TLSv1", "TLSv1.1");
        assertThat(Security.getProvider("BCJSSE")).isNull();
        assertThat(SSLContext.getDefault().getProvider().getName()).isEqualTo("SunJSSE");
        assertThat(SSLContext.getDefault().getDefaultSSLParameters().getProtocols())
                .doesNotContain("TLSv1", "TLSv1.1");
        // A JVM client asked for TLS 1.0 still refuses it itself, even towards a server that would accept it.
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            c.command("STARTTLS");
            SSLSocket tls = (SSLSocket) ServerFixture.clientFactory().createSocket(c.socket(), "127.0.0.1",
                    c.socket().getPort(), true);
            tls.setEnabledProtocols(new String[] {"TLSv1"});
            assertThatThrownBy(tls::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void withoutALegacyTlsLibraryTheHandshakeFailsAndTheSessionLogSaysWhatExchangeWouldAnswer() throws Exception {
        fx = new ServerFixture(dir).with(ServerFixture.mailbox(BOX));
        fx.build = b -> b.legacyTls(null);
        fx.start();
        try (Subscription events = fx.events.subscribe("none", 10_000); SmtpTestClient c = fx.connect()) {
            LegacyTlsClient tls = new LegacyTlsClient(ProtocolVersion.TLSv10);
            assertThatThrownBy(() -> tls.startTls(c)).isInstanceOf(IOException.class);
            assertThat(fromClient(drain(events)))
                    .anySatisfy(l -> assertThat(l).contains("offers TLSv1 only").contains("421 4.7.66"));
        }
    }

    private static List<String> fromClient(List<LabEvent> events) {
        return events.stream().filter(e -> e instanceof LabEvent.TranscriptLine t && t.fromClient())
                .map(e -> ((LabEvent.TranscriptLine) e).line()).toList();
    }

    private static List<LabEvent> drain(Subscription s) throws InterruptedException {
        List<LabEvent> out = new ArrayList<>();
        LabEvent e;
        while ((e = s.poll(300, TimeUnit.MILLISECONDS)) != null) {
            out.add(e);
        }
        return out;
    }
}
