package org.submitlab.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.submitlab.events.EventBus;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.ManualClock;
import org.submitlab.policy.PasswordHasher;
import org.submitlab.policy.TenantSettings;
import org.submitlab.server.tls.TlsIdentity;
import org.submitlab.server.tls.TlsMaterial;
import org.submitlab.store.Store;

/**
 * A real server on port 0 over a real store in a temp folder. The TLS key is made once per test run
 * (RSA key generation is slow) and the client trusts exactly that certificate. The server is built as the
 * application builds it: the JVM's TLS for 1.2 and 1.3, BouncyCastle's for 1.0 and 1.1.
 */
final class ServerFixture implements AutoCloseable {

    static final String PASSWORD = "Passw0rd!";
    static final String HOST = TenantSettings.DEFAULT_HOST;
    static final String SUFFIX = " \\[" + HOST.replace(".", "\\.")
            + " \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z [0-9A-F]{16}\\]";

    private static final String PASSWORD_HASH = PasswordHasher.hash(PASSWORD);
    private static TlsIdentity serverIdentity;
    private static Path serverIdentityDir;
    private static SSLSocketFactory clientFactory;

    final Path dataDir;
    final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T09:00:00Z"));
    final EventBus events = new EventBus();
    Store store;
    SubmissionServer server;
    /** How the next {@link #start()} builds the server (endpoint kind, legacy TLS, additional listeners). */
    UnaryOperator<SubmissionServer.Builder> build = b -> b;

    ServerFixture(Path dataDir) {
        this.dataDir = dataDir;
        this.store = Store.open(dataDir);
    }

    static synchronized SSLContext serverContext() throws Exception {
        return serverIdentity().context();
    }

    /** The server's key, chain and JVM context (the legacy TLS library presents the same key). */
    static synchronized TlsIdentity serverIdentity() throws Exception {
        if (serverIdentity == null) {
            Path dir = Files.createTempDirectory("submitlab-tls");
            serverIdentity = TlsMaterial.identity(dir);
            serverIdentityDir = dir;
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", TlsMaterial.certificate(dir));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            clientFactory = client.getSocketFactory();
        }
        return serverIdentity;
    }

    /** The data folder {@link #serverIdentity()} was read from (for servers that read it themselves). */
    static synchronized Path serverIdentityDir() throws Exception {
        serverIdentity();
        return serverIdentityDir;
    }

    static synchronized SSLSocketFactory clientFactory() throws Exception {
        serverContext();
        return clientFactory;
    }

    static Mailbox mailbox(String address) {
        return new Mailbox(address, null, PASSWORD_HASH, Optional.empty(), Optional.empty(), Set.of(), true,
                Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    ServerFixture settings(UnaryOperator<TenantSettings> change) {
        store.settings().save(change.apply(store.settings().load()));
        return this;
    }

    ServerFixture limits(UnaryOperator<Limits> change) {
        return settings(s -> s.withLimits(change.apply(s.limits())));
    }

    ServerFixture with(Mailbox m) {
        store.mailboxes().save(m);
        return this;
    }

    ServerFixture start() throws Exception {
        server = build.apply(SubmissionServer.builder().store(store).clock(clock).events(events)
                .tls(serverIdentity())).build();
        server.start();
        return this;
    }

    /** Stops the server and the store, then opens both again on the same folder. */
    void restart() throws Exception {
        server.stop();
        store.close();
        store = Store.open(dataDir);
        start();
    }

    SmtpTestClient connect() throws Exception {
        return new SmtpTestClient(server.port(), clientFactory());
    }

    /** Connects to the listener playing {@code kind}. */
    SmtpTestClient connect(org.submitlab.policy.EndpointKind kind) throws Exception {
        return new SmtpTestClient(server.port(kind), clientFactory());
    }

    /** A client logged in as {@code address}. */
    SmtpTestClient login(String address) throws Exception {
        SmtpTestClient c = connect();
        String r = c.login(address, PASSWORD);
        if (!r.startsWith("235 ")) {
            c.close();
            throw new IllegalStateException("login failed: " + r);
        }
        return c;
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        store.close();
    }

    static void sleepQuietly(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
