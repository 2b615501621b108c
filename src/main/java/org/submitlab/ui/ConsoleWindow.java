package org.submitlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
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
import org.submitlab.app.DemoTenant;
import org.submitlab.app.Endpoint;
import org.submitlab.app.ListenOptions;
import org.submitlab.app.LiveWorld;
import org.submitlab.app.Run;
import org.submitlab.app.RunInfo;
import org.submitlab.app.RunState;
import org.submitlab.app.Workspace;
import org.submitlab.app.World;
import org.submitlab.app.WorldStatus;
import org.submitlab.app.compare.CompareRuns;
import org.submitlab.app.compare.RemedyPair;
import org.submitlab.app.compare.RemedyPairs;
import org.submitlab.policy.Profile;
import org.submitlab.sim.Scenario;
import org.submitlab.sim.Scenarios;
import org.submitlab.ui.common.BackgroundTasks;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.Themes;
import org.submitlab.ui.compare.CompareWindow;
import org.submitlab.ui.devices.ScenarioDraft;

/**
 * The main window: the world selector (Live, then the runs newest first), Live's server, the
 * scenario controls, the panels of the selected world as tabs, and its status bar. Every panel
 * shows the selected world only; switching builds the new world's view and closes the old one.
 */
public final class ConsoleWindow {

    static final int KEPT_VIEWS = 3;
    static final List<Double> SPEEDS = org.submitlab.ui.common.Speeds.CHOICES;
    private static final List<String> TAB_TITLES = List.of("Connections", "Retries", "Recipient budget", "Sent Items",
            "Devices", "Session log", "Trace");
    private final org.submitlab.ui.explain.ExplainPanel explainPanel = new org.submitlab.ui.explain.ExplainPanel();
    private final Tab explainTab = new Tab("Explain", explainPanel.node());
    private final org.submitlab.ui.admin.MailboxesPanel mailboxesPanel;
    private final org.submitlab.ui.admin.TenantPanel tenantPanel;
    private final Tab mailboxesTab;
    private final Tab tenantTab;

    /** An entry of the world selector. */
    record WorldChoice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ConsoleOptions options;
    private final BackgroundTasks background;
    private final java.time.ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final List<Tab> tabList = new ArrayList<>();
    private final Scene scene;

    private final ComboBox<WorldChoice> worldPicker = new ComboBox<>();
    private final Button resetCounters = new Button("Reset counters");
    private final Button deleteRun = new Button("Delete run");
    private final Button serverToggle = new Button("Start server");
    private final Label address = new Label(ConnectionHint.stopped());
    private final Button copy = new Button("Copy");
    private final ComboBox<Profile> profile = new ComboBox<>();
    private final ComboBox<String> scenarioPicker = new ComboBox<>();
    private final Button openScenario = new Button("Open\u2026");
    private final Button start = new Button("_Start");
    private final Button pause = new Button("_Pause");
    private final Button stop = new Button("S_top");
    /** One click: this much of the run's time plays, then it pauses again. */
    static final java.time.Duration STEP = java.time.Duration.ofSeconds(5);
    private final Button step = new Button("Step " + Formats.countdown(STEP));
    private final Button useSuggested = new Button();
    private final Button compare = new Button("Compare\u2026");
    private final Button replay = new Button("Replay");
    private org.submitlab.ui.replay.ReplayWindow lastReplay;
    private double suggestedSpeed;
    private CompareWindow lastComparison;
    private final org.submitlab.ui.common.CaptionBanner captionBanner =
            new org.submitlab.ui.common.CaptionBanner("caption-banner");
    private final Button runAgain = new Button("Run _again");
    private final ComboBox<Double> speed = new ComboBox<>();
    private final Label clockCaption = new Label("Time");
    private final Label clock = new Label();
    private final Label worldState = new Label();
    private final ToggleButton dark = new ToggleButton("Dark");
    private final ToggleButton contrast = new ToggleButton("High contrast");
    private final ToggleButton presentation = new ToggleButton("Presentation");
    private final List<Node> presentationHidden = new ArrayList<>();
    private final ToggleButton pauseLists = new ToggleButton("Pause lists");
    private final Label opening = new Label("Opening\u2026");

    private Workspace workspace;
    /** The views kept, least recently shown first. */
    private final LinkedHashMap<String, WorldView> views = new LinkedHashMap<>(8, 0.75f, true);
    private WorldView view;
    private ScenarioDraft draft;
    private String draftLabel;
    private final java.util.Map<String, Path> openedFiles = new java.util.HashMap<>();
    private Path lastFolder;
    private Optional<RunState> shownState = Optional.empty();
    private String message = "";
    private boolean serverRunning;
    private boolean busy;
    /** Opens a file with the desktop's application for it (the app's HostServices); nothing until set. */
    private java.util.function.Consumer<Path> fileOpener = f -> { };

