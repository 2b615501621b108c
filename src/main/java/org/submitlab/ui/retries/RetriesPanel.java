package org.submitlab.ui.retries;

import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.textfield.TextFields;
import org.submitlab.app.explain.Explainer;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.PanelLayout;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.UiContext;

/** Queued retries across devices: who tries again when, and the reply that made them wait. */
public final class RetriesPanel implements EventPump.Listener {

    private final RetryQueueViewModel vm = new RetryQueueViewModel();
    private final UiContext ui;
    private final TableView<RetryRow> table = new TableView<>();
    private final Label summary = new Label();
    private final Label empty = Tables.emptyState("");
    private final TextArea explanation = new TextArea();
    private final BorderPane root = new BorderPane();
    private List<RetryRow> pending;

    public RetriesPanel(UiContext ui) {
        this.ui = ui;
        table.setId("retries-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(empty);
        TableColumn<RetryRow, String> countdown = Tables.liveColumn("Next attempt in", 130,
                r -> Bindings.createStringBinding(() -> RetryQueueViewModel.countdown(r, ui.now()), ui.nowProperty()));
        Tables.withHelp(countdown, "Simulated time until the device tries this message again.");
        TableColumn<RetryRow, String> reply = Tables.withHelp(Tables.column("Last reply", 620, RetryRow::lastReply),
                "The reply that made the device wait, in full. Hover it for what it means.");
        Tables.replyCells(reply);
        table.getColumns().setAll(List.of(
                Tables.column("Device", 150, RetryRow::device),
                Tables.column("Mailbox", 210, RetryRow::mailbox),
                Tables.column("Message", 150, RetryRow::message),
                Tables.withHelp(Tables.column("Attempt", 80, RetryRow::attempt), "The attempt that comes next (1 is the first try)."),
                countdown, reply));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> explanation.setText(
                row == null ? "Select a retry to see what its last reply means."
                        : Explainer.explain(row.lastReply()).asText()));

        TextField filter = TextFields.createClearableTextField();
        filter.setId("retries-filter");
        filter.setPromptText("Filter by device or mailbox");
        filter.setPrefColumnCount(28);
        filter.textProperty().addListener((o, a, text) -> {
            vm.setFilter(text);
            show();
        });
        summary.setId("retries-summary");
        summary.setWrapText(true);
        HBox top = new HBox(12, filter, summary);
        HBox.setHgrow(summary, Priority.ALWAYS);
        top.setPadding(new Insets(0, 0, 8, 0));

        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.setText("Select a retry to see what its last reply means.");
        explanation.getStyleClass().add("explanation");
        PanelLayout.fill(root, top, PanelLayout.stacked(table, explanation, 0.72));
    }

    public Node node() {
        return root;
    }

    public TableView<RetryRow> table() {
        return table;
    }

    /** The latest retries polled from the simulator (any thread hands them over through the pump). */
    public void setRetries(List<RetryRow> retries) {
        pending = retries;
    }

    @Override
    public void onTick(Instant now) {
        if (pending != null && !Tables.held(table)) {
            vm.setRetries(pending);
            pending = null;
            show();
        }
        summary.setText(vm.summary(now));
    }

    private void show() {
        empty.setText(vm.emptyText());
        Tables.update(table, vm.rows(), r -> r.device() + "\u0000" + r.message());
        summary.setText(vm.summary(ui.now()));
    }
}
