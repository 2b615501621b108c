package org.submitlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.submitlab.policy.Profile;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.Scenarios;
import org.submitlab.ui.budget.BudgetPanel;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.Themes;
import org.submitlab.ui.common.UiContext;
import org.submitlab.ui.connections.ConnectionsPanel;
import org.submitlab.ui.connections.ConnectionsViewModel;
import org.submitlab.ui.devices.DevicesPanel;
import org.submitlab.ui.devices.ScenarioDraft;
import org.submitlab.ui.retries.RetriesPanel;
import org.submitlab.ui.sentitems.SentItemsPanel;
import org.submitlab.ui.sessionlog.SessionLogPanel;
import org.submitlab.ui.sessionlog.SessionLogViewModel;

/** The main window: toolbar, the live panels as tabs, the status bar; wires them to the lab. */
public final class ConsoleWindow {

    static final String OPEN_FILE = "Open scenario file\u2026";
    static final List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 60.0, 300.0, 600.0, 3600.0);

    private final LabRuntime lab;
    private final UiContext ui;
    private final EventPump pump;
    private final ConnectionsViewModel connectionsVm = new ConnectionsViewModel();
    private final ConnectionsPanel connections;
    private final RetriesPanel retries;
    private final BudgetPanel budget;
    private final SentItemsPanel sentItems;
    private final DevicesPanel devices;
    private final SessionLogPanel sessionLog;
    private final StatusBar statusBar;
    private final AtomicReference<LiveSnapshot> latest = new AtomicReference<>();
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Scene scene;

    private final Button serverToggle = new Button("Start server");
    private final Label address = new Label(ConnectionHint.stopped());
    private final Button copy = new Button("Copy");
    private final ComboBox<Profile> profile = new ComboBox<>();
    private final ComboBox<String> scenarioPicker = new ComboBox<>();
    private final Button start = new Button("_Start");
    private final Button pause = new Button("_Pause");
    private final Button stop = new Button("S_top");
    private final ComboBox<Double> speed = new ComboBox<>();
    private final Label clock = new Label();
    private final Label scenarioState = new Label("No scenario running");
    private final ToggleButton dark = new ToggleButton("Dark");
    private final ToggleButton presentation = new ToggleButton("Presentation");

    private ScenarioDraft draft;
    private Optional<String> runningState = Optional.empty();
    private boolean serverRunning;
    private boolean busy;
    private ScheduledFuture<?> poller;

    public ConsoleWindow(LabRuntime lab, UiContext ui) {
        this.lab = lab;
        this.ui = ui;
        this.pump = new EventPump(lab.events(), lab.clock()::instant);
        this.connections = new ConnectionsPanel(connectionsVm, ui);
        this.retries = new RetriesPanel(ui);
        this.budget = new BudgetPanel(ui);
        this.sentItems = new SentItemsPanel(ui);
        this.devices = new DevicesPanel(d -> draft = d);
        this.sessionLog = new SessionLogPanel(new SessionLogViewModel(), ui);
        this.statusBar = new StatusBar(connectionsVm, pump);
        pump.addListener(new EventPump.Listener() {
            @Override
            public void onTick(Instant now) {
                ui.nowProperty().set(now);
                clock.setText(Formats.dateTime(now, ui.zone()));
                LiveSnapshot s = latest.getAndSet(null);
                if (s != null) {
                    distribute(s);
                }
            }
        });
        for (EventPump.Listener l : List.of(connections, retries, budget, sentItems, devices, sessionLog, statusBar)) {
            pump.addListener(l);
        }

        tabs.setId("panels");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(List.of(
                tab("Connections", "tab-connections", connections.node(),
                        "Open connections and submissions in flight per mailbox, with refusals per minute (Ctrl+1)"),
                tab("Retries", "tab-retries", retries.node(), "Every retry devices have queued (Ctrl+2)"),
                tab("Recipient budget", "tab-budget", budget.node(),
                        "Recipients per mailbox in the sliding 24-hour window (Ctrl+3)"),
                tab("Sent Items", "tab-sent-items", sentItems.node(), "Every accepted message, paged from the database (Ctrl+4)"),
                tab("Devices", "tab-devices", devices.node(), "The simulated devices and their state (Ctrl+5)"),
                tab("Session log", "tab-session-log", sessionLog.node(),
                        "Every SMTP session as a transcript: what a device saw (Ctrl+6)")));

        root.setTop(new VBox(toolbarServer(), toolbarScenario()));
        root.setCenter(tabs);
        root.setBottom(statusBar.node());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(820, screen.getHeight()));
        Themes.apply(scene, Themes.Theme.LIGHT, false);
        installShortcuts();
        updateControls();
    }

    private static Tab tab(String title, String id, Node content, String tooltip) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setTooltip(new Tooltip(tooltip));
        return t;
    }

    private FlowPane toolbarServer() {
        serverToggle.setId("server-toggle");
        serverToggle.setOnAction(e -> toggleServer());
        serverToggle.setTooltip(Tables.tooltip("Start or stop the SMTP submission server. Devices connect to the "
                + "address shown; stopping it closes their connections."));
        address.setId("address-hint");
        address.getStyleClass().add("address-hint");
        address.setTooltip(Tables.tooltip("Type this into a device's SMTP settings. The demo mailboxes' password is "
                + DemoTenant.PASSWORD + ". The certificate is self-signed: let the device accept it, or import "
                + "the one in the data folder."));
        copy.setId("copy-address");
        copy.setTooltip(new Tooltip("Copy the address and settings (Ctrl+L)"));
        copy.setOnAction(e -> copyAddress());
        profile.setId("profile");
        profile.getItems().setAll(Profile.values());
        profile.setTooltip(Tables.tooltip("exchange-online: today's replies. exchange-online-2018: the 2018 "
                + "announcement's 432 text. basic-auth-off: AUTH LOGIN refused, XOAUTH2 only (Microsoft's plan)."));
        profile.setOnAction(e -> {
            Profile p = profile.getValue();
            if (p != null && !busy) {
                background("Switching the profile to " + p + "\u2026", () -> {
                    lab.setProfile(p);
                    return null;
                }, r -> {
                    statusBar.setMessage("Profile " + p);
                    refreshAddress();
                });
            }
        });
        dark.setId("theme-dark");
        dark.setTooltip(new Tooltip("Dark theme (Ctrl+T)"));
        dark.setOnAction(e -> applyTheme());
        presentation.setId("presentation-mode");
        presentation.setTooltip(new Tooltip("Large fonts for projectors (Ctrl+P)"));
        presentation.setOnAction(e -> applyTheme());
        return toolbar("toolbar-server", serverToggle, caption("Address"), address, copy, divider(),
                caption("Profile"), profile, divider(), dark, presentation);
    }

    private FlowPane toolbarScenario() {
        scenarioPicker.setId("scenario-picker");
        scenarioPicker.setPromptText("Pick a scenario");
        scenarioPicker.getItems().setAll(Scenarios.presetNames());
        scenarioPicker.getItems().add(OPEN_FILE);
        scenarioPicker.setTooltip(Tables.tooltip("Presets shipped with SubmitLab, or a scenario file (JSON, see "
                + "docs/scenarios.md). Its devices appear in the Devices tab."));
        scenarioPicker.setOnAction(e -> pickScenario());
        start.setId("scenario-start");
        start.setOnAction(e -> startScenario());
        start.setTooltip(new Tooltip("Create the scenario's mailboxes and start its devices (F5)"));
        pause.setId("scenario-pause");
        pause.setOnAction(e -> pauseOrResume());
        pause.setTooltip(new Tooltip("Pause or resume the devices; the server keeps running"));
        stop.setId("scenario-stop");
        stop.setOnAction(e -> stopScenario());
        stop.setTooltip(new Tooltip("Stop the devices (Shift+F5)"));
        speed.setId("speed");
        speed.getItems().setAll(SPEEDS);
        speed.setValue(lab.clock().speed());
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : String.format(java.util.Locale.US, "%,.0f\u00d7", d);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("\u00d7", "").replace(",", ""));
            }
        });
        speed.setTooltip(Tables.tooltip("How fast simulated time runs: 60\u00d7 makes a minute pass every second. "
                + "Every window, lockout and retry reads this one clock."));
        speed.setOnAction(e -> {
            if (!busy && speed.getValue() != null) {
                lab.clock().setSpeed(speed.getValue());
            }
        });
        clock.setId("sim-clock");
        clock.getStyleClass().add("sim-clock");
        clock.setTooltip(new Tooltip("Simulated time (your time zone)"));
        scenarioState.setId("scenario-state");
        return toolbar("toolbar-scenario", caption("Simulated time"), clock, caption("Speed"), speed, divider(),
                caption("Scenario"), scenarioPicker, start, pause, stop, scenarioState);
    }

    /**
     * A toolbar that wraps instead of hiding controls in an overflow menu: in presentation mode on a
     * projector every control must stay one click away.
     */
    private static FlowPane toolbar(String id, Node... items) {
        FlowPane bar = new FlowPane(6, 4, items);
        bar.getStyleClass().add("tool-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setId(id);
        return bar;
    }

    private static Separator divider() {
        return new Separator(Orientation.VERTICAL);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("toolbar-caption");
        return l;
    }

    private void installShortcuts() {
        for (int i = 0; i < 6; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(index));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), () -> {
            presentation.setSelected(!presentation.isSelected());
            applyTheme();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), () -> {
            dark.setSelected(!dark.isSelected());
            applyTheme();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::copyAddress);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (!start.isDisabled()) {
                startScenario();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), () -> {
            if (!stop.isDisabled()) {
                stopScenario();
            }
        });
    }

    private void applyTheme() {
        Themes.apply(scene, dark.isSelected() ? Themes.Theme.DARK : Themes.Theme.LIGHT, presentation.isSelected());
    }

    public Scene scene() {
        return scene;
    }

    public TabPane tabs() {
        return tabs;
    }

    public EventPump pump() {
        return pump;
    }

    /** Opens the lab in the background, starts the server if asked, then the pump and the poller. */
    public void open(Stage stage, boolean startServer) {
        stage.setScene(scene);
        stage.setTitle("SubmitLab \u2014 " + lab.dataDir());
        pump.start(EventPump.DEFAULT_HZ);
        poller = ui.background().every(500, () -> latest.set(lab.snapshot()));
        background("Opening " + lab.dataDir() + "\u2026", () -> {
            boolean demo = lab.open();
            if (startServer) {
                lab.startServer();
            }
            return demo;
        }, demo -> {
            serverRunning = lab.runningAddress().isPresent();
            sentItems.setSource(lab.sentItems());
            statusBar.setMessage(demo ? "First run: created a demo tenant (" + DemoTenant.MAILBOXES.size()
                    + " mailboxes, password " + DemoTenant.PASSWORD + ") in " + lab.dataDir()
                    : "Data folder " + lab.dataDir());
            refreshMailboxes();
            refreshAddress();
            if (scenarioPicker.getValue() == null && !Scenarios.presetNames().isEmpty()) {
                scenarioPicker.setValue(Scenarios.presetNames().get(0));
            }
        });
    }

    public void close() {
        if (poller != null) {
            poller.cancel(false);
        }
        pump.close();
    }

    private void distribute(LiveSnapshot s) {
        for (LiveSnapshot.MailboxCounts m : s.mailboxes()) {
            connectionsVm.applyStatus(m.address(), m.connections(), m.inFlight(), m.limit(), m.accepted(), m.refused());
        }
        budget.setRows(s.budget());
        retries.setRetries(s.retries());
        devices.setLive(s.devices());
        if (!s.mailboxes().isEmpty()) {
            List<String> addresses = s.mailboxes().stream().map(LiveSnapshot.MailboxCounts::address).sorted().toList();
            sentItems.setMailboxes(addresses);
            connectionsVm.setKnownMailboxes(addresses);
        }
        if (!s.scenario().equals(runningState)) {
            runningState = s.scenario();
            scenarioState.setText(runningState.map(st -> "Scenario " + st).orElse("No scenario running"));
            if (runningState.filter("finished"::equals).isPresent()) {
                statusBar.setMessage("Scenario finished: see Devices for who gave up, Sent Items for what got through");
            }
            updateControls();
        }
    }

    private void refreshMailboxes() {
        background(null, lab::mailboxAddresses, list -> {
            connectionsVm.setKnownMailboxes(list);
            sentItems.setMailboxes(list);
        });
    }

    private void refreshAddress() {
        background(null, () -> new Object[] {lab.runningAddress(), lab.settings().profile()}, r -> {
            @SuppressWarnings("unchecked")
            Optional<LabRuntime.Address> a = (Optional<LabRuntime.Address>) r[0];
            Profile p = (Profile) r[1];
            busy = true;
            profile.setValue(p);
            busy = false;
            serverRunning = a.isPresent();
            address.setText(a.map(x -> ConnectionHint.text(x.host(), x.port(), p, DemoTenant.firstMailbox()))
                    .orElse(ConnectionHint.stopped()));
            updateControls();
        });
    }

    private void copyAddress() {
        ClipboardContent c = new ClipboardContent();
        c.putString(address.getText());
        Clipboard.getSystemClipboard().setContent(c);
        statusBar.setMessage("Copied: " + address.getText());
    }

    private void toggleServer() {
        if (serverRunning) {
            background("Stopping the server\u2026", () -> {
                lab.stopServer();
                return null;
            }, r -> {
                statusBar.setMessage("Server stopped");
                refreshAddress();
            });
        } else {
            background("Starting the server\u2026", lab::startServer, a -> {
                statusBar.setMessage("Listening on " + a.host() + ":" + a.port());
                refreshAddress();
                refreshMailboxes();
            });
        }
    }

    private void pickScenario() {
        String choice = scenarioPicker.getValue();
        if (choice == null || busy) {
            return;
        }
        if (choice.equals(OPEN_FILE)) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a scenario");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"));
            File file = chooser.showOpenDialog(scene.getWindow());
            busy = true;
            scenarioPicker.setValue(draft == null ? null : draft.scenario().name());
            busy = false;
            if (file != null) {
                loadScenario(file.toPath().toString(), () -> Scenarios.load(file.toPath()));
            }
            return;
        }
        if (Scenarios.presetNames().contains(choice)) {
            loadScenario(choice, () -> Scenarios.preset(choice));
        }
    }

    private void loadScenario(String label, java.util.concurrent.Callable<Scenario> loader) {
        background("Loading " + label + "\u2026", loader, s -> {
            draft = new ScenarioDraft(s);
            devices.setDraft(draft);
            if (!scenarioPicker.getItems().contains(label)) {
                scenarioPicker.getItems().add(scenarioPicker.getItems().size() - 1, label);
            }
            busy = true;
            scenarioPicker.setValue(label);
            // Only suggested: the clock keeps its pace (real devices may be connected) until Start.
            speed.setValue(nearestSpeed(s.speed()));
            busy = false;
            statusBar.setMessage(s.name() + ": " + s.description());
            updateControls();
        });
    }

    static double nearestSpeed(double suggested) {
        double best = SPEEDS.get(0);
        for (double s : SPEEDS) {
            if (Math.abs(Math.log(s) - Math.log(Math.max(1, suggested))) < Math.abs(Math.log(best) - Math.log(Math.max(1, suggested)))) {
                best = s;
            }
        }
        return best;
    }

    private void startScenario() {
        if (draft == null) {
            return;
        }
        Scenario s = draft.scenario();
        lab.clock().setSpeed(speed.getValue());
        background("Starting " + s.name() + "\u2026", () -> lab.startScenario(s), a -> {
            statusBar.setMessage(s.name() + " running against " + a.host() + ":" + a.port());
            runningState = Optional.of("running");
            scenarioState.setText("Scenario running");
            refreshAddress();
            refreshMailboxes();
        });
    }

    private void pauseOrResume() {
        boolean paused = runningState.map("paused"::equals).orElse(false);
        background(paused ? "Resuming\u2026" : "Pausing\u2026", () -> {
            if (paused) {
                lab.resumeScenario();
            } else {
                lab.pauseScenario();
            }
            return null;
        }, r -> {
        });
    }

    private void stopScenario() {
        background("Stopping the scenario\u2026", () -> {
            lab.stopScenario();
            return null;
        }, r -> statusBar.setMessage("Scenario stopped"));
    }

    private void updateControls() {
        boolean running = runningState.map(st -> st.equals("running") || st.equals("paused")).orElse(false);
        serverToggle.setText(serverRunning ? "Stop server" : "Start server");
        copy.setDisable(!serverRunning);
        start.setDisable(draft == null || running);
        pause.setDisable(!running);
        pause.setText(runningState.map("paused"::equals).orElse(false) ? "_Resume" : "_Pause");
        stop.setDisable(runningState.isEmpty());
        scenarioPicker.setDisable(running);
    }

    private <T> void background(String message, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> then) {
        if (message != null) {
            statusBar.setMessage(message);
        }
        ui.background().run(work, then, e -> statusBar.setMessage(
                (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }

    Path dataDir() {
        return lab.dataDir();
    }
}
