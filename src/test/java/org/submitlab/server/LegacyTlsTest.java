package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.PASSWORD;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.submitlab.events.LabEvent;
import org.submitlab.events.Subscription;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/**
 * STARTTLS reads the ClientHello's version and hands TLS 1.0/1.1 to the {@link LegacyTlsAcceptor}. What the
 * SMTP session then does is pinned here, reply by reply. The acceptor here is a stand-in that takes the
 * ClientHello and goes on in clear (this build has no TLS 1.0/1.1 library: docs/decisions/0301); the JVM's
 * TLS 1.2 path is the real one.
 */
class LegacyTlsTest {

    private static final String BOX = "printer@contoso.test";

    @TempDir
    Path dir;
    ServerFixture fx;

    /** Stands in for a TLS library: the "handshake" is the ClientHello alone, the session goes on in clear. */
    static final class StandIn implements LegacyTlsAcceptor {
        @Override
        public Accepted accept(Socket tcp, byte[] consumed) {
            int version = ((consumed[9] & 0xFF) << 8) | (consumed[10] & 0xFF);
            return new Accepted(tcp, ClientHello.name(version), "TLS_STAND_IN_FOR_TESTS");
        }
    }

    private void start(EndpointKind kind, LegacyTlsAcceptor acceptor) throws Exception {
        fx = new ServerFixture(dir).with(ServerFixture.mailbox(BOX));
        fx.build = b -> b.endpoint(kind).legacyTls(acceptor);
        fx.start();
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** A ClientHello record as far as the server reads it: record header, handshake header, client_version. */
    private static byte[] clientHello(int version) {
        return new byte[] {22, 3, 1, 0, 6, 1, 0, 0, 2, (byte) (version >> 8), (byte) version};
    }

    /** EHLO, STARTTLS, and a legacy "handshake" with {@code version}. */
    private SmtpTestClient legacyClient(int version) throws Exception {
        SmtpTestClient c = fx.connect();
        c.command("EHLO printer.test");
        assertThat(c.command("STARTTLS")).isEqualTo(Replies.STARTTLS_READY);
        c.write(clientHello(version));
        return c;
    }

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(ints = {0x0301, 0x0302})
    void onTheStandardEndpointTheNextCommandAfterALegacyHandshakeGets421AndTheConnectionCloses(int version)
            throws Exception {
        start(EndpointKind.STANDARD, new StandIn());
        try (SmtpTestClient c = legacyClient(version)) {
            assertThat(c.command("EHLO printer.test")).matches(Pattern.quote(Replies.LEGACY_TLS_NOT_SUPPORTED) + SUFFIX);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void authIsNeverAcceptedOverLegacyTlsOnTheStandardEndpoint() throws Exception {
        start(EndpointKind.STANDARD, new StandIn());
        try (Subscription events = fx.events.subscribe("legacy", 10_000); SmtpTestClient c = legacyClient(0x0301)) {
            assertThat(c.command("AUTH LOGIN " + SmtpTestClient.b64(BOX)))
                    .startsWith("421 4.7.66 TLS 1.0 and 1.1 are not supported.");
            assertThat(c.closedByServer()).isTrue();

            List<LabEvent> seen = drain(events);
            assertThat(seen).noneMatch(e -> e instanceof LabEvent.AuthAttempted);
            assertThat(seen).filteredOn(e -> e instanceof LabEvent.TlsStarted).singleElement()
                    .satisfies(e -> assertThat(((LabEvent.TlsStarted) e).protocol()).isEqualTo("TLSv1"));
            assertThat(seen).filteredOn(e -> e instanceof LabEvent.TranscriptLine t && t.fromClient())
                    .extracting(e -> ((LabEvent.TranscriptLine) e).line())
                    .containsSubsequence("STARTTLS", "<TLS handshake: TLSv1, TLS_STAND_IN_FOR_TESTS>",
                            "AUTH LOGIN " + SmtpTestClient.b64(BOX) + " (" + BOX + ")");
        }
    }

    @Test
    void onTheLegacyEndpointALegacyClientAuthenticatesAndSends() throws Exception {
        start(EndpointKind.LEGACY, new StandIn());
        try (SmtpTestClient c = legacyClient(0x0301)) {
            assertThat(c.command("EHLO printer.test")).contains("250-AUTH LOGIN XOAUTH2");
            assertThat(c.authLogin(BOX, PASSWORD)).isEqualTo(Replies.AUTH_OK);
            assertThat(c.submit(BOX, List.of("a@contoso.test"), SmtpTestClient.message(BOX, "a@contoso.test", "scan"))
                    .get(3)).startsWith("250 2.0.0 OK <");
        }
    }

    @Test
    void theTenantSettingLetsLegacyClientsSendOnTheStandardEndpoint() throws Exception {
        start(EndpointKind.STANDARD, new StandIn());
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.LEGACY_TLS, true));
        try (SmtpTestClient c = legacyClient(0x0302)) {
            c.command("EHLO printer.test");
            assertThat(c.authLogin(BOX, PASSWORD)).isEqualTo(Replies.AUTH_OK);
        }
    }

    @Test
    void aTls12ClientStillGoesThroughTheJvmsTls() throws Exception {
        start(EndpointKind.STANDARD, new StandIn());
        try (Subscription events = fx.events.subscribe("modern", 10_000); SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            c.command("STARTTLS");
            SSLSocket tls = (SSLSocket) ServerFixture.clientFactory().createSocket(c.socket(), "127.0.0.1",
                    c.socket().getPort(), true);
            tls.setEnabledProtocols(new String[] {"TLSv1.2"});
            tls.startHandshake();
            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.2");
            tls.getOutputStream().write("EHLO device.test\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            byte[] buf = new byte[4096];
            int n = tls.getInputStream().read(buf);
            assertThat(new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("250-");
            tls.close();
            assertThat(drain(events)).filteredOn(e -> e instanceof LabEvent.TlsStarted).singleElement()
                    .satisfies(e -> assertThat(((LabEvent.TlsStarted) e).protocol()).isEqualTo("TLSv1.2"));
        }
    }

    @Test
    void withoutALegacyTlsLibraryTheHandshakeFailsAndTheSessionLogSaysWhatExchangeWouldAnswer() throws Exception {
        start(EndpointKind.STANDARD, null);
        try (Subscription events = fx.events.subscribe("none", 10_000); SmtpTestClient c = legacyClient(0x0301)) {
            assertThat(c.closedByServer()).isTrue();
            assertThat(drain(events)).filteredOn(e -> e instanceof LabEvent.TranscriptLine t && t.fromClient())
                    .extracting(e -> ((LabEvent.TranscriptLine) e).line())
                    .anySatisfy(l -> assertThat(l).contains("offers TLSv1 only").contains("421 4.7.66"));
        }
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
