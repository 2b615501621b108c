package org.submitlab.ui.sentitems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;
import org.submitlab.events.LabEvent;
import org.submitlab.ui.common.Dialogs;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.UiContext;

/**
 * The Sent Items browser: one page at a time from the database (never every row), searched
 * across subject, sender and recipients, with a detail view and .eml export. Every read runs
 * on the console's background threads.
 */
public final class SentItemsPanel implements EventPump.Listener {

    public static final String ALL = "All mailboxes";
    private static final long AUTO_REFRESH_NANOS = 1_000_000_000L;

    private final UiContext ui;
    private final SentItemsPager pager = new SentItemsPager();
    private final TableView<SentItemRow> table = new TableView<>();
    private final ComboBox<String> mailbox = new ComboBox<>();
    private final TextField search = TextFields.createClearableTextField();
    private final Label range = new Label();
    private final Label status = new Label();
    private final Button first = new Button("\u00AB");
    private final Button previous = new Button("\u25C0");
    private final Button next = new Button("\u25B6");
    private final Button exportButton = new Button("Export .eml\u2026");
    private final Button clearButton = new Button("Clear mailbox\u2026");
    private final Label empty = Tables.emptyState("");
    private final MessageDetailView detail;
    private final BorderPane root = new BorderPane();
    private SentItemsSource source;
    private boolean loading;
    private boolean stale;
    private long lastLoadNanos;
    private long detailRequest;
    private boolean updatingRows;
    private SentItemRow shownRow;

    public SentItemsPanel(UiContext ui) {
        this.ui = ui;
        this.detail = new MessageDetailView(ui.zone(), ui.background());
        table.setId("sent-items-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(empty);
        empty.setText(pager.emptyText());
        // The table gets about 700 px of a 1280-1360 px window: the widths add up to that, and the
        // time keeps its full width when the constrained policy shrinks the others.
        var time = Tables.fitText(Tables.column("Accepted", 125, (SentItemRow r) -> Formats.shortDateTime(r.time(), ui.zone())),
                "Mmm 30 23:59:59");
        table.getColumns().setAll(List.of(time,
                Tables.column("Mailbox", 150, SentItemRow::mailbox),
                Tables.withHelp(Tables.column("Envelope to", 170, SentItemRow::recipientsText),
                        "RCPT TO: the addresses the message is delivered to."),
                Tables.column("Subject", 200, SentItemRow::subject),
                Tables.fitText(Tables.column("Size", 65, r -> Formats.bytes(r.size())), "999.9 KB")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> open(row));
        javafx.scene.control.MenuItem trace = new javafx.scene.control.MenuItem("Trace this message");
        trace.setId("trace-message");
        trace.setOnAction(e -> {
            SentItemRow row = table.getSelectionModel().getSelectedItem();
            if (row != null && row.messageId() != null) {
                table.fireEvent(new org.submitlab.ui.trace.TraceRequest(row.messageId()));
            }
        });
        javafx.scene.control.MenuItem delete = new javafx.scene.control.MenuItem("Delete message\u2026");
        delete.setId("delete-message");
        delete.setOnAction(e -> confirmDelete());
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(trace, delete);
        menu.setOnShowing(e -> delete.setVisible(source != null && source.canDelete()));
        table.setContextMenu(menu);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE) {
                confirmDelete();
            }
        });

