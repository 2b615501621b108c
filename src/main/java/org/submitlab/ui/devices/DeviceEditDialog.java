package org.submitlab.ui.devices;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.submitlab.sim.Device;
import org.submitlab.sim.DeviceKind;

/** Asks for a device's name, kind, mailbox, password and retry behaviour. */
final class DeviceEditDialog {

    private DeviceEditDialog() {
    }

    /**
     * Shows the dialog until the user cancels or enters an edit that {@code check} accepts (it returns
     * the reason an edit is refused); a refused edit keeps the dialog open with the reason and the
     * user's input, so nothing typed is lost.
     */
    static Optional<ScenarioDraft.Edit> show(Window owner, String title, Device base, String name, List<String> mailboxes,
            Function<ScenarioDraft.Edit, Optional<String>> check) {
        Dialog<ScenarioDraft.Edit> dialog = create(owner, title, base, name, mailboxes, check);
        return dialog.showAndWait();
    }

    static Dialog<ScenarioDraft.Edit> create(Window owner, String title, Device base, String name,
            List<String> mailboxes, Function<ScenarioDraft.Edit, Optional<String>> check) {
        Dialog<ScenarioDraft.Edit> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        TextField nameField = new TextField(name);
        ComboBox<DeviceKind> kind = new ComboBox<>();
        kind.getItems().setAll(DeviceKind.values());
        kind.setValue(base.kind());
        ComboBox<String> mailbox = new ComboBox<>();
        mailbox.getItems().setAll(mailboxes);
        mailbox.setValue(base.mailbox());
        PasswordField password = new PasswordField();
        password.setPromptText("unchanged (or the mailbox's)");
        ComboBox<ScenarioDraft.RetryChoice> retry = new ComboBox<>();
        retry.getItems().setAll(ScenarioDraft.RetryChoice.values());
        retry.setValue(ScenarioDraft.RetryChoice.AS_DEFINED);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Name"), nameField);
        grid.addRow(1, new Label("Kind"), kind);
        grid.addRow(2, new Label("Mailbox"), mailbox);
        grid.addRow(3, new Label("Password"), password);
        grid.addRow(4, new Label("Retries"), retry);
        Label note = new Label("The schedule, recipients and message stay as the device had them.");
        note.getStyleClass().add("panel-help");
        grid.add(note, 0, 5, 2, 1);
        Label error = new Label();
        error.setId("device-edit-error");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        grid.add(error, 0, 6, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.setOnShown(e -> nameField.requestFocus());
        java.util.function.Supplier<ScenarioDraft.Edit> edit = () -> new ScenarioDraft.Edit(nameField.getText(),
                kind.getValue(), mailbox.getValue(), password.getText(), retry.getValue());
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            Optional<String> refused = nameField.getText() == null || nameField.getText().isBlank()
                    ? Optional.of("A device needs a name.") : check.apply(edit.get());
            refused.ifPresent(why -> {
                error.setText(why);
                e.consume();
            });
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? edit.get() : null);
        return dialog;
    }
}
