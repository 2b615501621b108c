package org.submitlab.ui.admin;

import java.io.File;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;
import org.submitlab.app.ConsolePrefs;
import org.submitlab.app.Endpoint;
import org.submitlab.app.ListenOptions;
import org.submitlab.app.LiveWorld;
import org.submitlab.policy.BasicAuth;
import org.submitlab.policy.BasicAuthTimeline;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Setting;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantSettings;
import org.submitlab.server.tls.TlsMaterial;
import org.submitlab.ui.common.BackgroundTasks;
import org.submitlab.ui.common.PanelLayout;
import org.submitlab.ui.common.Tables;

/**
 * Live's tenant: every setting of {@link Settings} in a property sheet (with its range and Exchange's value),
 * applied together to the running server; where the server listens; its certificate.
 */
public final class TenantPanel {

    private static final double FIELD_WIDTH = 300;
    private static final DefaultPropertyEditorFactory DEFAULT_EDITORS = new DefaultPropertyEditorFactory();

    private final BackgroundTasks background;
    private final Consumer<String> status;
    private final PropertySheet sheet = new PropertySheet();
    private final Map<Setting<?>, SettingItem> items = new LinkedHashMap<>();
    private final Label errors = new Label();
    private final Button apply = new Button("Apply");
    private final Button revert = new Button("Revert");
    private final ComboBox<String> bind = new ComboBox<>();
    private final TextField port = new TextField();
    private final Label listenWarning = new Label();
    private final Button listen = new Button("Listen here");
    private final Button exportCert = new Button("Export certificate\u2026");
    private final Button importCert = new Button("Import PKCS#12\u2026");
    private final ComboBox<EndpointKind> endpointKind = new ComboBox<>();
    private final Label timeline = new Label();
    private final Label preview = new Label();
    private final Button previewNext = new Button("Preview next step");
    private final Button takeNext = new Button("Take next step");
    private final BorderPane root = new BorderPane();
    private LiveWorld live;
    private TenantSettings shown = TenantSettings.defaults();