        mailbox.setId("sent-items-mailbox");
        mailbox.getItems().setAll(ALL);
        mailbox.getSelectionModel().select(ALL);
        mailbox.setTooltip(new Tooltip("Show one mailbox's Sent Items, or all of them."));
        mailbox.valueProperty().addListener((o, a, m) -> {
            if (m != null) {
                load(pager.setMailbox(ALL.equals(m) ? Optional.empty() : Optional.of(m)));
            }
            updateButtons();
        });
        search.setId("sent-items-search");
        search.setPromptText("Search: words, \"a phrase\", from:, to:, subject:, has:attachment");
        search.setPrefColumnCount(26);
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> load(pager.setSearch(search.getText())));
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        search.setOnAction(e -> {
            debounce.stop();
            load(pager.setSearch(search.getText()));
        });
        first.setTooltip(new Tooltip("First page (newest)"));
        previous.setTooltip(new Tooltip("Previous page"));
        next.setTooltip(new Tooltip("Next page (older)"));
        first.setOnAction(e -> load(pager.first()));
        previous.setOnAction(e -> load(pager.previous()));
        next.setOnAction(e -> load(pager.next()));
        range.setId("sent-items-range");
        range.setMinWidth(Region.USE_PREF_SIZE);
        exportButton.setId("export-eml");
        exportButton.setDisable(true);
        exportButton.setTooltip(new Tooltip("Save the selected message exactly as submitted, as an .eml file."));
        exportButton.setOnAction(e -> chooseExportFile());
        status.getStyleClass().add("panel-help");
        status.setId("sent-items-status");
        clearButton.setId("clear-sent-items");
        clearButton.setTooltip(new Tooltip("Delete every Sent Items message of the mailbox chosen on the left."));
        clearButton.setOnAction(e -> confirmClear());
        clearButton.setVisible(false);
        clearButton.managedProperty().bind(clearButton.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Mailbox"), mailbox, search, spacer, first, previous, range, next, exportButton, clearButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        SplitPane split = new SplitPane(table, detail.node());
        split.setDividerPositions(0.56);
        root.setTop(bar);
        root.setCenter(split);
        root.setBottom(status);
        root.setPadding(new Insets(8));
        updateButtons();
    }

    public Node node() {
        return root;
    }

    public TableView<SentItemRow> table() {
        return table;
    }

    public MessageDetailView detail() {
        return detail;
    }

    /** Sets where pages come from (the store, once it is open) and loads the first page. */
    public void setSource(SentItemsSource s) {
        source = s;
        clearButton.setVisible(s.canDelete());
        load(pager.first());
    }

    public void setMailboxes(List<String> addresses) {
        List<String> items = new ArrayList<>();
        items.add(ALL);
        items.addAll(addresses);
        if (!mailbox.getItems().equals(items)) {
            String selected = mailbox.getValue();
            mailbox.getItems().setAll(items);
            mailbox.setValue(items.contains(selected) ? selected : ALL);
        }
    }

    @Override
    public void onEvents(List<LabEvent> events) {
        for (LabEvent e : events) {
            if (e instanceof LabEvent.SubmissionAccepted) {
                stale = true;
                return;
            }
        }
    }

    @Override
    public void onTick(Instant now) {
        if (stale && !loading && source != null && !pager.hasPrevious()
                && System.nanoTime() - lastLoadNanos > AUTO_REFRESH_NANOS) {
            stale = false;
            load(pager.refresh());
        }
    }

    private void load(SentItemsPager.Query q) {
        if (source == null) {
            return;
        }
        SentItemsSource s = source;
        loading = true;
        lastLoadNanos = System.nanoTime();
        ui.background().run(() -> SentItemsPager.load(s, q), page -> {
            loading = false;
            if (pager.accept(page)) {
                updatingRows = true;
                try {
                    Tables.update(table, pager.rows(), SentItemRow::id);
                } finally {
                    updatingRows = false;
                }
                if (table.getSelectionModel().getSelectedItem() == null && shownRow != null) {
                    open(null);
                }
                empty.setText(pager.emptyText());
                updateButtons();
            }
        }, error -> {
            loading = false;
            status.setText("Could not read Sent Items: " + error.getMessage());
        });
    }

    private void updateButtons() {
        clearButton.setDisable(ALL.equals(mailbox.getValue()) || mailbox.getValue() == null);
        range.setText(pager.rangeText());
        first.setDisable(!pager.hasPrevious());
        previous.setDisable(!pager.hasPrevious());
        next.setDisable(!pager.hasNext());
    }

    private void open(SentItemRow row) {
        if ((row == null && updatingRows) || (row != null && row.equals(shownRow))) {
            return;
        }
        shownRow = row;
        exportButton.setDisable(row == null);
        if (row == null || source == null) {
            detail.clear();
            return;
        }
        long request = ++detailRequest;
        SentItemsSource s = source;
        detail.showLoading();
        ui.background().run(() -> s.raw(row.id()).map(raw -> {
            MessageDetails d = MessageParser.parse(raw);
            return new Opened(d, s.failedDeliveries(row.id()),
                    d.html().isEmpty() ? null : SafeHtml.render(d.html(), d.attachments()));
        }), o -> {
            if (request != detailRequest) {
                return;
            }
            if (o.isPresent()) {
                detail.show(row, o.get().details(), o.get().failed(), o.get().html());
            } else {
                detail.clear();
                status.setText("Message " + row.id() + " is no longer stored (retention may have removed it).");
            }
        }, e -> status.setText("Could not read message " + row.id() + ": " + e.getMessage()));
    }

    private void confirmDelete() {
        SentItemRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || source == null || !source.canDelete()) {
            return;
        }
        if (Dialogs.confirm(root.getScene().getWindow(), "Delete this message from Sent Items?", "\u201c"
                + (row.subject().isBlank() ? "(no subject)" : row.subject()) + "\u201d, accepted "
                + Formats.dateTime(row.time(), ui.zone()) + " for " + row.mailbox() + ", is deleted from its Sent "
                + "Items. Its submission and deliveries stay in the trace. This cannot be undone.")) {
            delete(row);
        }
    }

    /** Deletes the message from Sent Items (no question asked: the caller asked), then reloads the page. */
    public CompletableFuture<Boolean> delete(SentItemRow row) {
        SentItemsSource s = source;
        return ui.background().run(() -> s.delete(row.id()), deleted -> {
            status.setText(deleted ? "Deleted message " + row.id() + " from the Sent Items of " + row.mailbox()
                    : "Message " + row.id() + " was already gone.");
            table.getSelectionModel().clearSelection();
            load(pager.refresh());
        }, e -> status.setText("Could not delete message " + row.id() + ": " + e.getMessage()));
    }

    private void confirmClear() {
        String m = mailbox.getValue();
        if (m == null || ALL.equals(m) || source == null || !source.canDelete()) {
            return;
        }
        if (Dialogs.confirm(root.getScene().getWindow(), "Clear the Sent Items of " + m + "?", "Every message in "
                + "the Sent Items of " + m + " is deleted now. Submissions and deliveries stay in the trace. "
                + "This cannot be undone.")) {
            clear(m);
        }
    }

    /** Deletes every Sent Items message of the mailbox (no question asked), then reloads the page. */
    public CompletableFuture<Integer> clear(String address) {
        SentItemsSource s = source;
        return ui.background().run(() -> s.clear(address), n -> {
            status.setText("Deleted " + n + (n == 1 ? " message" : " messages") + " from the Sent Items of " + address);
            table.getSelectionModel().clearSelection();
            load(pager.first());
        }, e -> status.setText("Could not clear the Sent Items of " + address + ": " + e.getMessage()));
    }

    /** A message read for the detail view: taken apart, its failed deliveries, its HTML body made safe. */
    private record Opened(MessageDetails details, Map<String, String> failed, SafeHtml.Rendered html) {
    }

    private void chooseExportFile() {
        SentItemRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export message as .eml");
        chooser.setInitialFileName(MessageParser.emlFileName(row));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Email message (*.eml)", "*.eml"));
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            export(row, file.toPath(), p -> status.setText("Saved " + p));
        }
    }

    /** Writes the message exactly as stored to {@code target}, in the background. */
    public void export(SentItemRow row, Path target, Consumer<Path> done) {
        SentItemsSource s = source;
        ui.background().run(() -> {
            byte[] raw = s.raw(row.id()).orElseThrow(() -> new IOException("message " + row.id() + " is no longer stored"));
            Files.write(target, raw);
            return target;
        }, done, e -> status.setText("Could not export: " + e.getMessage()));
    }
}
