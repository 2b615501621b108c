package org.submitlab.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.submitlab.app.JournalFollower;
import org.submitlab.app.World;
import org.submitlab.app.WorldStatus;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.policy.WindowEntry;
import org.submitlab.sim.DeviceStatus;
import org.submitlab.sim.PendingRetry;
import org.submitlab.store.SentItem;
import org.submitlab.store.SentItemsCount;
import org.submitlab.store.SentItemsRepository;
import org.submitlab.store.Store;
import org.submitlab.ui.budget.BudgetPanel;
import org.submitlab.ui.budget.BudgetRow;
import org.submitlab.ui.common.BackgroundTasks;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.UiContext;
import org.submitlab.ui.connections.ConnectionsPanel;
import org.submitlab.ui.connections.ConnectionsViewModel;
import org.submitlab.ui.devices.DeviceRow;
import org.submitlab.ui.devices.DevicesPanel;
import org.submitlab.ui.devices.ScenarioDraft;
import org.submitlab.ui.devices.SeenDevicesPanel;
import org.submitlab.ui.retries.RetriesPanel;
import org.submitlab.ui.retries.RetryRow;
import org.submitlab.ui.sentitems.SentItemRow;
import org.submitlab.ui.sentitems.SentItemsPanel;
import org.submitlab.ui.sentitems.SentItemsSource;
import org.submitlab.ui.sessionlog.SessionLogPanel;
import org.submitlab.ui.sessionlog.SessionLogViewModel;
import org.submitlab.ui.trace.TracePanel;

/**
 * Everything the console shows of one world: its panels, their view models, its own clock
 * property, its pump over the world's history and live events, and the poller of its status. A
 * switch of worlds builds a new view and closes the old one, so nothing of one world lingers in
 * another's panels, and a closed view holds nothing the app still references.
 */
final class WorldView implements AutoCloseable {

    private static final long POLL_MILLIS = 500;

    private final World world;
    private final UiContext ui;
    private final BackgroundTasks background;
    private final JournalFollower history;
    private final EventPump pump;
    private final ConnectionsViewModel connectionsVm = new ConnectionsViewModel();
    private final ConnectionsPanel connections;
    private final RetriesPanel retries;
    private final BudgetPanel budget;
    private final SentItemsPanel sentItems;
    private final DevicesPanel devices;
    private final SessionLogPanel sessionLog;
    private final TracePanel trace;
    /** Live only: the real devices seen, above the scenario's devices. */
    private final SeenDevicesPanel seenDevices;
    private final Node devicesNode;
    private final StatusBar statusBar;
    private final AtomicReference<WorldStatus> latest = new AtomicReference<>();
    private final Consumer<WorldStatus> onStatus;
    private List<String> shownMailboxes = List.of();
    private ScheduledFuture<?> poller;

    /**
     * @param onStatus every polled status, on the FX thread (the toolbar follows the run's state)
     */
    WorldView(World world, ZoneId zone, BackgroundTasks background, Consumer<ScenarioDraft> onDraftEdited,
            Consumer<WorldStatus> onStatus) {
        this.world = world;
        this.background = background;
        this.onStatus = onStatus;
        this.ui = new UiContext(zone, background, world.clock().instant(), world.isLive(), world.clock()::speed);
        this.history = world.follow();
        this.pump = new EventPump(history, world.clock()::instant);
        this.connections = new ConnectionsPanel(connectionsVm, ui);
        this.retries = new RetriesPanel(ui);
        this.budget = new BudgetPanel(ui);
        this.sentItems = new SentItemsPanel(ui);
        this.devices = new DevicesPanel(onDraftEdited);
        this.sessionLog = new SessionLogPanel(new SessionLogViewModel(), ui);
        this.seenDevices = world.isLive() ? new SeenDevicesPanel(ui, world.store()) : null;
        this.devicesNode = seenDevices == null ? devices.node()
                : org.submitlab.ui.common.PanelLayout.stacked(seenDevices.node(), devices.node(), 0.55);
        this.trace = new TracePanel(ui, world.store(), () -> world.status().run().map(r -> !r.active()).orElse(false));
        this.statusBar = new StatusBar(connectionsVm, pump);
        pump.addListener(new EventPump.Listener() {
            @Override
            public void onTick(Instant now) {
                ui.nowProperty().set(now);
                WorldStatus s = latest.getAndSet(null);
                if (s != null) {
                    distribute(s);
                }
            }
        });
        // The lists that move by themselves; Sent Items pages on scroll and Live's device draft is edited by hand.
        List<TableView<?>> moving = new java.util.ArrayList<>(List.of(connections.table(), retries.table(),
                budget.table(), sessionLog.table()));
        if (!world.isLive()) {
            moving.add(devices.table());
        }
        moving.forEach(t -> Tables.holdWhilePausedOrHovered(t, ui.listsPausedProperty()));
        for (EventPump.Listener l : List.of(connections, retries, budget, sentItems, devices, sessionLog, statusBar)) {
            pump.addListener(l);
        }
        sentItems.setSource(source(world.store(), world.isLive()));
        if (seenDevices != null) {
            pump.addListener(seenDevices);
        }
    }

