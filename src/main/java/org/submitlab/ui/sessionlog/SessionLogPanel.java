package org.submitlab.ui.sessionlog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.submitlab.app.explain.Explainer;
import org.submitlab.events.LabEvent;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.PanelLayout;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.UiContext;

/** Every SMTP session as a transcript, filterable by mailbox, device and outcome. */
public final class SessionLogPanel implements EventPump.Listener {

    private static final String ANY = "Any outcome";

    private final SessionLogViewModel vm;
    private final UiContext ui;
    private final TableView<SessionEntry> table = new TableView<>();
    private final TextArea transcript = new TextArea();
    private final Label explanation = new Label();
    private final Label empty = Tables.emptyState("");
    private final BorderPane root = new BorderPane();
    private long shownVersion = -1;
    private long shownTranscriptVersion = -1;

    public SessionLogPanel(SessionLogViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        table.setId("session-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(empty);
        TableColumn<SessionEntry, String> reply = Tables.column("Last reply", 300, SessionEntry::lastReply);
        Tables.replyCells(reply);
        table.getColumns().setAll(List.of(
                Tables.fitText(Tables.column("Started", 75,
                        (SessionEntry s) -> Formats.clockSecondsNear(s.started(), ui.now(), ui.zone())), "Mmm 30 23:59:59"),
                Tables.withHelp(Tables.column("Device (EHLO)", 175, SessionEntry::client),
                        "The name the client gave in EHLO; simulated devices give their device name."),
                Tables.column("Client", 75, SessionEntry::clientAddress),
                Tables.withHelp(Tables.column("TLS", 60, SessionEntry::tls),
                        "The TLS version agreed at STARTTLS. Exchange answers TLS 1.0/1.1 clients with 421 4.7.66 on its "
                                + "standard endpoint: a retry never helps, the device needs new firmware or the legacy "
                                + "endpoint."),
                Tables.column("Mailbox", 170, SessionEntry::mailbox),
                Tables.column("Outcome", 90, SessionEntry::outcome),
                Tables.column("Accepted", 70, SessionEntry::accepted),
                reply));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showTranscript(true));

        TextField mailbox = TextFields.createClearableTextField();
        mailbox.setId("session-mailbox-filter");
        mailbox.setPromptText("Mailbox");
        mailbox.textProperty().addListener((o, a, t) -> vm.setMailboxFilter(t));
        TextField device = TextFields.createClearableTextField();
        device.setId("session-device-filter");
        device.setPromptText("Device or client address");
        device.textProperty().addListener((o, a, t) -> vm.setClientFilter(t));
        ComboBox<Object> outcome = new ComboBox<>();
        outcome.setId("session-outcome-filter");
        outcome.getItems().add(ANY);
        outcome.getItems().addAll((Object[]) SessionOutcome.values());
        outcome.setValue(ANY);
        outcome.valueProperty().addListener((o, a, v) -> vm.setOutcomeFilter(
                v instanceof SessionOutcome so ? Optional.of(so) : Optional.empty()));
        Button export = new Button("Export CSV\u2026");
        export.setId("session-export");
        export.setTooltip(Tables.tooltip("Save the sessions shown (as filtered) as CSV: one line per command and reply."));
        export.setOnAction(e -> exportCsv());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox filters = new HBox(8, new Label("Filter"), mailbox, device, outcome, spacer, export);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(0, 0, 8, 0));

        transcript.setId("session-transcript");
        transcript.setEditable(false);
        transcript.getStyleClass().add("monospace");
        transcript.setWrapText(true);
        transcript.setPromptText("Select a session to read its transcript: the commands the client sent (C:) "
                + "and the server's replies (S:). Passwords and tokens are masked.");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("explanation-label");
        VBox right = new VBox(6, transcript, explanation);
        VBox.setVgrow(transcript, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(table, right);
        split.setDividerPositions(0.6);
        PanelLayout.fill(root, filters, split);
    }

    public Node node() {
        return root;
    }

    private void exportCsv() {
        String text = csvText();
        org.submitlab.ui.common.CsvExport.ask(root, "Export the session log as CSV", "session-log.csv", ui.background(),
                w -> w.write(text), explanation::setText);
    }

    /** Writes the sessions shown, as filtered, to {@code file} (the transcripts are the console's, read now). */
    public void exportCsv(java.nio.file.Path file) {
        String text = csvText();
        ui.background().run(() -> java.nio.file.Files.writeString(file, text), x -> { },
                e -> explanation.setText("Could not save " + file + ": " + e.getMessage()));
    }

    /** The shown sessions as CSV, read on the FX thread where the view model lives. */
    private String csvText() {
        StringBuilder text = new StringBuilder();
        try {
            SessionLogCsv.write(vm.sessions(), vm, text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot format the session log", e);
        }
        return text.toString();
    }

    public TableView<SessionEntry> table() {
        return table;
    }

    @Override
    public void onEvents(List<LabEvent> events) {
        vm.apply(events);
    }

    @Override
    public void onTick(Instant now) {
        if (vm.version() == shownVersion || Tables.held(table)) {
            return;
        }
        shownVersion = vm.version();
        empty.setText(vm.emptyText());
        Tables.update(table, vm.sessions(), SessionEntry::sessionId);
        showTranscript(false);
    }

    private void showTranscript(boolean selectionChanged) {
        SessionEntry s = table.getSelectionModel().getSelectedItem();
        if (s == null) {
            transcript.clear();
            explanation.setText("");
            return;
        }
        if (!selectionChanged && shownTranscriptVersion == vm.version()) {
            return;
        }
        shownTranscriptVersion = vm.version();
        transcript.setText(vm.transcript(s.sessionId(), ui.zone()));
        explanation.setText(s.lastReply().isEmpty() ? "" : Explainer.explain(s.lastReply()).asText());
    }
}
