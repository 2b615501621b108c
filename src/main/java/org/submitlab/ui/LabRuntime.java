package org.submitlab.ui;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.events.EventBus;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.policy.Profile;
import org.submitlab.policy.ScaledClock;
import org.submitlab.policy.TenantSettings;
import org.submitlab.policy.WindowEntry;
import org.submitlab.server.SubmissionServer;
import org.submitlab.sim.DeviceStatus;
import org.submitlab.sim.PendingRetry;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.ScenarioSetup;
import org.submitlab.sim.SimulationEngine;
import org.submitlab.store.Store;
import org.submitlab.ui.budget.BudgetRow;
import org.submitlab.ui.devices.DeviceRow;
import org.submitlab.ui.retries.RetryRow;
import org.submitlab.ui.sentitems.SentItemRow;
import org.submitlab.ui.sentitems.SentItemsSource;

/**
 * The lab the console drives: one store, one clock and one event bus for the whole session,
 * a server that may be started and stopped, and at most one running simulation. Every method
 * may block (sockets, database) and is called on the console's background threads only.
 */
public final class LabRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LabRuntime.class);

    /** Where a device reaches the running server. */
    public record Address(String host, int port) {
    }

    private final ConsoleOptions options;
    private final ScaledClock clock;
    private final EventBus events = new EventBus();
    private Store store;
    private volatile SubmissionServer server;
    private volatile SimulationEngine engine;

    public LabRuntime(ConsoleOptions options, ScaledClock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** Opens the store, creating the demo tenant on a first run. Returns whether the demo was created. */
    public synchronized boolean open() {
        if (store == null) {
            store = Store.open(options.dataDir());
            return DemoTenant.createIfEmpty(store);
        }
        return false;
    }

    public synchronized Address startServer() {
        open();
        if (server != null) {
            return address();
        }
        int port = options.port();
        if (port != 0 && options.fallbackToAnyPort() && !isFree(port)) {
            LOG.info("port {} is taken; listening on any free port", port);
            port = 0;
        }
        SubmissionServer s = SubmissionServer.builder().store(store).clock(clock).events(events).port(port).build();
        s.start();
        server = s;
        return address();
    }

    public synchronized void stopServer() {
        stopScenario();
        SubmissionServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }

    public Optional<Address> runningAddress() {
        return server == null ? Optional.empty() : Optional.of(address());
    }

    private Address address() {
        return new Address(server.host(), server.port());
    }

    /** Applies the scenario's mailboxes and limits to the server (started if needed) and starts its devices. */
    public synchronized Address startScenario(Scenario scenario) {
        stopScenario();
        Address a = startServer();
        ScenarioSetup.apply(scenario, server);
        ScenarioSetup.applyTokens(scenario, store);
        SimulationEngine e = new SimulationEngine(scenario, a.host(), a.port(), clock);
        e.start();
        engine = e;
        return a;
    }

    public synchronized void pauseScenario() {
        if (engine != null) {
            engine.pause();
        }
    }

    public synchronized void resumeScenario() {
        if (engine != null) {
            engine.resume();
        }
    }

    public synchronized void stopScenario() {
        SimulationEngine e = engine;
        engine = null;
        if (e != null) {
            e.close();
        }
    }

    public synchronized void setProfile(Profile profile) {
        open();
        if (server != null) {
            server.updateSettings(server.tenant().settings().withProfile(profile));
        } else {
            store.settings().save(store.settings().load().withProfile(profile));
        }
    }

    public synchronized TenantSettings settings() {
        open();
        return server != null ? server.tenant().settings() : store.settings().load();
    }

    public synchronized List<String> mailboxAddresses() {
        open();
        return store.mailboxes().all().stream().map(m -> m.address()).sorted().toList();
    }

    public EventBus events() {
        return events;
    }

    public ScaledClock clock() {
        return clock;
    }

    public Path dataDir() {
        return options.dataDir();
    }

    /** Reads the live state of server and simulation; called by the background poller. */
    public LiveSnapshot snapshot() {
        SubmissionServer s = server;
        SimulationEngine e = engine;
        List<MailboxStatus> status = s == null ? List.of() : s.mailboxStatus();
        List<LiveSnapshot.MailboxCounts> counts = status.stream().map(m -> new LiveSnapshot.MailboxCounts(
                m.address(), m.connections(), m.inFlight(), m.concurrencyLimit(), m.accepted(), m.refused())).toList();
        List<BudgetRow> budget = status.stream().map(m -> new BudgetRow(m.address(), m.recipientsInWindow(),
                m.recipientLimit(), m.window().stream().map(LabRuntime::use).toList())).toList();
        List<DeviceRow> devices = e == null ? List.of() : e.devices().stream().map(LabRuntime::deviceRow).toList();
        List<RetryRow> retries = e == null ? List.of() : e.pendingRetries().stream().map(LabRuntime::retryRow).toList();
        Optional<String> scenario = e == null ? Optional.empty()
                : Optional.of(e.state().name().toLowerCase(java.util.Locale.ROOT));
        return new LiveSnapshot(counts, budget, devices, retries, scenario);
    }

    private static BudgetRow.Use use(WindowEntry w) {
        return new BudgetRow.Use(w.time(), w.recipients());
    }

    static DeviceRow deviceRow(DeviceStatus d) {
        return new DeviceRow(d.name(), d.kind().id(), d.mailbox(), d.state().name(), d.attempts(), d.accepted(),
                d.refused(), d.retries(), d.gaveUp(), d.pendingRetries(), d.lastReply() == null ? "" : d.lastReply());
    }

    static RetryRow retryRow(PendingRetry r) {
        return new RetryRow(r.device(), r.mailbox(), r.message(), r.attempt(), r.nextAttemptAt(),
                r.lastReply() == null ? "" : r.lastReply());
    }

    /** Sent Items pages straight from the store. */
    public SentItemsSource sentItems() {
        open();
        Store st = store;
        return new SentItemsSource() {
            @Override
            public List<SentItemRow> page(Optional<String> mailbox, String search, int offset, int limit) {
                return st.sentItems().page(mailbox, search, offset, limit).stream()
                        .map(i -> new SentItemRow(i.id(), i.mailbox(), i.time(), i.envelopeFrom(), i.envelopeTo(),
                                i.subject(), i.size(), i.sessionId(), i.clientAddress()))
                        .toList();
            }

            @Override
            public long count(Optional<String> mailbox, String search) {
                return st.sentItems().count(mailbox, search);
            }

            @Override
            public Optional<byte[]> raw(long id) {
                return st.sentItems().raw(id);
            }
        };
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
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
            if (store != null) {
                store.close();
                store = null;
            }
        }
    }
}
