package org.submitlab.ui.admin;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.submitlab.app.LiveWorld;
import org.submitlab.app.admin.MailboxAdmin;
import org.submitlab.app.admin.MailboxView;
import org.submitlab.ui.common.BackgroundTasks;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.PanelLayout;
import org.submitlab.ui.common.Tables;

/**
 * Live's mailboxes, as an admin sets them up for real devices: add, edit, delete, passwords and XOAUTH2
 * tokens, Sent Items purge. Every change reaches Live's running server at once.
 */
public final class MailboxesPanel {

    private final BackgroundTasks background;
    private final Consumer<String> status;
    private final TableView<MailboxView> table = new TableView<>();
    private final Button add = new Button("Add\u2026");
    private final Button edit = new Button("Edit\u2026");
    private final Button password = new Button("New password\u2026");
    private final Button tokens = new Button("Tokens\u2026");
    private final Button purge = new Button("Purge Sent Items\u2026");
    private final Button remove = new Button("Delete\u2026");
    private final BorderPane root = new BorderPane();
    private LiveWorld live;

    public MailboxesPanel(BackgroundTasks background, Consumer<String> status) {
        this.background = background;
        this.status = status;
        table.setId("mailboxes-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Tables.emptyState("No mailboxes in Live yet. Add one for each device or app that sends "
                + "through SubmitLab (Exchange's first remedy: a mailbox per device)."));
        TableColumn<MailboxView, String> networks = Tables.column("Client networks", 160,
                (MailboxView m) -> m.networks().isEmpty() ? "any" : String.join(", ", m.networks()));
        table.getColumns().setAll(List.of(
                Tables.column("Mailbox", 210, MailboxView::address),
                Tables.column("Display name", 140, MailboxView::displayName),
                Tables.withHelp(Tables.column("SMTP AUTH", 100, (MailboxView m) -> m.smtpAuth().equals("tenant")
                        ? "tenant (" + (m.smtpAuthApplies() ? "on" : "off") + ")" : m.smtpAuth()),
                        "The mailbox's own switch wins over the tenant's; 'tenant' follows the tenant."),
                Tables.withHelp(Tables.column("Recipients / day", 120, (MailboxView m) -> Formats.count(
                        m.recipientsPerDayApplies()) + (m.recipientsPerDay().isEmpty() ? " (tenant)" : "")),
                        "RecipientLimitPerDay: 1 to 10,000 (Exchange: 10,000)."),
                Tables.column("Send As", 140, (MailboxView m) -> String.join(", ", m.sendAs())),
                Tables.column("Sent Items", 110, (MailboxView m) -> (m.saveToSentItems() ? "on" : "off")
                        + m.retention().map(d -> ", " + d.toDays() + " d").orElse("")),
                Tables.withHelp(Tables.column("Size / quota", 140, (MailboxView m) -> Formats.bytes(m.sizeBytes())
                        + " / " + Formats.bytes(m.quotaApplies())), "Sent Items copies count against the quota."),
                Tables.column("Send limit", 90, (MailboxView m) -> Formats.bytes(m.sendLimitApplies())),
                Tables.column("Tokens", 60, MailboxView::tokens),
                networks));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateButtons());
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !edit.isDisabled()) {
                edit();
            }
        });
        add.setId("mailbox-add");
        edit.setId("mailbox-edit");
        password.setId("mailbox-password-new");
        tokens.setId("mailbox-tokens");
        purge.setId("mailbox-purge");
        remove.setId("mailbox-remove");
        add.setOnAction(e -> add());
        edit.setOnAction(e -> edit());
        password.setOnAction(e -> newPassword());
        tokens.setOnAction(e -> tokens());
        purge.setOnAction(e -> purge());
        remove.setOnAction(e -> remove());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, add, edit, password, tokens, spacer, purge, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        PanelLayout.fill(root, new VBox(4, PanelLayout.help("Live's mailboxes, for your real devices and apps. "
                + "Changes apply to the running server at once; passwords and tokens are stored as hashes, and a "
                + "password SubmitLab makes is shown once."), bar), table);
        updateButtons();
    }

    public Node node() {
        return root;
    }

    public TableView<MailboxView> table() {
        return table;
    }

    /** Shows Live's mailboxes (after the data folder opened). */
    public void setLive(LiveWorld world) {
        this.live = world;
        updateButtons();
        refresh();
    }

    public void refresh() {
        if (live == null) {
            return;
        }
        LiveWorld l = live;
        background.run(() -> l.mailboxes().list(), rows -> Tables.update(table, rows, MailboxView::address),
                e -> status.accept(e.getMessage()));
    }

    private void updateButtons() {
        boolean selected = table.getSelectionModel().getSelectedItem() != null;
        add.setDisable(live == null);
        for (Button b : List.of(edit, password, tokens, purge, remove)) {
            b.setDisable(live == null || !selected);
        }
    }

    private Optional<MailboxView> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private MailboxAdmin admin() {
        return live.mailboxes();
    }

    private void add() {
        MailboxDialog.create(root.getScene().getWindow(), Optional.empty(), r -> {
            MailboxAdmin.Created c = admin().add(r.address(), r.password(), r.edits());
            c.generatedPassword().ifPresent(p -> showSecret("Password for " + c.mailbox().address(),
                    "Type it into the device now: only its hash is kept, and it is not shown again.", p));
            status.accept("Added " + c.mailbox().address() + "; Live's server knows it now");
            return Optional.empty();
        }).showAndWait();
        refresh();
    }

    private void edit() {
        selected().ifPresent(m -> {
            MailboxDialog.create(root.getScene().getWindow(), Optional.of(m), r -> {
                admin().update(m.address(), r.edits());
                status.accept("Saved " + m.address() + "; Live's server applies it now");
                return Optional.empty();
            }).showAndWait();
            refresh();
        });
    }

    private void newPassword() {
        selected().ifPresent(m -> {
            if (confirm("New password for " + m.address() + "?", "SubmitLab makes a new password and shows it once. "
                    + "Devices using the old one get 535 5.7.3 from now on.")) {
                admin().setPassword(m.address(), Optional.empty()).ifPresent(p -> showSecret("New password for "
                        + m.address(), "Only its hash is kept: copy it into the device now.", p));
            }
        });
    }

    private void tokens() {
        selected().ifPresent(m -> {
            TokensDialog.create(root.getScene().getWindow(), admin(), m.address(), status,
                    t -> showSecret("XOAUTH2 token for " + m.address(), "Shown once: only its hash is kept.",
                            t.token())).showAndWait();
            refresh();
        });
    }

    private void purge() {
        selected().ifPresent(m -> {
            if (confirm("Purge the Sent Items of " + m.address() + "?", "Every Sent Items copy of this mailbox is "
                    + "deleted now (" + Formats.bytes(m.sizeBytes()) + "). This cannot be undone.")) {
                status.accept("Removed " + admin().purgeSentItems(m.address()) + " Sent Items of " + m.address());
                refresh();
            }
        });
    }

    private void remove() {
        selected().ifPresent(m -> {
            ButtonType withItems = new ButtonType("Delete with its Sent Items", ButtonBar.ButtonData.OK_DONE);
            ButtonType keepItems = new ButtonType("Delete, keep its Sent Items", ButtonBar.ButtonData.OTHER);
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Its devices get 535 5.7.3 from now on, and its "
                    + m.tokens() + " token(s) are revoked. Its Sent Items (" + Formats.bytes(m.sizeBytes())
                    + ") go too, unless you keep them.", withItems, keepItems, ButtonType.CANCEL);
            a.setHeaderText("Delete " + m.address() + "?");
            a.initOwner(root.getScene().getWindow());
            a.showAndWait().filter(b -> b == withItems || b == keepItems).ifPresent(b -> {
                MailboxAdmin.Removed r = admin().remove(m.address(), b == keepItems);
                status.accept("Deleted " + r.address() + (b == keepItems ? " (its Sent Items are kept)"
                        : " and its " + r.sentItemsRemoved() + " Sent Items"));
                refresh();
            });
        });
    }

    private boolean confirm(String header, String text) {
        return org.submitlab.ui.common.Dialogs.confirm(root.getScene().getWindow(), header, text);
    }

    private void showSecret(String header, String text, String secret) {
        TextArea value = new TextArea(secret);
        value.setId("shown-secret");
        value.setEditable(false);
        value.setWrapText(true);
        value.setPrefRowCount(2);
        ButtonType copy = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", copy, ButtonType.CLOSE);
        a.setHeaderText(header);
        a.getDialogPane().setContent(new VBox(8, new Label(text), value));
        a.getDialogPane().setId("secret-dialog");
        a.initOwner(root.getScene().getWindow());
        a.showAndWait().filter(copy::equals).ifPresent(b -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(secret);
            Clipboard.getSystemClipboard().setContent(c);
        });
    }
}
