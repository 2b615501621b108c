package org.submitlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.server.tls.TlsMaterial;
import org.submitlab.testing.MailClient;
import org.submitlab.testing.StartTls;

/** Where Live listens and with which certificate, changed while it runs, as the Live tenant tab does. */
class LiveListeningTest {

    @TempDir
    Path data;
    @TempDir
    Path elsewhere;

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
    void listeningElsewhereMovesTheServerAndTheNextStartKeepsIt() throws Exception {
        Endpoint before = live.startServer(ListenOptions.loopback(0, false));

        Endpoint after = live.restartServer(new ListenOptions(InetAddress.getLoopbackAddress(), 0, false, Optional.empty()));
        ConsolePrefs.save(data, new ConsolePrefs.Listen(InetAddress.getLoopbackAddress(), after.port()));

        assertThat(after.port()).isNotEqualTo(before.port());
        assertThatThrownBy(() -> new Socket(before.host(), before.port()).close()).isInstanceOf(ConnectException.class);
        try (MailClient c = new MailClient(after.host(), after.port(), "printer@contoso.test", DemoTenant.PASSWORD)) {
            c.send("printer@contoso.test", "frontdesk@contoso.test", "moved", "<moved@contoso.test>");
        }
        assertThat(ConsolePrefs.load(data)).contains(new ConsolePrefs.Listen(InetAddress.getLoopbackAddress(), after.port()));
    }

    @Test
    void anAddressThatCannotBeBoundLeavesTheServerWhereItWas() throws Exception {
        Endpoint before = live.startServer(ListenOptions.loopback(0, false));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> live.restartServer(new ListenOptions(InetAddress.getLoopbackAddress(),
                    taken.getLocalPort(), false, Optional.empty()))).hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }

        Endpoint now = live.endpoint().orElseThrow();
        try (MailClient c = new MailClient(now.host(), now.port(), "printer@contoso.test", DemoTenant.PASSWORD)) {
            c.send("printer@contoso.test", "frontdesk@contoso.test", "still here", "<still@contoso.test>");
        }
        assertThat(now.host()).isEqualTo(before.host());
    }

    @Test
    void anImportedCertificateIsWhatDevicesSeeAtOnceAndABadFileChangesNothing() throws Exception {
        Endpoint e = live.startServer(ListenOptions.loopback(0, false));
        Certificate generated = StartTls.serverCertificate(e.host(), e.port());
        Path mine = ownPkcs12("device-trusts-this");

        assertThatThrownBy(() -> live.importCertificate(mine, "wrong".toCharArray()))
                .hasMessageContaining("cannot use " + mine);
        Endpoint unchanged = live.endpoint().orElseThrow();
        assertThat(StartTls.serverCertificate(unchanged.host(), unchanged.port())).isEqualTo(generated);

        live.importCertificate(mine, "device-trusts-this".toCharArray());

        Endpoint now = live.endpoint().orElseThrow();
        Certificate served = StartTls.serverCertificate(now.host(), now.port());
        assertThat(served).isNotEqualTo(generated).isEqualTo(certificateOf(mine, "device-trusts-this"));
        Path exported = data.resolve("exported.pem");
        live.exportCertificate(exported);
        assertThat(Files.readString(exported)).startsWith("-----BEGIN CERTIFICATE-----");
    }

    /** A PKCS#12 made elsewhere (another folder's generated one, re-saved under the admin's password). */
    private Path ownPkcs12(String password) throws Exception {
        TlsMaterial.loadOrCreate(elsewhere);
        char[] theirs = Files.readString(elsewhere.resolve("tls").resolve(TlsMaterial.PASSWORD_FILE)).trim().toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(elsewhere.resolve("tls").resolve(TlsMaterial.KEYSTORE))) {
            ks.load(in, theirs);
        }
        KeyStore out = KeyStore.getInstance("PKCS12");
        out.load(null, null);
        String alias = ks.aliases().nextElement();
        out.setKeyEntry("mine", ks.getKey(alias, theirs), password.toCharArray(), ks.getCertificateChain(alias));
        Path file = elsewhere.resolve("mine.p12");
        try (OutputStream o = Files.newOutputStream(file)) {
            out.store(o, password.toCharArray());
        }
        return file;
    }

    private static Certificate certificateOf(Path p12, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            ks.load(in, password.toCharArray());
        }
        return ks.getCertificate("mine");
    }
}
