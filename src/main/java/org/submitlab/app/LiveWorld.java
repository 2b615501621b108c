package org.submitlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.app.admin.AdminTarget;
import org.submitlab.app.admin.MailboxAdmin;
import org.submitlab.app.devices.DeviceInventory;
import org.submitlab.events.EventBus;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantSettings;
import org.submitlab.server.SubmissionServer;
import org.submitlab.server.tls.TlsMaterial;
import org.submitlab.store.Store;

/**
 * The tenant real devices use: real time, always; its store is {@code <data>/submitlab.db}. Only
 * admin actions and real submissions change it. Its server may be started and stopped while runs
 * play beside it in their own worlds. Thread-safe; every method may block (sockets, database).
 */
public final class LiveWorld implements World, AdminTarget, AutoCloseable {

    public static final String ID = "live";
    /** Clock skew Live tolerates before calling a recipient-window entry "from the future". */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final String VIEW_SINCE = "live-view-since";
    private static final Logger LOG = LoggerFactory.getLogger(LiveWorld.class);

    private final Path dataDir;
    private final Store store;
    private final LabClock clock = LabClock.system();
    private final EventBus events = new EventBus();
    private final EventJournal journal;
    private final DeviceInventory inventory;
    private volatile SubmissionServer server;
    private volatile ListenOptions lastListen;

    private LiveWorld(Path dataDir, Store store) {
        this.dataDir = dataDir;
        this.store = store;
        this.journal = EventJournal.record(dataDir, events, EventJournal.Retention.live());
        this.inventory = DeviceInventory.follow(events, store.clients());
    }