    /** Starts the pump and the poller; call on the FX thread once the view's nodes are shown. */
    void open() {
        pump.start(EventPump.DEFAULT_HZ);
        poller = background.every(POLL_MILLIS, () -> latest.set(world.status()));
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.cancel(false);
        }
        pump.close();
        ui.listsPausedProperty().unbind();
    }

    World world() {
        return world;
    }

    UiContext ui() {
        return ui;
    }

    EventPump pump() {
        return pump;
    }

    StatusBar statusBar() {
        return statusBar;
    }

    /** Whether the world's recorded history is still being read into the panels. */
    boolean replaying() {
        return history.replaying();
    }

    DevicesPanel devices() {
        return devices;
    }

    SentItemsPanel sentItems() {
        return sentItems;
    }

    List<Node> panels() {
        return List.of(connections.node(), retries.node(), budget.node(), sentItems.node(), devicesNode,
                sessionLog.node(), trace.node());
    }

    ConnectionsPanel connections() {
        return connections;
    }

    SeenDevicesPanel seenDevices() {
        return seenDevices;
    }

    TracePanel trace() {
        return trace;
    }

    SessionLogPanel sessionLog() {
        return sessionLog;
    }

    /** The mailboxes known before the first poll (the tenant's, or the run's). */
    void setKnownMailboxes(List<String> addresses) {
        connectionsVm.setKnownMailboxes(addresses);
        sentItems.setMailboxes(addresses);
        shownMailboxes = addresses;
    }

    private void distribute(WorldStatus s) {
        for (MailboxStatus m : s.mailboxes()) {
            connectionsVm.applyStatus(m.address(), m.connections(), m.inFlight(), m.concurrencyLimit(), m.accepted(),
                    m.refused());
        }
        budget.setRows(s.mailboxes().stream().map(WorldView::budgetRow).toList());
        retries.setRetries(s.retries().stream().map(WorldView::retryRow).toList());
        if (!world.isLive()) {
            devices.setLive(s.devices().stream().map(WorldView::deviceRow).toList());
        }
        List<String> addresses = s.mailboxes().stream().map(MailboxStatus::address).sorted().toList();
        if (!addresses.isEmpty() && !addresses.equals(shownMailboxes)) {
            setKnownMailboxes(addresses);
        }
        onStatus.accept(s);
    }

    static BudgetRow budgetRow(MailboxStatus m) {
        return new BudgetRow(m.address(), m.recipientsInWindow(), m.recipientLimit(),
                m.window().stream().map(WorldView::use).toList());
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

    /** Sent Items pages straight from the world's store; Live's may be deleted from. */
    static SentItemsSource source(Store st, boolean live) {
        return new SentItemsSource() {
            @Override
            public boolean canDelete() {
                return live;
            }

            @Override
            public boolean delete(long id) {
                return writable().delete(id);
            }

            @Override
            public int clear(String mailbox) {
                return writable().clear(mailbox);
            }

            private SentItemsRepository writable() {
                if (!live) {
                    throw new UnsupportedOperationException("a run's Sent Items stay as it recorded them");
                }
                return st.sentItems();
            }

            @Override
            public List<SentItemRow> before(Optional<String> mailbox, String search, long beforeId, int limit) {
                return rows(st.sentItems().before(mailbox, search, beforeId, limit));
            }

            @Override
            public List<SentItemRow> after(Optional<String> mailbox, String search, long afterId, int limit) {
                return rows(st.sentItems().after(mailbox, search, afterId, limit));
            }

            @Override
            public SentItemsCount count(Optional<String> mailbox, String search) {
                return st.sentItems().countUpTo(mailbox, search, SentItemsRepository.COUNT_CAP);
            }

            @Override
            public Optional<byte[]> raw(long id) {
                return st.sentItems().raw(id);
            }

            @Override
            public Map<String, String> failedDeliveries(long id) {
                Map<String, String> failed = new LinkedHashMap<>();
                st.deliveries().failedOf(id).forEach(d -> failed.put(d.recipient(), d.failure()));
                return failed;
            }
        };
    }

    private static List<SentItemRow> rows(List<SentItem> items) {
        return items.stream().map(i -> new SentItemRow(i.id(), i.mailbox(), i.time(), i.envelopeFrom(), i.envelopeTo(),
                i.subject(), i.size(), i.sessionId(), i.clientAddress(), i.messageId())).toList();
    }

    /** "printers-sharing-mailbox · 22:41 · 60× · finished" for the world selector. */
    static String label(String name, Instant started, double speed, String state, ZoneId zone) {
        return name + " \u00b7 " + org.submitlab.ui.common.Formats.shortDateTime(started, zone) + " \u00b7 "
                + String.format(Locale.US, "%,.0f\u00d7", speed) + " \u00b7 " + state;
    }
}
