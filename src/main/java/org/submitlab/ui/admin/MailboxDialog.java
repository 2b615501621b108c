package org.submitlab.ui.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.submitlab.app.admin.MailboxEdits;
import org.submitlab.app.admin.MailboxView;
import org.submitlab.policy.Mailbox;

/**
 * Creates or edits a mailbox: address (new ones only), display name, password, SMTP AUTH, recipients per
 * day, Send As, Sent Items and retention, quota, send limit, client networks. A value the app layer refuses
 * keeps the dialog open with the reason and everything typed.
 */
final class MailboxDialog {

    /** What the dialog produced: the address, an optional password, and the edits to apply. */
    record Result(String address, Optional<String> password, List<UnaryOperator<Mailbox>> edits) {
    }

    private MailboxDialog() {
    }

    /**
     * @param existing   the mailbox being edited, or empty for a new one
     * @param check      tries the result (saving it) and returns the reason it was refused, if it was
     */
    static Dialog<Result> create(Window owner, Optional<MailboxView> existing, Function<Result, Optional<String>> check) {
        boolean adding = existing.isEmpty();
        Dialog<Result> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(adding ? "Add a mailbox" : "Edit " + existing.get().address());
        dialog.setHeaderText(adding ? "A mailbox for a device or an app of Live's tenant"
                : existing.get().address());
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setId("mailbox-dialog");

        TextField address = field("mailbox-address", existing.map(MailboxView::address).orElse(""));
        address.setDisable(!adding);
        address.setPromptText("printer2@contoso.test");
        TextField name = field("mailbox-display-name", existing.map(MailboxView::displayName).orElse(""));
        PasswordField password = new PasswordField();
        password.setId("mailbox-password");
        password.setPromptText(adding ? "empty: SubmitLab makes one and shows it once" : "unchanged");
        ComboBox<String> smtpAuth = new ComboBox<>();
        smtpAuth.setId("mailbox-smtp-auth");
        smtpAuth.getItems().setAll("tenant", "on", "off");
        smtpAuth.setValue(existing.map(MailboxView::smtpAuth).orElse("tenant"));
        TextField recipients = field("mailbox-recipients-per-day",
                existing.flatMap(MailboxView::recipientsPerDay).map(String::valueOf).orElse("tenant"));
        TextField sendAs = field("mailbox-send-as", existing.map(m -> String.join(", ", m.sendAs())).orElse(""));
        sendAs.setPromptText("addresses it may send as, separated by commas");
        CheckBox sentItems = new CheckBox("Keep a copy of every submission in Sent Items (Exchange always does)");
        sentItems.setId("mailbox-sent-items");
        sentItems.setSelected(existing.map(MailboxView::saveToSentItems).orElse(true));
        TextField retention = field("mailbox-retention",
                existing.flatMap(MailboxView::retention).map(d -> String.valueOf(d.toDays())).orElse("off"));
        TextField quota = field("mailbox-quota", existing.flatMap(MailboxView::quotaBytes).map(String::valueOf).orElse("tenant"));
        TextField sendLimit = field("mailbox-send-limit",
                existing.flatMap(MailboxView::sendLimitBytes).map(String::valueOf).orElse("tenant"));
        TextField networks = field("mailbox-networks",
                existing.map(m -> m.networks().isEmpty() ? "any" : String.join(", ", m.networks())).orElse("any"));
        Label error = new Label();
        error.setId("mailbox-error");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMaxWidth(520);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;
        grid.addRow(row++, new Label("Address"), address);
        grid.addRow(row++, new Label("Display name"), name);
        grid.addRow(row++, new Label("Password"), password);
        grid.addRow(row++, new Label("SMTP AUTH"), smtpAuth);
        grid.addRow(row++, new Label("Recipients per day"), recipients, hint("1 to 10,000, or tenant"));
        grid.addRow(row++, new Label("Send As"), sendAs);
        grid.add(sentItems, 1, row++, 2, 1);
        grid.addRow(row++, new Label("Sent Items retention"), retention, hint("days, or off"));
        grid.addRow(row++, new Label("Quota"), quota, hint("e.g. 2GB, or tenant"));
        grid.addRow(row++, new Label("Send limit"), sendLimit, hint("e.g. 20MB, or tenant"));
        grid.addRow(row++, new Label("Client networks"), networks, hint("CIDRs (IPv4, IPv6), or any"));
        grid.add(error, 0, row, 3, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.setOnShown(e -> (adding ? address : name).requestFocus());

        java.util.function.Supplier<Result> result = () -> {
            List<UnaryOperator<Mailbox>> edits = new ArrayList<>();
            if (!name.getText().isBlank()) {
                edits.add(MailboxEdits.displayName(name.getText()));
            }
            edits.add(MailboxEdits.smtpAuth(smtpAuth.getValue()));
            edits.add(MailboxEdits.recipientsPerDay(recipients.getText()));
            edits.add(MailboxEdits.sendAs(Arrays.stream(sendAs.getText().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList()));
            edits.add(MailboxEdits.sentItems(sentItems.isSelected() ? "on" : "off"));
            edits.add(MailboxEdits.retention(retention.getText()));
            edits.add(MailboxEdits.quota(quota.getText()));
            edits.add(MailboxEdits.sendLimit(sendLimit.getText()));
            edits.add(MailboxEdits.networks(networks.getText()));
            Optional<String> secret = password.getText().isEmpty() ? Optional.empty() : Optional.of(password.getText());
            if (!adding && secret.isPresent()) {
                edits.add(MailboxEdits.password(secret.get()));
            }
            return new Result(address.getText().trim(), secret, edits);
        };
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            Optional<String> refused;
            try {
                refused = check.apply(result.get());
            } catch (IllegalArgumentException ex) {
                refused = Optional.of(ex.getMessage());
            }
            refused.ifPresent(why -> {
                error.setText(why);
                e.consume();
            });
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? result.get() : null);
        return dialog;
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(28);
        return f;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-help");
        return l;
    }
}
