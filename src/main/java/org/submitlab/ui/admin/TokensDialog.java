package org.submitlab.ui.admin;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.submitlab.app.admin.MailboxAdmin;
import org.submitlab.store.MailboxRepository.TokenInfo;
import org.submitlab.ui.common.Tables;

/** A mailbox's XOAUTH2 tokens, by hash and date only: issue one (shown once), revoke one or all. */
final class TokensDialog {

    private TokensDialog() {
    }

    static Dialog<Void> create(Window owner, MailboxAdmin admin, String address, Consumer<String> status,
            Consumer<MailboxAdmin.IssuedToken> showIssued) {
        TableView<TokenInfo> table = new TableView<>();
        table.setId("tokens-table");
        table.setPrefHeight(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No XOAUTH2 tokens: devices of this mailbox log in with its password."));
        table.getColumns().setAll(List.of(
                Tables.withHelp(Tables.column("Token", 130, TokenInfo::id),
                        "The first characters of the token's hash: the token itself is never stored."),
                Tables.column("Issued", 220, (TokenInfo t) -> t.created() == null ? "" : t.created().toString())));
        Runnable reload = () -> table.getItems().setAll(admin.tokens(address));
        reload.run();

        Button issue = new Button("Issue a token");
        issue.setId("token-issue");
        Button revoke = new Button("Revoke");
        revoke.setId("token-revoke");
        Button revokeAll = new Button("Revoke all");
        revokeAll.setId("token-revoke-all");
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        issue.setOnAction(e -> {
            showIssued.accept(admin.issueToken(address));
            reload.run();
        });
        revoke.setOnAction(e -> {
            TokenInfo t = table.getSelectionModel().getSelectedItem();
            status.accept("Revoked " + admin.revokeToken(address, t.id()) + " token of " + address
                    + "; a device using it gets 535 5.7.3 from now on");
            reload.run();
        });
        revokeAll.setOnAction(e -> {
            status.accept("Revoked " + admin.revokeToken(address, "all") + " token(s) of " + address);
            reload.run();
        });
        HBox buttons = new HBox(8, issue, revoke, revokeAll);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("XOAUTH2 tokens");
        dialog.setHeaderText("XOAUTH2 tokens of " + address);
        dialog.getDialogPane().setId("tokens-dialog");
        dialog.getDialogPane().setContent(new VBox(8, table, buttons));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        return dialog;
    }
}
