package org.submitlab.ui.trace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.submitlab.app.trace.MessageTrace;
import org.submitlab.app.trace.TraceCsv;
import org.submitlab.app.trace.TraceRow;
import org.submitlab.store.Store;
import org.submitlab.store.TraceQuery;
import org.submitlab.ui.common.CsvExport;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.PanelLayout;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.UiContext;

/**
 * Message trace of the shown world: find submissions by sender, recipient, Message-ID, time and status;
 * each accepted one is followed by its deliveries. The same query as {@code submitlab trace}.
 */
public final class TracePanel {

    private static final String ANY = "any status";

    private final UiContext ui;
    private final Store store;
    private final Supplier<Boolean> ended;
    private final TextField sender = field("trace-sender", "sender (mailbox or envelope from)");
    private final TextField recipient = field("trace-recipient", "recipient");
    private final TextField messageId = field("trace-message-id", "Message-ID");
    private final TextField since = field("trace-since", "since: 2h, 2026-12-02 09:00");
    private final TextField until = field("trace-until", "until");
    private final ComboBox<String> status = new ComboBox<>();
    private final Button find = new Button("Trace");
    private final Button export = new Button("Export CSV\u2026");
    private final Label summary = new Label();
    private final TableView<TraceRow> table = new TableView<>();
    private final BorderPane root = new BorderPane();

    /**
     * @param ended  whether the world is a run that has ended (asked off the FX thread at each search)
     */
    public TracePanel(UiContext ui, Store store, Supplier<Boolean> ended) {
        this.ui = ui;
        this.store = store;
        this.ended = ended;
        status.setId("trace-status");
        status.getItems().add(ANY);
        for (TraceRow.Status s : TraceRow.Status.values()) {
            status.getItems().add(s.key());
        }
        status.setValue(ANY);
        find.setId("trace-find");
        find.setDefaultButton(false);
        find.setOnAction(e -> search());
        for (TextField f : List.of(sender, recipient, messageId, since, until)) {
            f.setOnAction(e -> search());
        }
        export.setId("trace-export");
        export.setOnAction(e -> exportCsv());
        export.setDisable(true);
        summary.setId("trace-summary");
        summary.getStyleClass().add("panel-help");

        table.setId("trace-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Tables.emptyState("Find a message: type a sender, a recipient or a Message-ID (or "
                + "nothing, for the latest), then Enter."));
        TableColumn<TraceRow, String> reply = Tables.column("Reply", 320,
                (TraceRow r) -> r.kind() == TraceRow.Kind.DELIVERY && r.status() != TraceRow.Status.FAILED ? "" : r.reply());
        Tables.replyCells(reply);
        table.getColumns().setAll(List.of(
                Tables.column("Time", 110, (TraceRow r) -> Formats.clockSecondsNear(r.time(), ui.now(), ui.zone())),
                Tables.fitText(Tables.column("Status", 80, (TraceRow r) -> r.status().key()), "delivered"),
                Tables.column("Mailbox", 190, (TraceRow r) -> r.mailbox() == null ? "(not logged in)" : r.mailbox()),
                Tables.column("Client", 110, TraceRow::client),
                Tables.column("Message-ID", 220, (TraceRow r) -> r.messageId() == null ? "" : r.messageId()),
                Tables.column("Recipient", 170, (TraceRow r) -> r.recipient().orElse(String.join(", ", r.envelopeTo()))),
                reply,
                Tables.column("Delivery / reason", 300, this::what)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TraceRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("trace-delivery", "trace-lost");
                if (!empty && item != null) {
                    if (item.kind() == TraceRow.Kind.DELIVERY) {
                        getStyleClass().add("trace-delivery");
                    } else if (item.kind() == TraceRow.Kind.LOST) {
                        getStyleClass().add("trace-lost");
                    }
                }
            }
        });

        FlowPane filters = new FlowPane(8, 6, sender, recipient, messageId, since, until, status, find, export);
        filters.setAlignment(Pos.CENTER_LEFT);
        PanelLayout.fill(root, new VBox(6, PanelLayout.help("Every submission, accepted or refused, with its reply; "
                + "under each accepted one its deliveries (delayed ones by the message rate, header recipients of the "
                + "2018 replay with their reason). In a run that ended, messages never accepted are lost."), filters,
                summary), table);
    }

    public Node node() {
        return root;
    }

    public TableView<TraceRow> table() {
        return table;
    }

    /** Finds one message by its Message-ID, the other filters cleared. */
    public void traceMessage(String id) {
        for (TextField f : List.of(sender, recipient, since, until)) {
            f.clear();
        }
        status.setValue(ANY);
        messageId.setText(id);
        search();
    }

    /** Runs the search typed in the filters; a filter that does not parse is named and nothing is searched. */
    public void search() {
        TraceQuery q;
        Optional<TraceRow.Status> only;
        try {
            Instant now = ui.now();
            q = new TraceQuery(text(sender), text(recipient), text(messageId),
                    text(since).map(t -> MessageTrace.parseTime(t, now, ui.zone())),
                    text(until).map(t -> MessageTrace.parseTime(t, now, ui.zone())), Optional.empty(),
                    TraceQuery.DEFAULT_LIMIT);
            only = ANY.equals(status.getValue()) ? Optional.empty() : Optional.of(TraceRow.Status.of(status.getValue()));
        } catch (IllegalArgumentException e) {
            summary.setText(e.getMessage());
            summary.getStyleClass().setAll("label", "form-error");
            return;
        }
        TraceQuery query = q;
        Optional<TraceRow.Status> filter = only;
        summary.setText("Searching\u2026");
        ui.background().run(() -> new MessageTrace(store, ended.get()).find(query, filter), rows -> {
            table.getItems().setAll(rows);
            long submissions = rows.stream().filter(r -> r.kind() == TraceRow.Kind.SUBMISSION).count();
            summary.getStyleClass().setAll("label", "panel-help");
            summary.setText(rows.isEmpty() ? "No submission matches." : Formats.plural(submissions, "submission",
                    "submissions") + ", " + Formats.plural(rows.size() - submissions, "other line", "other lines")
                    + (submissions >= TraceQuery.DEFAULT_LIMIT ? " (the newest " + TraceQuery.DEFAULT_LIMIT
                            + "; narrow the search for older ones)" : ""));
            export.setDisable(rows.isEmpty());
        }, e -> {
            summary.getStyleClass().setAll("label", "form-error");
            summary.setText("The trace failed: " + e.getMessage());
        });
    }

    private void exportCsv() {
        List<TraceRow> rows = List.copyOf(table.getItems());
        CsvExport.ask(root, "Export the trace as CSV", "trace.csv", ui.background(), w -> TraceCsv.write(rows, w),
                summary::setText);
    }

    private String what(TraceRow r) {
        return switch (r.kind()) {
            case SUBMISSION -> r.reason().orElse("");
            case DELIVERY -> (r.status() == TraceRow.Status.FAILED ? "failed at " : r.status() == TraceRow.Status.DELAYED
                    ? "delayed, delivered at " : "delivered at ")
                    + r.deliverAt().map(t -> Formats.clockSecondsNear(t, ui.now(), ui.zone())).orElse("")
                    + r.reason().map(x -> ": " + x).orElse("");
            case LOST -> r.reason().orElse("lost");
        };
    }

    private static Optional<String> text(TextField f) {
        return Optional.ofNullable(f.getText()).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(12);
        return f;
    }
}
