package org.submitlab.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.server.SMTPServer;
import org.submitlab.concurrent.NamedThreads;
import org.submitlab.events.EventBus;
import org.submitlab.policy.DistributionGroup;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.policy.RecipientWindow;
import org.submitlab.policy.SubmissionPolicy;
import org.submitlab.policy.Tenant;
import org.submitlab.policy.TenantSettings;
import org.submitlab.server.tls.LazyTlsIdentity;
import org.submitlab.server.tls.TlsIdentity;
import org.submitlab.server.tls.TlsPolicy;
import org.submitlab.server.tls.TlsSocketCreator;
import org.submitlab.store.ChangeWatch;
import org.submitlab.store.RecipientUse;
import org.submitlab.store.Store;

/**
 * The embedded submission endpoint: SubEthaSMTP with every command replaced by this package's, so
 * each reply has Exchange Online's text at Exchange Online's phase. A SubEthaSMTP server starts only
 * once, so every {@link #start()} builds a new one (and a new policy, seeded from the store).
 */
public final class SubmissionServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionServer.class);
    private static final long RETENTION_SWEEP_SECONDS = 30;
    /** How soon a change made by another process (an admin command on the same folder) applies here. */
    static final long RELOAD_MILLIS = 1_000;
    private static final long WATCHDOG_MILLIS = 500;
    private static final int LIBRARY_HEADROOM = 256;

    private final InetAddress bindAddress;
    private final int configuredPort;
    private final Store store;
    private final LabClock clock;
    private final EventBus events;
    private final Supplier<SSLContext> sslContext;
    private final Tenant tenant = Tenant.empty();
    private final EndpointKind endpoint;
    private final List<EndpointKind> additionalEndpoints;
    private final LegacyTlsAcceptor legacyTls;
    private final Map<EndpointKind, Listener> listeners = new LinkedHashMap<>();

    private volatile SubmissionPolicy policy;
    private SMTPServer smtp;
    private ExecutorService sessionThreads;
    private ScheduledExecutorService housekeeping;
    private ScheduledExecutorService watchdog;
    private ChangeWatch changes;
    private SentItemsRetention retention;

    private SubmissionServer(Builder b) {
        this.bindAddress = b.bindAddress;
        this.configuredPort = b.port;
        this.store = Objects.requireNonNull(b.store, "store");
        this.clock = b.clock;
        this.events = b.events;
        TlsIdentity given = b.identity;
        Supplier<TlsIdentity> identity = given != null ? () -> given
                : b.sslContext == null ? new LazyTlsIdentity(b.tlsFolder != null ? b.tlsFolder : store.dataDir())
                : null;
        SSLContext context = b.sslContext;
        this.sslContext = identity != null ? () -> identity.get().context() : () -> context;
        this.policy = new SubmissionPolicy(tenant, clock);
        this.endpoint = b.endpoint;
        this.additionalEndpoints = List.copyOf(b.additionalEndpoints);
        this.legacyTls = b.legacyTlsSet ? b.legacyTls : identity != null ? new LazyLegacyTls(identity) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads the tenant from the store, seeds the windows from the submission log, and listens. */
    public synchronized void start() {
        if (smtp != null) {
            return;
        }
        tenant.replaceAll(store.settings().load(), store.mailboxes().all());
        SubmissionPolicy fresh = seededPolicy(store, tenant, clock);
        GuardKeeper.seedAndKeep(store, fresh);
        policy = fresh;

        sessionThreads = Executors.newCachedThreadPool(new NamedThreads("submitlab-smtp-session"));
        SessionIds ids = new SessionIds();
        listeners.clear();
        try {
            for (EndpointKind kind : endpointKinds()) {
                ServerContext ctx = new ServerContext(store, events, clock, tenant, fresh,
                        new TlsSocketCreator(sslContext, TlsPolicy.MODERN), kind, legacyTls);
                SMTPServer server = listen(ctx, ids, kind == endpoint ? configuredPort : 0);
                listeners.put(kind, new Listener(server, ctx));
            }
        } catch (RuntimeException e) {
            listeners.values().forEach(l -> l.smtp().stop());
            listeners.clear();
            sessionThreads.shutdownNow();
            throw e;
        }
        smtp = listeners.get(endpoint).smtp();

        retention = new SentItemsRetention(store, tenant, fresh);
        housekeeping = Executors.newScheduledThreadPool(1, new NamedThreads("submitlab-housekeeping"));
        housekeeping.scheduleWithFixedDelay(retention, 0, RETENTION_SWEEP_SECONDS, TimeUnit.SECONDS);
        changes = store.watchChanges();
        housekeeping.scheduleWithFixedDelay(this::reloadIfChanged, RELOAD_MILLIS, RELOAD_MILLIS, TimeUnit.MILLISECONDS);
        watchdog = Executors.newSingleThreadScheduledExecutor(new NamedThreads("submitlab-deadlines"));
        List<ServerContext> contexts = listeners.values().stream().map(Listener::ctx).toList();
        watchdog.scheduleWithFixedDelay(() -> contexts.forEach(c -> c.connections.sweep()), WATCHDOG_MILLIS,
                WATCHDOG_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Submission endpoint ({}) listening on {}:{}", endpoint, host(), port());
        for (EndpointKind extra : additionalEndpoints) {
            LOG.info("Submission endpoint ({}) listening on {}:{}", extra, host(), port(extra));
        }
    }

    /**
     * Waits until the certificate is read (it is read beside the start); throws {@link IllegalStateException}
     * with the reason if it cannot be used.
     */
    public void awaitTls() {
        sslContext.get();
    }

    /** The primary endpoint first, then the additional ones. */
    private List<EndpointKind> endpointKinds() {
        List<EndpointKind> kinds = new ArrayList<>();
        kinds.add(endpoint);
        additionalEndpoints.stream().filter(k -> !kinds.contains(k)).forEach(kinds::add);
        return kinds;
    }

    private record Listener(SMTPServer smtp, ServerContext ctx) {
    }

    private SMTPServer listen(ServerContext ctx, SessionIds ids, int listenPort) {
        SMTPServer server = SMTPServer.port(listenPort)
                .bindAddress(bindAddress)
                .hostName(tenant.settings().hostName())
                .softwareName("SubmitLab")
                .executorService(sessionThreads)
                .connectionTimeoutMs((int) Math.min(Integer.MAX_VALUE, tenant.limits().idleTimeout().toMillis()))
                // The table (ConnectionTable) admits and sheds; the library's own cap only bounds the threads of
                // connections being refused, which close at once.
                .maxConnections(tenant.limits().connections().maxConnections() + LIBRARY_HEADROOM)
                .sessionIdFactory(ids)
                .sessionHandler(new SessionLifecycle(ctx))
                .serverSocketFactory(() -> new ShapingServerSocket(() -> tenant.limits().connections(),
                        () -> ctx.beforeSessionShaper(ids.create())))
                .startTlsSocketFactory(ctx.tls)
                .serverThreadName("submitlab-smtp-accept")
                .build();
        register(server.getCommandHandler(), ctx);
        server.start();
        return server;
    }

    /** A policy for {@code tenant} whose windows and sizes carry on from what {@code store} recorded. */
    private static SubmissionPolicy seededPolicy(Store store, Tenant tenant, LabClock clock) {
        SubmissionPolicy p = new SubmissionPolicy(tenant, clock);
        Instant since = clock.instant().minus(RecipientWindow.LENGTH);
        for (RecipientUse use : store.submissions().acceptedSince(since)) {
            p.seedRecipients(use.mailbox(), use.time(), use.recipients());
        }
        p.setSentItemsBytes(store.sentItems().totalSizeByMailbox());
        for (Instant t : store.deliveries().externalSince(since)) {
            p.seedExternal(t, 1);
        }
        return p;
    }

    /**
     * The mailboxes' status as a server on {@code store} would start with at {@code clock}'s time, without
     * listening: a finished run opened for review.
     */
    public static List<MailboxStatus> statusFromStore(Store store, LabClock clock) {
        Tenant t = new Tenant(store.settings().load(), store.mailboxes().all());
        return seededPolicy(store, t, clock).status();
    }

    /** Every verb goes to this package's commands; addCommand replaces the library's by name. */
    private static void register(CommandHandler handler, ServerContext ctx) {
        handler.addCommand(new HelloCommands.Ehlo(ctx));
        handler.addCommand(new HelloCommands.Helo(ctx));
        handler.addCommand(new StartTlsCommand(ctx));
        handler.addCommand(new AuthCommand(ctx));
        handler.addCommand(new EnvelopeCommands.Mail(ctx));
        handler.addCommand(new EnvelopeCommands.Rcpt(ctx));
        handler.addCommand(new DataCommand(ctx));
        handler.addCommand(new SessionCommands.Rset(ctx));
        handler.addCommand(new SessionCommands.Quit(ctx));
        handler.addCommand(SessionCommands.noop(ctx));
        handler.addCommand(SessionCommands.help(ctx));
        handler.addCommand(SessionCommands.vrfy(ctx));
        handler.addCommand(SessionCommands.unrecognized("EXPN", ctx));
        handler.addCommand(SessionCommands.unrecognized("BDAT", ctx));
    }

    /** The real port after start. */
    public synchronized int port() {
        if (smtp == null) {
            throw new IllegalStateException("the server is not running");
        }
        return smtp.getPortAllocated();
    }

    /** The endpoint the primary port plays (standard, legacy or HVE). */
    public EndpointKind endpoint() {
        return endpoint;
    }

    /** The real port of the listener playing {@code kind}; IllegalArgumentException when there is none. */
    public synchronized int port(EndpointKind kind) {
        if (smtp == null) {
            throw new IllegalStateException("the server is not running");
        }
        Listener l = listeners.get(kind);
        if (l == null) {
            throw new IllegalArgumentException("the server has no " + kind + " endpoint");
        }
        return l.smtp().getPortAllocated();
    }

    /** The bound address, e.g. 127.0.0.1. */
    public String host() {
        return bindAddress.getHostAddress();
    }

    public synchronized boolean isRunning() {
        return smtp != null;
    }

    public EventBus events() {
        return events;
    }

    public LabClock clock() {
        return clock;
    }

    public Tenant tenant() {
        return tenant;
    }

    /** The policy of the current run (windows, slots, lockouts). */
    public SubmissionPolicy policy() {
        return policy;
    }

    /** Persists the mailbox and applies it at once. */
    public void saveMailbox(Mailbox m) {
        store.mailboxes().save(m);
        tenant.putMailbox(m);
    }

    /**
     * Declares a distribution group: a message to its address counts as one recipient and is delivered to its
     * members. Kept in memory for this server (a run's scenario declares its groups), not in the store.
     */
    public void saveDistributionGroup(DistributionGroup g) {
        tenant.putGroup(g);
    }

    /** Deletes the mailbox (its Sent Items stay unless removed separately) and refuses its logins at once. */
    public boolean removeMailbox(String address) {
        boolean removed = store.mailboxes().delete(address);
        tenant.removeMailbox(address);
        return removed;
    }

    /**
     * Takes in what another process committed to the store (SQLite says when anything was committed; the
     * tenant is replaced only when settings or mailboxes differ), so a change made with the CLI beside a
     * running server applies within {@link #RELOAD_MILLIS}.
     */
    private void reloadIfChanged() {
        try {
            if (changes.changed() && tenant.replaceAll(store.settings().load(), store.mailboxes().all())) {
                LOG.info("Applied the settings and mailboxes changed in {}", store.dataDir());
            }
        } catch (RuntimeException e) {
            // a failed look must not end the schedule: the next one tries again
            LOG.warn("Could not reload the tenant from {}: {}", store.dataDir(), e.toString());
        }
    }

    /** Persists the settings and applies them at once (the idle timeout applies from each connection's next command). */
    public void updateSettings(TenantSettings s) {
        store.settings().save(s);
        tenant.updateSettings(s);
    }

    public List<MailboxStatus> mailboxStatus() {
        return policy.status();
    }

    /** Removes Sent Items older than their mailbox's retention now (it also runs every 30 s); returns how many. */
    public synchronized int sweepSentItems() {
        if (retention == null) {
            throw new IllegalStateException("the server is not running");
        }
        return retention.sweep();
    }

    /** Stops listening and ends every session; idempotent. */
    public synchronized void stop() {
        if (smtp == null) {
            return;
        }
        try {
            listeners.values().forEach(l -> l.smtp().stop());
        } finally {
            listeners.clear();
            smtp = null;
            housekeeping.shutdownNow();
            watchdog.shutdownNow();
            changes.close();
            sessionThreads.shutdownNow();
            try {
                sessionThreads.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }


    public static final class Builder {
        private InetAddress bindAddress;
        private int port;
        private Store store;
        private LabClock clock;
        private EventBus events;
        private SSLContext sslContext;
        private TlsIdentity identity;
        private Path tlsFolder;
        private EndpointKind endpoint = EndpointKind.STANDARD;
        private final List<EndpointKind> additionalEndpoints = new ArrayList<>();
        private LegacyTlsAcceptor legacyTls;
        private boolean legacyTlsSet;

        private Builder() {
            try {
                bindAddress = InetAddress.getByName("127.0.0.1");
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder store(Store store) {
            this.store = store;
            return this;
        }

        public Builder clock(LabClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder events(EventBus events) {
            this.events = events;
            return this;
        }

        /**
         * The certificate for TLS 1.2 and 1.3 only (the JVM's TLS): without {@link #legacyTls}, TLS 1.0/1.1 clients'
         * handshakes fail. Replaces {@link #tls}.
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            this.identity = null;
            this.tlsFolder = null;
            return this;
        }

        /**
         * The key and certificate to present: to TLS 1.2 and 1.3 clients through the JVM's TLS, to TLS 1.0/1.1
         * clients through {@link BouncyCastleLegacyTls} (unless {@link #legacyTls} says otherwise). Replaces
         * {@link #sslContext}. Without either, the store's data folder's certificate serves both, read on a thread
         * of its own while the server starts (the first STARTTLS waits for it; one that cannot be read fails it).
         */
        public Builder tls(TlsIdentity identity) {
            this.identity = Objects.requireNonNull(identity);
            this.sslContext = null;
            this.tlsFolder = null;
            return this;
        }

        /**
         * The certificate of another data folder than the store's (a run's server presents Live's), read like the
         * default one: on a thread of its own while the server starts, the first STARTTLS waiting for it.
         */
        public Builder tlsFrom(Path dataDir) {
            this.tlsFolder = Objects.requireNonNull(dataDir);
            this.identity = null;
            this.sslContext = null;
            return this;
        }

        /** Which endpoint the port plays: standard (default), legacy or HVE. */
        public Builder endpoint(EndpointKind kind) {
            this.endpoint = Objects.requireNonNull(kind);
            return this;
        }

        /** Also listens as {@code kind} on a free port of the same address (a run whose devices use HVE). */
        public Builder alsoListen(EndpointKind kind) {
            this.additionalEndpoints.add(Objects.requireNonNull(kind));
            return this;
        }

        /**
         * What completes TLS 1.0/1.1 handshakes (the JVM's TLS refuses them, and must keep doing so for everything
         * else: docs/decisions/0301). By default {@link BouncyCastleLegacyTls} with the server's certificate, unless
         * only an {@link #sslContext} was given. With none ({@code null}), such a client's handshake fails (a
         * protocol_version alert), and the session log says what Exchange would have answered.
         */
        public Builder legacyTls(LegacyTlsAcceptor acceptor) {
            this.legacyTls = acceptor;
            this.legacyTlsSet = true;
            return this;
        }

        public SubmissionServer build() {
            if (clock == null) {
                clock = LabClock.system();
            }
            if (events == null) {
                events = new EventBus();
            }
            return new SubmissionServer(this);
        }
    }
}
