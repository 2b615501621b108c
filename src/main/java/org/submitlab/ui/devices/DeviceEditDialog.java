package org.submitlab.ui.devices;

import java.util.List;
import java.util.Optional;
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

    static Optional<ScenarioDraft.Edit> show(Window owner, String title, Device base, String name, List<String> mailboxes) {
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
        dialog.getDialogPane().setContent(grid);
        dialog.setOnShown(e -> nameField.requestFocus());
        dialog.setResultConverter(b -> b == ButtonType.OK ? new ScenarioDraft.Edit(nameField.getText(), kind.getValue(),
                mailbox.getValue(), password.getText(), retry.getValue()) : null);
        return dialog.showAndWait();
    }
}
