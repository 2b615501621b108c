package org.submitlab.ui.devices;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.submitlab.sim.Device;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.Tables;

/**
 * The devices of the selected scenario: their state and counters while it runs, and add, edit
 * and remove while it does not.
 */
public final class DevicesPanel implements EventPump.Listener {

    private final DevicesViewModel vm = new DevicesViewModel();
    private final TableView<DeviceRow> table = new TableView<>();
    private final Label summary = new Label();
    private final Button add = new Button("Add\u2026");
    private final Button edit = new Button("Edit\u2026");
    private final Button remove = new Button("Remove");
    private static final javafx.css.PseudoClass LOST = javafx.css.PseudoClass.getPseudoClass("lost");
    private final BorderPane root = new BorderPane();
    private final Consumer<ScenarioDraft> onDraftChanged;
    private ScenarioDraft draft;
    private boolean running;
    private List<DeviceRow> pending;

    public DevicesPanel(Consumer<ScenarioDraft> onDraftChanged) {
        this.onDraftChanged = onDraftChanged;
        table.setId("devices-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Tables.emptyState("No devices. Pick a scenario in the toolbar to see its devices."));
        TableColumn<DeviceRow, String> reply = Tables.column("Last reply", 460, DeviceRow::lastReply);
        Tables.replyCells(reply);
        table.getColumns().setAll(List.of(
                Tables.column("Device", 150, DeviceRow::name),
                Tables.column("Kind", 90, DeviceRow::kind),
                Tables.column("Mailbox", 200, DeviceRow::mailbox),
                Tables.withHelp(Tables.column("State", 130, DeviceRow::stateText),
                        "idle: waiting for its next message; sending: a transaction is on the wire; waiting to retry: "
                                + "refused, a retry is scheduled; gave up: its last message was lost; done: nothing left to send."),
                Tables.column("Attempts", 80, (DeviceRow r) -> Formats.count(r.attempts())),
                Tables.column("Accepted", 80, (DeviceRow r) -> Formats.count(r.accepted())),
                Tables.column("Refused", 80, (DeviceRow r) -> Formats.count(r.refused())),
                Tables.withHelp(Tables.column("Retries", 70, (DeviceRow r) -> Formats.count(r.retries())),
                        "Attempts that were retries of an earlier refusal."),
                Tables.withHelp(Tables.column("Lost", 70, (DeviceRow r) -> Formats.count(r.gaveUp())),
                        "Messages the device gave up on (refused and not retried, or out of attempts): lost, unless "
                                + "someone notices. A device with losses is shown in red, whatever its last reply."),
                reply));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(DeviceRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(LOST, !empty && item != null && item.gaveUp() > 0);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateButtons());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE && !remove.isDisabled()) {
                removeSelected();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !edit.isDisabled()) {
                editSelected();
            }
        });

        TextField filter = TextFields.createClearableTextField();
        filter.setPromptText("Filter by name, mailbox, state or kind");
        filter.setPrefColumnCount(26);
        filter.textProperty().addListener((o, a, t) -> {
            vm.setFilter(t);
            Tables.update(table, vm.rows(), DeviceRow::name);
        });
        add.setOnAction(e -> addLikeSelected());
        edit.setOnAction(e -> editSelected());
        remove.setOnAction(e -> removeSelected());
        add.setTooltip(new Tooltip("Add a device like the selected one (or the first), with a new name."));
        edit.setTooltip(new Tooltip("Change the selected device's name, kind, mailbox, password or retries (Enter)."));
        remove.setTooltip(new Tooltip("Remove the selected device from the scenario (Delete)."));
        summary.setId("devices-summary");
        summary.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, filter, spacer, add, edit, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, summary, bar);
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);
        root.setCenter(table);
        root.setPadding(new Insets(8));
        show(List.of());
    }

    public Node node() {
        return root;
    }

    public TableView<DeviceRow> table() {
        return table;
    }

    /** The scenario picked in the toolbar, before it runs. */
    public void setDraft(ScenarioDraft d) {
        draft = d;
        if (!running) {
            show(d == null ? List.of() : d.rows());
        }
        updateButtons();
    }

    /** Live device rows while a scenario runs; {@code null} when none runs. */
    public void setLive(List<DeviceRow> rows) {
        pending = rows;
    }

    @Override
    public void onTick(Instant now) {
        if (pending == null || Tables.held(table)) {
            return;
        }
        List<DeviceRow> rows = pending;
        pending = null;
        boolean nowRunning = !rows.isEmpty();
        if (nowRunning || running) {
            show(nowRunning ? rows : draft == null ? List.of() : draft.rows());
        }
        if (nowRunning != running) {
            running = nowRunning;
            updateButtons();
        }
    }

    private void show(List<DeviceRow> rows) {
        vm.setRows(rows);
        Tables.update(table, vm.rows(), DeviceRow::name);
        summary.setText(vm.summary());
    }

    private void updateButtons() {
        boolean editable = draft != null && !running;
        boolean selected = table.getSelectionModel().getSelectedItem() != null;
        add.setDisable(!editable || draft.devices().isEmpty());
        edit.setDisable(!editable || !selected);
        remove.setDisable(!editable || !selected);
        String why = running ? "Stop the scenario to add, edit or remove devices." : "";
        root.setBottom(why.isEmpty() ? null : new Label(why));
    }

    private Optional<Device> selectedDevice() {
        DeviceRow row = table.getSelectionModel().getSelectedItem();
        return row == null || draft == null ? Optional.empty() : draft.device(row.name());
    }

    private void addLikeSelected() {
        Device base = selectedDevice().orElse(draft.devices().get(0));
        DeviceEditDialog.show(root.getScene().getWindow(), "Add a device", base, vm.nextFreeName(base.name()),
                draft.mailboxes(), e -> refusal(() -> draft.add(base, e))).ifPresent(e -> change(() -> draft.add(base, e)));
    }

    private void editSelected() {
        selectedDevice().ifPresent(d -> DeviceEditDialog.show(root.getScene().getWindow(), "Edit " + d.name(), d,
                d.name(), draft.mailboxes(), e -> refusal(() -> draft.replace(d.name(), e)))
                .ifPresent(e -> change(() -> draft.replace(d.name(), e))));
    }

    private void removeSelected() {
        selectedDevice().ifPresent(d -> change(() -> draft.remove(d.name())));
    }

    /** Why the draft refuses this edit, if it does (the dialog stays open with the reason). */
    private static Optional<String> refusal(java.util.function.Supplier<ScenarioDraft> edit) {
        try {
            edit.get();
            return Optional.empty();
        } catch (IllegalArgumentException ex) {
            return Optional.of(ex.getMessage());
        }
    }

    private void change(java.util.function.Supplier<ScenarioDraft> edit) {
        try {
            ScenarioDraft next = edit.get();
            setDraft(next);
            onDraftChanged.accept(next);
        } catch (IllegalArgumentException ex) {
            Alert alert = new Alert(Alert.AlertType.WARNING, ex.getMessage());
            alert.initOwner(root.getScene().getWindow());
            alert.setHeaderText("The device was not changed");
            alert.showAndWait();
        }
    }
}