    public TenantPanel(BackgroundTasks background, Consumer<String> status) {
        this.background = background;
        this.status = status;
        sheet.setId("tenant-settings");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(true);
        sheet.setPropertyEditorFactory(TenantPanel::editorWithRange);
        List<String> groups = Settings.all().stream().map(Setting::group).distinct().toList();
        sheet.setCategoryComparator(java.util.Comparator.comparingInt(groups::indexOf));
        for (Setting<?> s : Settings.all()) {
            SettingItem item = new SettingItem(s, this::validate);
            item.reset(shown);
            items.put(s, item);
            sheet.getItems().add(item);
        }
        errors.setId("tenant-errors");
        errors.getStyleClass().add("form-error");
        errors.setWrapText(true);
        apply.setId("tenant-apply");
        revert.setId("tenant-revert");
        apply.setOnAction(e -> applySettings());
        revert.setOnAction(e -> show(shown));
        apply.setTooltip(Tables.tooltip("Save every change and apply it to Live's running server at once."));

        bind.setId("listen-bind");
        bind.setEditable(true);
        bind.setTooltip(Tables.tooltip("127.0.0.1 serves only this machine. 0.0.0.0 (or one of this machine's "
                + "addresses) lets devices on the network in: open the port in the firewall, and only on a network "
                + "you trust."));
        bind.getItems().add("127.0.0.1");
        bind.getItems().add("::1");
        bind.getItems().add("0.0.0.0");
        bind.getItems().addAll(TlsMaterial.localAddresses());
        bind.valueProperty().addListener((o, a, b) -> warn());
        port.setId("listen-port");
        port.setPrefColumnCount(6);
        listenWarning.setId("listen-warning");
        listenWarning.setWrapText(true);
        listen.setId("listen-apply");
        listen.setOnAction(e -> listenHere());
        exportCert.setId("cert-export");
        importCert.setId("cert-import");
        exportCert.setOnAction(e -> exportCertificate());
        importCert.setOnAction(e -> importCertificate());
        exportCert.setTooltip(Tables.tooltip("Save the server's certificate (PEM) for a device that must be told to "
                + "trust it."));
        importCert.setTooltip(Tables.tooltip("Use your own certificate and key (a PKCS#12 file) instead of the "
                + "generated one; the server restarts with it."));

        endpointKind.setId("listen-endpoint");
        endpointKind.getItems().setAll(EndpointKind.values());
        endpointKind.setValue(EndpointKind.STANDARD);
        endpointKind.setTooltip(Tables.tooltip("Which Exchange Online endpoint Live plays: standard "
                + "(smtp.office365.com: TLS 1.0/1.1 devices get 421 4.7.66), legacy (smtp-legacy.office365.com: they "
                + "may send), hve (High Volume Email: internal recipients only, 50 per message, no Sent Items). "
                + "Listen here applies it."));
        timeline.setId("basic-auth-timeline");
        timeline.setWrapText(true);
        preview.setId("basic-auth-preview");
        preview.setWrapText(true);
        previewNext.setId("basic-auth-preview-next");
        takeNext.setId("basic-auth-take-next");
        previewNext.setOnAction(e -> preview.setText(BasicAuthTimeline.preview(shown.basicAuth())));
        takeNext.setOnAction(e -> takeNextStep());
        previewNext.setTooltip(Tables.tooltip("What Exchange's next step for basic authentication does to Live's "
                + "devices that log in with a password, before you take it."));
        takeNext.setTooltip(Tables.tooltip("Set Live's basic authentication to the next step of Exchange's timeline "
                + "(removed is final)."));

        FlowPane listening = new FlowPane(8, 6, new Label("Listen on"), bind, new Label("port"), port,
                new Label("as"), endpointKind, listen, exportCert, importCert);
        listening.setAlignment(Pos.CENTER_LEFT);
        FlowPane actions = new FlowPane(8, 6, apply, revert, errors);
        actions.setAlignment(Pos.CENTER_LEFT);
        FlowPane basicAuth = new FlowPane(8, 6, previewNext, takeNext);
        basicAuth.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, PanelLayout.help("Live's tenant: the switches and limits its server applies. Edit them "
                + "below, then Apply: the running server takes them at once, no restart."), listening, listenWarning,
                timeline, basicAuth, preview, actions);
        top.setPadding(new Insets(0, 0, 8, 0));
        PanelLayout.fill(root, top, sheet);
        updateButtons();
    }

    public Node node() {
        return root;
    }

    public PropertySheet sheet() {
        return sheet;
    }

    public void setLive(LiveWorld world) {
        this.live = world;
        refresh();
    }

    public void refresh() {
        if (live == null) {
            return;
        }
        LiveWorld l = live;
        background.run(() -> new Object[] {l.settings(), l.listening(), l.endpoint()}, r -> {
            show((TenantSettings) r[0]);
            @SuppressWarnings("unchecked")
            Optional<ListenOptions> listening = (Optional<ListenOptions>) r[1];
            @SuppressWarnings("unchecked")
            Optional<Endpoint> endpoint = (Optional<Endpoint>) r[2];
            bind.setValue(listening.map(x -> x.bind().getHostAddress()).orElse("127.0.0.1"));
            endpointKind.setValue(listening.map(ListenOptions::kind).orElse(EndpointKind.STANDARD));
            port.setText(endpoint.map(x -> String.valueOf(x.port()))
                    .orElse(listening.map(x -> String.valueOf(x.port())).orElse("")));
            warn();
        }, e -> status.accept(e.getMessage()));
    }

    private void show(TenantSettings s) {
        shown = s;
        items.values().forEach(i -> i.reset(s));
        sheet.getItems().setAll(new ArrayList<>(items.values()));
        showTimeline();
        validate();
    }

    /** Where the lab's date falls on Exchange's basic-authentication timeline, beside Live's own setting. */
    private void showTimeline() {
        BasicAuthTimeline.Position at = BasicAuthTimeline.at(live == null ? Instant.EPOCH
                : live.clock().instant());
        String date = live == null ? "" : live.clock().instant().atZone(ZoneOffset.UTC).toLocalDate() + ": ";
        timeline.setText("Basic authentication on Exchange's timeline, " + date + at.now() + ". Next: " + at.next()
                + ". Live: " + Settings.BASIC_AUTH.format(shown.basicAuth()) + ".");
        preview.setText("");
        takeNext.setDisable(live == null || shown.basicAuth() == BasicAuth.REMOVED);
    }

    /** Takes Exchange's next step for Live (asking first when it is the final one). */
    private void takeNextStep() {
        BasicAuth next = shown.basicAuth().next();
        if (next == BasicAuth.REMOVED) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, BasicAuthTimeline.preview(shown.basicAuth()),
                    ButtonType.OK, ButtonType.CANCEL);
            a.setHeaderText("Remove basic authentication for Live? It cannot be turned back on.");
            a.initOwner(root.getScene().getWindow());
            if (a.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
                return;
            }
        }
        TenantSettings s = shown.with(Settings.BASIC_AUTH, next);
        LiveWorld l = live;
        background.run(() -> {
            l.updateSettings(s);
            return null;
        }, r -> {
            status.accept("Live's basic authentication is " + Settings.BASIC_AUTH.format(next) + " now");
            show(s);
        }, e -> status.accept(e.getMessage()));
    }

    /** Checks every edited value; returns the settings they make, or empty when one is refused (its reason shown). */
    private Optional<TenantSettings> validate() {
        TenantSettings s = shown;
        List<String> problems = new ArrayList<>();
        for (SettingItem item : items.values()) {
            try {
                s = item.applyTo(s);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try {
                TenantSettings.checkChange(shown, s);
            } catch (IllegalArgumentException e) {
                problems.add(Settings.BASIC_AUTH.label() + ": " + e.getMessage());
            }
        }
        errors.setText(problems.isEmpty() ? "" : String.join("\n", problems) + "\nNothing is applied until this is fixed.");
        boolean changed = problems.isEmpty() && !s.equals(shown);
        apply.setDisable(live == null || !problems.isEmpty() || !changed);
        revert.setDisable(s.equals(shown) && problems.isEmpty());
        return problems.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    private void applySettings() {
        validate().ifPresent(s -> {
            LiveWorld l = live;
            background.run(() -> {
                l.updateSettings(s);
                return null;
            }, r -> {
                status.accept("Applied Live's tenant settings; the running server uses them now");
                show(s);
            }, e -> status.accept(e.getMessage()));
        });
    }

    private void warn() {
        String b = bind.getValue() == null ? "" : bind.getValue().trim();
        boolean loopback = b.equals("127.0.0.1") || b.equals("::1") || b.startsWith("127.");
        listenWarning.setText(loopback ? "Only this machine can reach Live's server."
                : "Other machines on the network can reach Live's server on " + b + ": open the port in the "
                        + "firewall only where you trust the network. Devices that check the certificate need it "
                        + "exported (or your own imported).");
        listenWarning.getStyleClass().setAll("label", loopback ? "panel-help" : "form-error");
    }

    private void listenHere() {
        InetAddress address;
        int p;
        try {
            address = ConsolePrefs.address(bind.getValue());
            p = Integer.parseInt(port.getText().trim());
            if (p < 0 || p > 65_535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            status.accept("The port must be a number between 0 and 65535, was '" + port.getText() + "': nothing changed");
            return;
        } catch (IllegalArgumentException e) {
            status.accept(e.getMessage() + ": nothing changed");
            return;
        }
        LiveWorld l = live;
        EndpointKind kind = endpointKind.getValue() == null ? EndpointKind.STANDARD : endpointKind.getValue();
        background.run(() -> {
            Endpoint e = l.restartServer(new ListenOptions(address, p, false, Optional.empty(), kind));
            ConsolePrefs.save(l.dataDir(), new ConsolePrefs.Listen(address, e.port(), kind));
            return e;
        }, e -> {
            status.accept("Live's server listens on " + e + " as the " + kind + " endpoint (kept for the next start)");
            refresh();
            root.fireEvent(new ListeningChanged());
        }, e -> status.accept(e.getMessage() + ": Live keeps its address"));
    }

    private void exportCertificate() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the server's certificate");
        chooser.setInitialFileName("submitlab.crt");
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            LiveWorld l = live;
            background.run(() -> {
                l.exportCertificate(f.toPath());
                return f;
            }, x -> status.accept("Certificate saved to " + x + ": give it to devices that must trust it"),
                    e -> status.accept(e.getMessage()));
        }
    }

    private void importCertificate() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Your certificate and key (PKCS#12)");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("PKCS#12 (*.p12, *.pfx)", "*.p12", "*.pfx"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog();
        PasswordField pw = new PasswordField();
        ask.getDialogPane().setContent(new VBox(6, new Label("Password of " + f.getName()), pw));
        ask.setHeaderText("Import " + f.getName());
        ask.initOwner(root.getScene().getWindow());
        if (ask.showAndWait().isEmpty() && ask.getResult() == null) {
            return;
        }
        char[] password = pw.getText().toCharArray();
        LiveWorld l = live;
        background.run(() -> {
            l.importCertificate(f.toPath(), password);
            return f;
        }, x -> status.accept("Live's server uses the certificate of " + x.getName() + " now"),
                e -> {
                    Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.CLOSE);
                    a.setHeaderText("The certificate was not imported");
                    a.initOwner(root.getScene().getWindow());
                    a.show();
                });
    }

    private void updateButtons() {
        apply.setDisable(true);
        revert.setDisable(true);
    }

    /** The default editor of the item's type, with the setting's range and Exchange's value beside it. */
    private static PropertyEditor<?> editorWithRange(PropertySheet.Item item) {
        @SuppressWarnings("unchecked")
        PropertyEditor<Object> editor = (PropertyEditor<Object>) DEFAULT_EDITORS.call(item);
        Label range = new Label(((SettingItem) item).setting.range());
        range.getStyleClass().add("panel-help");
        range.setMaxWidth(Double.MAX_VALUE);
        Node field = editor.getEditor();
        if (field instanceof Region r) {
            r.setPrefWidth(FIELD_WIDTH);
            r.setMaxWidth(FIELD_WIDTH);
        }
        HBox.setHgrow(range, Priority.ALWAYS);
        HBox box = new HBox(12, field, range);
        box.setAlignment(Pos.CENTER_LEFT);
        return new PropertyEditor<>() {
            @Override
            public Node getEditor() {
                return box;
            }

            @Override
            public Object getValue() {
                return editor.getValue();
            }

            @Override
            public void setValue(Object value) {
                editor.setValue(value);
            }
        };
    }

    /** Fired when Live's address changed, so the toolbar shows the new one. */
    public static final class ListeningChanged extends javafx.event.Event {
        public static final javafx.event.EventType<ListeningChanged> ANY =
                new javafx.event.EventType<>(javafx.event.Event.ANY, "LISTENING_CHANGED");

        ListeningChanged() {
            super(ANY);
        }
    }

    /** One setting in the sheet: switches and choices typed, the rest as text checked when applied. */
    private static final class SettingItem implements PropertySheet.Item {
        private final Setting<?> setting;
        private final Runnable onChange;
        private Object value;

        SettingItem(Setting<?> setting, Runnable onChange) {
            this.setting = setting;
            this.onChange = onChange;
        }

        void reset(TenantSettings s) {
            value = typed() ? setting.get(s) : text(setting, s);
        }

        private static <T> String text(Setting<T> s, TenantSettings t) {
            return s.format(s.get(t));
        }

        private boolean typed() {
            return setting.kind() == Setting.Kind.SWITCH || setting.kind() == Setting.Kind.CHOICE;
        }

        TenantSettings applyTo(TenantSettings s) {
            return typed() ? with(setting, s, value) : Settings.withText(s, setting, String.valueOf(value));
        }

        @SuppressWarnings("unchecked")
        private static <T> TenantSettings with(Setting<T> setting, TenantSettings s, Object v) {
            return setting.with(s, (T) v);
        }

        @Override
        public Class<?> getType() {
            return typed() ? setting.type() : String.class;
        }

        @Override
        public String getCategory() {
            return setting.group();
        }

        @Override
        public String getName() {
            return setting.label();
        }

        @Override
        public String getDescription() {
            return setting.description() + ". Command line: " + setting.option();
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public void setValue(Object v) {
            if (v != null && !v.equals(value)) {
                value = v;
                onChange.run();
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