    public ConsoleWindow(ConsoleOptions options, BackgroundTasks background, java.time.ZoneId zone) {
        this.options = options;
        this.background = background;
        this.zone = zone;
        String[] tips = {
            "Open connections and submissions in flight per mailbox, with refusals per minute (Ctrl+1)",
            "Every retry the devices have queued (Ctrl+2)",
            "Recipients per mailbox in the sliding 24-hour window (Ctrl+3)",
            "Every accepted message, paged from the database (Ctrl+4)",
            "The simulated devices and their state (Ctrl+5)",
            "Every SMTP session as a transcript: what a device saw (Ctrl+6)",
            "Message trace: find a message by sender, recipient or Message-ID, with its deliveries (Ctrl+7)"};
        String[] ids = {"tab-connections", "tab-retries", "tab-budget", "tab-sent-items", "tab-devices", "tab-session-log",
            "tab-trace"};
        for (int i = 0; i < TAB_TITLES.size(); i++) {
            Tab t = new Tab(TAB_TITLES.get(i), i == 0 ? opening : null);
            t.setId(ids[i]);
            t.setTooltip(new Tooltip(tips[i]));
            tabList.add(t);
        }
        tabs.setId("panels");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(tabList);
        mailboxesPanel = new org.submitlab.ui.admin.MailboxesPanel(background, this::setMessage);
        tenantPanel = new org.submitlab.ui.admin.TenantPanel(background, this::setMessage);
        mailboxesTab = new Tab("Live mailboxes", mailboxesPanel.node());
        mailboxesTab.setId("tab-mailboxes");
        mailboxesTab.setTooltip(new Tooltip("Live's mailboxes for your real devices: add, edit, passwords, tokens (Ctrl+8)"));
        mailboxesTab.setOnSelectionChanged(e -> {
            if (mailboxesTab.isSelected()) {
                mailboxesPanel.refresh();
            }
        });
        tenantTab = new Tab("Live tenant", tenantPanel.node());
        tenantTab.setId("tab-tenant");
        tenantTab.setTooltip(new Tooltip("Live's tenant settings and limits, where its server listens, its "
                + "certificate (Ctrl+9)"));
        tenantTab.setOnSelectionChanged(e -> {
            if (tenantTab.isSelected()) {
                tenantPanel.refresh();
            }
        });
        explainTab.setId("tab-explain");
        explainTab.setTooltip(new Tooltip("Paste a reply or a device's error line: what it means and what to do (Ctrl+0)"));
        tabs.getTabs().addAll(mailboxesTab, tenantTab, explainTab);
        root.addEventHandler(org.submitlab.ui.admin.TenantPanel.ListeningChanged.ANY, e -> refreshAddress());
        root.addEventHandler(org.submitlab.ui.trace.TraceRequest.ANY, e -> {
            if (view != null) {
                view.trace().traceMessage(e.messageId());
                tabs.getSelectionModel().select(tabList.get(TAB_TITLES.indexOf("Trace")));
            }
        });
        // A tab shown for the first time in presentation mode gets its column widths fitted too.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (presentation.isSelected()) {
                javafx.application.Platform.runLater(() -> org.submitlab.ui.common.HeaderWidths.fit(root, true));
            }
        });
        root.addEventHandler(org.submitlab.ui.common.OpenFileRequest.ANY, e -> fileOpener.accept(e.file()));
        root.addEventHandler(org.submitlab.ui.explain.ExplainRequest.ANY, e -> {
            explainPanel.explain(e.text());
            tabs.getSelectionModel().select(explainTab);
        });
        opening.getStyleClass().add("empty-state");

        root.setTop(new VBox(toolbarWorld(), toolbarScenario(), captionBanner.node()));
        root.setCenter(tabs);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(820, screen.getHeight()));
        Themes.apply(scene, Themes.Theme.LIGHT, false);
        installShortcuts();
        updateControls();
    }

    // ---- toolbars ----

    private FlowPane toolbarWorld() {
        worldPicker.setId("world-picker");
        worldPicker.setTooltip(Tables.tooltip("What the panels show. Live: the tenant your real devices use, in real "
                + "time. A run: one play of a scenario in a sandbox of its own (its own mailboxes, clock and server); "
                + "nothing of a run reaches Live. Runs stay here until you delete them."));
        worldPicker.setOnShowing(e -> refreshWorlds(currentWorldId()));
        worldPicker.setOnAction(e -> {
            WorldChoice c = worldPicker.getValue();
            if (!busy && c != null && (view == null || !c.id().equals(view.world().id()))) {
                select(c.id());
            }
        });
        resetCounters.setId("reset-counters");
        resetCounters.setTooltip(Tables.tooltip("Start Live's counters, charts and session log over from now. Sent "
                + "Items, recipient windows and the submission log are kept."));
        resetCounters.setOnAction(e -> confirmResetCounters());
        deleteRun.setId("delete-run");
        deleteRun.setTooltip(Tables.tooltip("Delete the selected run: its store, report and event history."));
        deleteRun.setOnAction(e -> confirmDeleteRun());

        serverToggle.setId("server-toggle");
        serverToggle.setOnAction(e -> toggleServer());
        serverToggle.setTooltip(Tables.tooltip("Start or stop Live's SMTP submission server. Your real devices "
                + "connect to the address shown; stopping it closes their connections. Runs have servers of their own."));
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
        profile.setTooltip(Tables.tooltip("Live's profile. exchange-online: today's replies. exchange-online-2018: "
                + "the 2018 announcement's 432 text. basic-auth-off: AUTH LOGIN refused, XOAUTH2 only (Microsoft's plan)."));
        profile.setOnAction(e -> {
            Profile p = profile.getValue();
            if (p != null && !busy && workspace != null) {
                background("Switching Live's profile to " + p + "\u2026", () -> {
                    workspace.live().setProfile(p);
                    return null;
                }, r -> {
                    setMessage("Live's profile is " + p);
                    refreshAddress();
                });
            }
        });
        dark.setId("theme-dark");
        dark.setTooltip(new Tooltip("Dark theme (Ctrl+T)"));
        dark.setOnAction(e -> {
            contrast.setSelected(false);
            applyTheme();
        });
        presentation.setId("presentation-mode");
        presentation.setTooltip(new Tooltip("Large fonts for projectors (Ctrl+P)"));
        presentation.setOnAction(e -> applyTheme());
        pauseLists.setId("pause-lists");
        pauseLists.setTooltip(new Tooltip("Hold the live lists still (Ctrl+Space): rows stop moving so you can read and "
                + "click them. A list also holds still while the pointer is over it. Counters keep counting."));
        contrast.setId("theme-high-contrast");
        contrast.setTooltip(new Tooltip("High-contrast theme: white on black, for bright rooms (Ctrl+Shift+T)"));
        contrast.setOnAction(e -> {
            dark.setSelected(false);
            applyTheme();
        });
        Label serverCaption = caption("Live server");
        Label profileCaption = caption("Profile");
        Separator adminDivider = divider();
        // What a trainer does not need on the projector: Live's administration stays one toggle away.
        presentationHidden.addAll(List.of(resetCounters, serverCaption, serverToggle, address, copy, profileCaption,
                profile, adminDivider));
        return toolbar("toolbar-server", caption("World"), worldPicker, resetCounters, deleteRun, adminDivider,
                serverCaption, serverToggle, address, copy, profileCaption, profile, divider(), dark, contrast,
                presentation, pauseLists);
    }

    private FlowPane toolbarScenario() {
        scenarioPicker.setId("scenario-picker");
        scenarioPicker.setPromptText("Pick a scenario");
        scenarioPicker.getItems().setAll(Scenarios.presetNames());
        scenarioPicker.setTooltip(Tables.tooltip("Presets shipped with SubmitLab, and the scenario files you opened. "
                + "Its devices appear in Live's Devices tab until you start it."));
        scenarioPicker.setOnAction(e -> pickScenario());
        openScenario.setId("scenario-open");
        openScenario.setTooltip(Tables.tooltip("Open a scenario file (JSON, see docs/scenarios.md). A file with a "
                + "mistake is not loaded: a dialog says where and what (Ctrl+O)."));
        openScenario.setOnAction(e -> openScenarioFile());
        start.setId("scenario-start");
        start.setOnAction(e -> startScenario());
        start.setTooltip(new Tooltip("Start a new run of the scenario in a world of its own, and show it (F5)"));
        pause.setId("scenario-pause");
        pause.setOnAction(e -> pauseOrResume());
        pause.setTooltip(new Tooltip("Pause or resume the shown run: its devices and its clock stand still"));
        step.setId("scenario-step");
        step.setOnAction(e -> stepRun());
        step.setTooltip(new Tooltip("Pause (if it runs) and play " + Formats.countdown(STEP) + " of the run's "
                + "simulated time, then pause again: walk the room through one transaction at a time"));
        replay.setId("replay-run");
        replay.setTooltip(new Tooltip("Play the shown finished run again from its recorded events, at the speed chosen "
                + "(change it while it plays): its slot timeline and captions, nothing sent again"));
        replay.setOnAction(e -> {
            if (view != null && view.world() instanceof Run run) {
                lastReplay = new org.submitlab.ui.replay.ReplayWindow(run, speed.getValue(), background, zone);
                lastReplay.show(scene.getWindow());
            }
        });
        compare.setId("compare-open");
        compare.setTooltip(Tables.tooltip("Play a problem and its remedy side by side on one clock (printers sharing a "
                + "mailbox or one each, a newsletter in one go or in batches, an alert storm with or without a relay, "
                + "basic auth or High Volume Email): two runs, their slot timelines one above the other, a table of "
                + "figures and a handout."));
        compare.setOnAction(e -> chooseComparison());
        useSuggested.setId("use-suggested-speed");
        useSuggested.setTooltip(new Tooltip("The speed this scenario was written for; picking a scenario never "
                + "changes the speed by itself"));
        useSuggested.setOnAction(e -> {
            speed.setValue(suggestedSpeed);
            updateControls();
        });
        stop.setId("scenario-stop");
        stop.setOnAction(e -> stopRun());
        stop.setTooltip(new Tooltip("End the shown run now; its clock stops, its results stay (Shift+F5)"));
        runAgain.setId("run-again");
        runAgain.setOnAction(e -> runAgain());
        runAgain.setTooltip(new Tooltip("Start a fresh run of the shown run's scenario at its speed"));
        speed.setId("speed");
        org.submitlab.ui.common.Speeds.offer(speed);
        speed.setValue(SPEEDS.get(4));
        speed.setTooltip(Tables.tooltip("How fast a run's simulated time goes: 60\u00d7 makes a minute pass every "
                + "second. Every window, lockout and retry of the run reads its clock. Live always runs in real time."));
        speed.setOnAction(e -> {
            Double s = speed.getValue();
            if (!busy && s != null && view != null && view.world() instanceof Run run && run.info().state().active()) {
                run.setSpeed(s);
            }
            updateControls();
        });
        clockCaption.getStyleClass().add("toolbar-caption");
        clock.setId("sim-clock");
        clock.getStyleClass().add("sim-clock");
        worldState.setId("scenario-state");
        return toolbar("toolbar-scenario", caption("Scenario"), scenarioPicker, openScenario, caption("Speed"), speed,
                useSuggested, start, compare, divider(), clockCaption, clock, pause, step, stop, runAgain, replay, worldState);
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
        // Ctrl+1 ... Ctrl+9, then Ctrl+0 for the tenth tab.
        for (int i = 0; i < Math.min(10, TAB_TITLES.size() + 3); i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString((i + 1) % 10)),
                    KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(index));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), () -> {
            presentation.setSelected(!presentation.isSelected());
            applyTheme();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), () -> {
            dark.setSelected(!dark.isSelected());
            contrast.setSelected(false);
            applyTheme();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> {
                    contrast.setSelected(!contrast.isSelected());
                    dark.setSelected(false);
                    applyTheme();
                });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::copyAddress);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN),
                () -> pauseLists.setSelected(!pauseLists.isSelected()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openScenarioFile);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (!start.isDisabled()) {
                startScenario();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), () -> {
            if (!stop.isDisabled()) {
                stopRun();
            }
        });
    }

    private void applyTheme() {
        boolean presenting = presentation.isSelected();
        Themes.apply(scene, dark.isSelected() ? Themes.Theme.DARK : contrast.isSelected() ? Themes.Theme.HIGH_CONTRAST
                : Themes.Theme.LIGHT, presenting);
        for (Node n : presentationHidden) {
            n.setVisible(!presenting);
            n.setManaged(!presenting);
        }
        javafx.application.Platform.runLater(() -> org.submitlab.ui.common.HeaderWidths.fit(root, presenting));
        // Shorter titles so that all ten tabs fit at 1360 pixels in large type, none behind the overflow menu.
        for (Tab t : tabs.getTabs()) {
            String full = (String) t.getProperties().computeIfAbsent("full-title", k -> t.getText());
            t.setText(presenting ? PRESENTATION_TITLES.getOrDefault(full, full) : full);
        }
    }

    private static final java.util.Map<String, String> PRESENTATION_TITLES = java.util.Map.of(
            "Recipient budget", "Budget", "Session log", "Log", "Live mailboxes", "Mailboxes", "Live tenant", "Tenant");

    public Scene scene() {
        return scene;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The shown world's view (for tests). */
    WorldView view() {
        return view;
    }

    Workspace workspace() {
        return workspace;
    }

    // ---- opening and closing ----

    /** Opens the data folder in the background, starts Live's server if asked, then shows Live. */
    /** How files (an attachment being opened) reach the desktop's application for them. */
    public void setFileOpener(java.util.function.Consumer<Path> opener) {
        fileOpener = java.util.Objects.requireNonNull(opener, "opener");
    }

    public void open(Stage stage) {
        stage.setScene(scene);
        stage.setTitle("SubmitLab \u2014 " + options.dataDir());
        background("Opening " + options.dataDir() + "\u2026", () -> {
            Workspace w = Workspace.open(options.dataDir());
            boolean demo;
            try {
                demo = w.live().createDemoTenantIfEmpty();
                if (options.startServer()) {
                    w.live().startServer(listenOptions(w));
                }
            } catch (RuntimeException e) {
                w.close();
                throw e;
            }
            workspace = w;
            return demo;
        }, demo -> {
            setMessage(demo ? "First run: created a demo tenant (" + DemoTenant.MAILBOXES.size()
                    + " mailboxes, password " + DemoTenant.PASSWORD + ") in " + options.dataDir()
                    : "Data folder " + options.dataDir());
            select(LiveWorld.ID);
            mailboxesPanel.setLive(workspace.live());
            tenantPanel.setLive(workspace.live());
            refreshAddress();
            if (scenarioPicker.getValue() == null && !Scenarios.presetNames().isEmpty()) {
                scenarioPicker.setValue(Scenarios.presetNames().get(0));
            }
        }, e -> {
            opening.setText("Cannot open " + options.dataDir() + ": " + e.getMessage());
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.CLOSE);
            a.setHeaderText("SubmitLab cannot open its data folder " + options.dataDir());
            a.initOwner(stage);
            a.show();
        });
    }

    /** Closes the shown view and the workspace (stopping runs that still play). Not on the FX thread's critical path. */
    public void close() {
        views.values().forEach(WorldView::close);
        views.clear();
        view = null;
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }

    // ---- worlds ----

    private String currentWorldId() {
        return view == null ? LiveWorld.ID : view.world().id();
    }

    /**
     * Shows the world with this id. Its view (panels over the world's history and live events) is
     * built the first time and kept among the {@value #KEPT_VIEWS} most recently shown, so switching
     * back is instant; older views are closed.
     */
    void select(String id) {
        background(null, () -> workspace.world(id), this::show);
    }

    private void show(World world) {
        WorldView shown = views.computeIfAbsent(world.id(), id -> newView(world));
        view = shown;
        List<Node> panels = shown.panels();
        for (int i = 0; i < tabList.size(); i++) {
            tabList.get(i).setContent(panels.get(i));
        }
        root.setBottom(shown.statusBar().node());
        shown.statusBar().setMessage(message);
        if (world.isLive()) {
            shown.devices().setDraft(draft);
        }
        while (views.size() > KEPT_VIEWS) {
            String eldest = views.keySet().iterator().next();
            views.remove(eldest).close();
        }
        shownState = world instanceof Run r ? Optional.of(r.info().state()) : Optional.empty();
        clockCaption.setText(world.isLive() ? "Time" : "Simulated time");
        clock.setTooltip(new Tooltip(world.isLive() ? "Live runs in real time (your time zone)"
                : "This run's own clock (your time zone); it stopped when the run ended"));
        if (world instanceof Run r) {
            busy = true;
            speed.setValue(nearestSpeed(r.clock().speed()));
            busy = false;
        }
        refreshWorlds(world.id());
        worldState.setText(stateText(world, shownState));
        updateControls();
    }

    /** A world's view, its pump started; it reports its status and time only while it is shown. */
    private WorldView newView(World world) {
        WorldView[] self = new WorldView[1];
        self[0] = new WorldView(world, zone, background, d -> draft = d, s -> {
            if (view == self[0]) {
                onStatus(s);
            }
        });
        self[0].ui().listsPausedProperty().bind(pauseLists.selectedProperty());
        self[0].open();
        self[0].pump().addListener(new org.submitlab.ui.common.EventPump.Listener() {
            @Override
            public void onTick(Instant now) {
                if (view == self[0]) {
                    clock.setText(Formats.dateTime(now, zone));
                    captionBanner.show(world instanceof Run r ? r.captionAt(now).orElse("") : "");
                }
            }
        });
        background(null, () -> world.store().mailboxes().all().stream().map(m -> m.address()).sorted().toList(),
                self[0]::setKnownMailboxes);
        return self[0];
    }

    /** Rebuilds the selector: Live, then every run newest first; keeps {@code selected} selected. */
    private void refreshWorlds(String selected) {
        if (workspace == null) {
            return;
        }
        background(null, workspace::listRuns, runs -> {
            List<WorldChoice> items = new ArrayList<>();
            items.add(new WorldChoice(LiveWorld.ID, "Live (real devices, real time)"));
            for (RunInfo r : runs) {
                items.add(new WorldChoice(r.id(), WorldView.label(r.name(), r.started(), r.speed(), r.state().id(), zone)));
            }
            if (!items.equals(worldPicker.getItems())) {
                busy = true;
                worldPicker.getItems().setAll(items);
                busy = false;
            }
            busy = true;
            items.stream().filter(c -> c.id().equals(selected)).findFirst().ifPresent(worldPicker::setValue);
            busy = false;
        });
    }

    private void onStatus(WorldStatus s) {
        Optional<RunState> state = s.run();
        if (!state.equals(shownState)) {
            boolean ended = shownState.map(RunState::active).orElse(false) && state.map(st -> !st.active()).orElse(false);
            shownState = state;
            worldState.setText(stateText(view.world(), state));
            if (ended) {
                setMessage("Run " + state.get().id() + ": see Devices for who gave up, Sent Items for what got through");
                refreshWorlds(currentWorldId());
            }
            updateControls();
        }
    }

    private static String stateText(World world, Optional<RunState> state) {
        if (world.isLive()) {
            return "Live: your real devices";
        }
        return "Run " + world.id() + ": " + state.map(RunState::id).orElse("");
    }

    private void confirmResetCounters() {
        if (org.submitlab.ui.common.Dialogs.confirm(scene.getWindow(), "Reset Live's counters?", "Live's counters, "
                + "charts and session log start over from now. Sent Items, recipient windows and the submission log "
                + "are kept.")) {
            background("Resetting Live's counters\u2026", () -> workspace.live().resetCounters(), t -> {
                setMessage("Live's counters start from " + Formats.dateTime(t, zone));
                WorldView old = views.remove(LiveWorld.ID);
                show(workspace.live());
                if (old != null) {
                    old.close();
                }
            });
        }
    }

    private void confirmDeleteRun() {
        if (view == null || !(view.world() instanceof Run run)) {
            return;
        }
        if (org.submitlab.ui.common.Dialogs.confirm(scene.getWindow(), "Delete this run?", "Run " + run.id() + " ("
                + run.name() + ") and everything it recorded (its Sent Items, report and event history) will be "
                + "deleted. Live is not affected.")) {
            String id = run.id();
            show(workspace.live());
            WorldView closed = views.remove(id);
            if (closed != null) {
                closed.close();
            }
            background("Deleting run " + id + "\u2026", () -> {
                workspace.deleteRun(id);
                return null;
            }, x -> {
                setMessage("Deleted run " + id);
                refreshWorlds(LiveWorld.ID);
            });
        }
    }

    // ---- Live's server ----

    /** Where Live listens: the address chosen in the Live tenant tab last time, else loopback on the usual port. */
    private ListenOptions listenOptions(Workspace w) {
        return org.submitlab.app.ConsolePrefs.load(w.dataDir())
                .map(p -> new ListenOptions(p.bind(), p.port(), options.fallbackToAnyPort(), Optional.empty(), p.kind()))
                .orElseGet(() -> ListenOptions.loopback(options.port(), options.fallbackToAnyPort()));
    }

    private void refreshAddress() {
        if (workspace == null) {
            return;
        }
        LiveWorld live = workspace.live();
        background(null, () -> new Object[] {live.endpoint(), live.settings()}, r -> {
            @SuppressWarnings("unchecked")
            Optional<Endpoint> a = (Optional<Endpoint>) r[0];
            org.submitlab.policy.TenantSettings s = (org.submitlab.policy.TenantSettings) r[1];
            Profile p = s.profile();
            busy = true;
            profile.setValue(p);
            busy = false;
            serverRunning = a.isPresent();
            address.setText(a.map(x -> ConnectionHint.text(x.host(), x.port(), s.basicAuth(), DemoTenant.firstMailbox()))
                    .orElse(ConnectionHint.stopped()));
            updateControls();
        });
    }

    private void copyAddress() {
        ClipboardContent c = new ClipboardContent();
        c.putString(address.getText());
        Clipboard.getSystemClipboard().setContent(c);
        setMessage("Copied: " + address.getText());
    }

    private void toggleServer() {
        if (workspace == null) {
            return;
        }
        LiveWorld live = workspace.live();
        if (serverRunning) {
            background("Stopping Live's server\u2026", () -> {
                live.stopServer();
                return null;
            }, r -> {
                setMessage("Live's server stopped");
                refreshAddress();
            });
        } else {
            background("Starting Live's server\u2026",
                    () -> live.startServer(live.listening().orElseGet(() -> listenOptions(workspace))), a -> {
                        setMessage("Live listens on " + a);
                        refreshAddress();
                    });
        }
    }

    // ---- scenarios and runs ----

    private void pickScenario() {
        String choice = scenarioPicker.getValue();
        if (choice == null || busy) {
            return;
        }
        Path file = openedFiles.get(choice);
        if (file != null) {
            loadScenario(choice, () -> Scenarios.load(file));
        } else if (Scenarios.presetNames().contains(choice)) {
            loadScenario(choice, () -> Scenarios.preset(choice));
        }
    }

    private void openScenarioFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        File chosen = chooser.showOpenDialog(scene.getWindow());
        if (chosen == null) {
            return;
        }
        openScenario(chosen.toPath());
    }

    /** Loads a scenario file (what Open… does once a file is chosen); a mistake in it is shown in a dialog. */
    void openScenario(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        String label = file.getFileName().toString();
        loadScenario(label, () -> {
            Scenario s = Scenarios.load(file);
            openedFiles.put(label, file);
            return s;
        });
    }

    private void loadScenario(String label, Callable<Scenario> loader) {
        background("Loading " + label + "\u2026", loader, s -> {
            draft = new ScenarioDraft(s);
            draftLabel = label;
            if (view != null && view.world().isLive()) {
                view.devices().setDraft(draft);
            }
            if (!scenarioPicker.getItems().contains(label)) {
                scenarioPicker.getItems().add(label);
            }
            busy = true;
            scenarioPicker.setValue(label);
            busy = false;
            // Suggested, never applied: the trainer chose the speed the room is watching.
            suggestedSpeed = nearestSpeed(s.speed());
            setMessage(s.name() + ": " + s.description() + " (suggested speed "
                    + org.submitlab.ui.common.Speeds.text(s.speed()) + ")");
            updateControls();
        }, this::showScenarioError);
    }

    /** A scenario that cannot be used: where and what, in a dialog; the scenario picked before stays. */
    private void showScenarioError(Throwable e) {
        busy = true;
        scenarioPicker.setValue(draftLabel);
        busy = false;
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(scene.getWindow());
        a.setTitle("Scenario not loaded");
        a.setHeaderText("This scenario cannot be used");
        a.setContentText(ScenarioErrorText.of(e));
        a.getDialogPane().setId("scenario-error");
        setMessage("Scenario not loaded: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        a.show();
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
        if (draft == null || workspace == null) {
            return;
        }
        startRun(draft.scenario(), speed.getValue());
    }

    private void startRun(Scenario s, double atSpeed) {
        background("Starting " + s.name() + " at " + org.submitlab.ui.common.Speeds.text(atSpeed) + "\u2026",
                () -> workspace.startRun(s, atSpeed), run -> {
                    setMessage(s.name() + " runs in its own world (run " + run.id() + "); Live is untouched");
                    show(run);
                });
    }

    private void runAgain() {
        if (view != null && view.world() instanceof Run run) {
            run.scenario().ifPresentOrElse(s -> startRun(s, run.info().speed()),
                    () -> setMessage("Run " + run.id() + " has no readable scenario.json to start again"));
        }
    }

    private void pauseOrResume() {
        if (view == null || !(view.world() instanceof Run run)) {
            return;
        }
        boolean paused = run.info().state() == RunState.PAUSED;
        background(paused ? "Resuming\u2026" : "Pausing\u2026", () -> {
            if (paused) {
                run.resume();
            } else {
                run.pause();
            }
            return null;
        }, r -> {
        });
    }

    private void chooseComparison() {
        List<RemedyPair> pairs = RemedyPairs.all();
        javafx.scene.control.ChoiceDialog<String> d = new javafx.scene.control.ChoiceDialog<>(pairs.get(0).title(),
                pairs.stream().map(RemedyPair::title).toList());
        d.initOwner(scene.getWindow());
        d.setTitle("Compare a problem with its remedy");
        d.setHeaderText("Both play at " + org.submitlab.ui.common.Speeds.text(speed.getValue())
                + " with one seed, each in a run of its own.");
        d.getDialogPane().setId("compare-dialog");
        d.showAndWait().flatMap(t -> pairs.stream().filter(p -> p.title().equals(t)).findFirst())
                .ifPresent(p -> openComparison(p, speed.getValue()));
    }

    /** Starts the pair's two runs together and opens their comparison window. */
    public java.util.concurrent.CompletableFuture<CompareWindow> openComparison(RemedyPair pair, double atSpeed) {
        java.util.concurrent.CompletableFuture<CompareWindow> opened = new java.util.concurrent.CompletableFuture<>();
        background("Starting " + pair.title() + " at " + org.submitlab.ui.common.Speeds.text(atSpeed) + "\u2026",
                () -> CompareRuns.start(workspace.runs(), Scenarios.preset(pair.problem()), Scenarios.preset(pair.remedy()),
                        atSpeed), runs -> {
                    CompareWindow w = new CompareWindow(runs, background, zone);
                    lastComparison = w;
                    w.show(scene.getWindow());
                    setMessage(pair.title() + ": runs " + runs.a().id() + " and " + runs.b().id() + " play side by side");
                    refreshWorlds(currentWorldId());
                    opened.complete(w);
                });
        return opened;
    }

    /** The replay window opened last, for tests. */
    public org.submitlab.ui.replay.ReplayWindow lastReplay() {
        return lastReplay;
    }

    /** The comparison window opened last, for tests. */
    public CompareWindow lastComparison() {
        return lastComparison;
    }

    private void stepRun() {
        if (view == null || !(view.world() instanceof Run run)) {
            return;
        }
        step.setDisable(true);
        background("Playing " + Formats.countdown(STEP) + " of the run\u2026", () -> {
            run.step(STEP);
            return null;
        }, r -> {
            setMessage("Played " + Formats.countdown(STEP) + " of simulated time; paused. Step again, or Resume.");
            updateControls();
        });
    }

    private void stopRun() {
        if (view == null || !(view.world() instanceof Run run)) {
            return;
        }
        background("Stopping run " + run.id() + "\u2026", () -> {
            run.stop();
            return null;
        }, r -> setMessage("Run " + run.id() + " stopped; its results stay"));
    }

    private void updateControls() {
        boolean ready = workspace != null;
        World w = view == null ? null : view.world();
        boolean isRun = w instanceof Run;
        boolean active = shownState.map(RunState::active).orElse(false);
        serverToggle.setText(serverRunning ? "Stop server" : "Start server");
        serverToggle.setDisable(!ready);
        copy.setDisable(!serverRunning);
        profile.setDisable(!ready);
        worldPicker.setDisable(!ready);
        resetCounters.setDisable(w == null || !w.isLive());
        deleteRun.setDisable(!isRun || active);
        start.setDisable(draft == null || !ready);
        compare.setDisable(!ready);
        pause.setDisable(!isRun || !active);
        pause.setText(shownState.filter(RunState.PAUSED::equals).isPresent() ? "_Resume" : "_Pause");
        step.setDisable(!isRun || !active);
        boolean suggest = draft != null && suggestedSpeed > 0 && speed.getValue() != null
                && suggestedSpeed != speed.getValue();
        useSuggested.setText("Use " + org.submitlab.ui.common.Speeds.text(suggestedSpeed));
        useSuggested.setVisible(suggest);
        useSuggested.setManaged(suggest);
        stop.setDisable(!isRun || !active);
        runAgain.setDisable(!isRun || active || ((Run) w).scenario().isEmpty());
        replay.setDisable(!isRun || active);
    }

    private void setMessage(String text) {
        message = Objects.requireNonNullElse(text, "");
        if (view != null) {
            view.statusBar().setMessage(message);
        }
    }

    private <T> void background(String text, Callable<T> work, Consumer<T> then) {
        background(text, work, then, e -> setMessage(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    private <T> void background(String text, Callable<T> work, Consumer<T> then, Consumer<Throwable> onError) {
        if (text != null) {
            setMessage(text);
        }
        background.run(work, then, onError);
    }

    Path dataDir() {
        return options.dataDir();
    }
}