    /** Opens (creating if needed) Live in {@code dataDir}, dropping window entries that past runs dated ahead. */
    public static LiveWorld open(Path dataDir) {
        Store store = Store.open(dataDir);
        try {
            dropFutureWindowEntries(store, LabClock.system().instant());
            return new LiveWorld(store.dataDir(), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Before runs had worlds of their own, accelerated simulations wrote recipients dated days ahead
     * into Live, blocking real mailboxes after a restart. Those entries go; everything else stays.
     */
    static int dropFutureWindowEntries(Store store, Instant now) {
        int dropped = store.submissions().dropAcceptedAfter(now.plus(FUTURE_TOLERANCE));
        if (dropped > 0) {
            LOG.info("Live: dropped {} recipient-window entries dated after now (left by past accelerated runs); "
                    + "their Sent Items are kept", dropped);
        }
        return dropped;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Live";
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public LabClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public Store store() {
        return store;
    }

    public EventBus events() {
        return events;
    }

    /** Live's history since its counters were last reset, then its new events. */
    @Override
    public JournalFollower follow() {
        return journal.follow(countersSince(), 100_000);
    }

    /** Creates the demo mailboxes on a first run; returns whether it did. */
    public boolean createDemoTenantIfEmpty() {
        boolean created = DemoTenant.createIfEmpty(store);
        SubmissionServer s = server;
        if (created && s != null) {
            store.mailboxes().all().forEach(s.tenant()::putMailbox);
        }
        return created;
    }

    /** Starts listening (idempotent: a running server keeps its address). */
    public synchronized Endpoint startServer(ListenOptions listen) {
        if (server != null) {
            return endpoint().orElseThrow();
        }
        int port = listen.port();
        if (port != 0 && listen.fallbackToAnyPort() && !isFree(listen, port)) {
            LOG.info("port {} is taken; listening on any free port", port);
            port = 0;
        }
        SubmissionServer.Builder b = SubmissionServer.builder().store(store).clock(clock).events(events)
                .bindAddress(listen.bind()).port(port).endpoint(listen.kind());
        lastListen = listen;
        // The same certificate for TLS 1.2+ (the JVM) and TLS 1.0/1.1 (BouncyCastle: docs/decisions/0301).
        listen.tls().ifPresentOrElse(b::tls, () -> b.tlsFrom(dataDir));
        SubmissionServer s = b.build();
        try {
            s.start();
        } catch (RuntimeException e) {
            s.close();
            throw ListenException.of(e, listen.bind(), port);
        }
        server = s;
        return endpoint().orElseThrow();
    }

    /**
     * Listens elsewhere (another address or port): the server restarts on the new address; if it cannot
     * listen there, it comes back on the old one and the error says why.
     */
    public synchronized Endpoint restartServer(ListenOptions listen) {
        ListenOptions previous = lastListen;
        stopServer();
        try {
            return startServer(listen);
        } catch (RuntimeException e) {
            if (previous != null) {
                startServer(previous);
            }
            throw e;
        }
    }

    /** Makes a PKCS#12 of the admin's the server's certificate; the running server restarts with it. */
    public synchronized void importCertificate(Path pkcs12, char[] password) {
        TlsMaterial.importPkcs12(dataDir, pkcs12, password);
        if (server != null && lastListen != null) {
            restartServer(new ListenOptions(lastListen.bind(), endpoint().map(Endpoint::port).orElse(lastListen.port()),
                    false, Optional.empty(), lastListen.kind()));
        }
    }

    /** Writes the server's certificate as PEM, for a device that must trust it. */
    public void exportCertificate(Path target) {
        TlsMaterial.loadOrCreate(dataDir);
        TlsMaterial.exportPem(dataDir, target);
    }

    /** How the server listens now (or last did). */
    public Optional<ListenOptions> listening() {
        return Optional.ofNullable(lastListen);
    }

    public synchronized void stopServer() {
        SubmissionServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }

    public Optional<Endpoint> endpoint() {
        SubmissionServer s = server;
        return s == null || !s.isRunning() ? Optional.empty() : Optional.of(new Endpoint(s.host(), s.port()));
    }

    /** The running server, for the admin services; empty when stopped. */
    public Optional<SubmissionServer> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public TenantSettings settings() {
        SubmissionServer s = server;
        return s != null ? s.tenant().settings() : store.settings().load();
    }

    /** Saves the settings and applies them to the running server at once. */
    @Override
    public synchronized void updateSettings(TenantSettings settings) {
        SubmissionServer s = server;
        if (s != null) {
            s.updateSettings(settings);
        } else {
            store.settings().save(settings);
        }
    }

    public void setProfile(Profile profile) {
        updateSettings(settings().with(Settings.PROFILE, profile));
    }

    /** Saves the mailbox and applies it to the running server at once. */
    @Override
    public synchronized void saveMailbox(Mailbox m) {
        SubmissionServer s = server;
        if (s != null) {
            s.saveMailbox(m);
        } else {
            store.mailboxes().save(m);
        }
    }

    /** Deletes the mailbox and refuses its logins at once. */
    @Override
    public synchronized boolean removeMailbox(String address) {
        SubmissionServer s = server;
        return s != null ? s.removeMailbox(address) : store.mailboxes().delete(address);
    }

    /** Mailbox administration applied to Live (and its running server) at once. */
    public MailboxAdmin mailboxes() {
        return new MailboxAdmin(this, clock);
    }

    public List<String> mailboxAddresses() {
        return store.mailboxes().all().stream().map(Mailbox::address).sorted().toList();
    }

    @Override
    public WorldStatus status() {
        SubmissionServer s = server;
        return new WorldStatus(s == null ? List.of() : s.mailboxStatus(), List.of(), List.of(), Optional.empty(),
                endpoint());
    }

    /** Live's console view starts over from now: counters, charts, the session log. Sent Items and the log stay. */
    public Instant resetCounters() {
        Instant now = clock.instant();
        try {
            Files.createDirectories(viewSinceFile().getParent());
            Files.writeString(viewSinceFile(), now.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the counters' reset time in " + dataDir + ": " + e, e);
        }
        return now;
    }

    /** When Live's counters were last reset (the epoch if never). */
    public Instant countersSince() {
        try {
            return Instant.parse(Files.readString(viewSinceFile(), StandardCharsets.UTF_8).trim());
        } catch (IOException | DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private Path viewSinceFile() {
        return dataDir.resolve(EventJournal.FOLDER).resolve(VIEW_SINCE);
    }

    private static boolean isFree(ListenOptions listen, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(listen.bind(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        try {
            stopServer();
        } finally {
            inventory.close();
            journal.close();
            store.close();
        }
    }
}
