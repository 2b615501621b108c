package org.submitlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.ui.ConsoleRobot.fx;
import static org.submitlab.ui.ConsoleRobot.showTab;
import static org.submitlab.ui.ConsoleRobot.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.app.Endpoint;
import org.submitlab.app.trace.TraceRow;
import org.submitlab.store.TraceQuery;
import org.submitlab.testing.MailClient;
import org.submitlab.ui.sentitems.MessageDetailView;
import org.submitlab.ui.sentitems.MessageDetails;
import org.submitlab.ui.sentitems.SentItemRow;
import org.testfx.api.FxRobot;
import org.w3c.dom.NodeList;

/**
 * A helpdesk engineer's Sent Items in Live, with messages a real client submitted over SMTP: the HTML body shows
 * sanitized in a WebView (no script, no remote image, the inline logo from the message itself), attachments open
 * and save as their decoded content, and a message or a mailbox's Sent Items are deleted after a confirmation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SentItemsGuiTest {

    private static final String MAILBOX = "news-desk@contoso.test";
    private static final String PASSWORD = "Newsletter-2026!";
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @TempDir
    static Path data;
    @TempDir
    static Path saved;

    private static ConsoleApp app;
    private static final FxRobot robot = new FxRobot();
    private static final List<Path> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startConsoleAndSubmit() throws Exception {
        app = ConsoleRobot.startConsole(data);
        app.window().setFileOpener(opened::add);
        app.window().workspace().live().mailboxes().add(MAILBOX, Optional.of(PASSWORD), List.of());
        Endpoint live = app.window().workspace().live().endpoint().orElseThrow();
        try (MailClient c = new MailClient(live.host(), live.port(), MAILBOX, PASSWORD)) {
            c.sendRaw(newsletter().getBytes(StandardCharsets.US_ASCII), "alice@fabrikam.test");
            c.send(MAILBOX, "bob@fabrikam.test", "Plain reminder", "<reminder-1@contoso.test>");
        }
        showTab(KeyCode.DIGIT4);
    }

    @AfterAll
    static void stopConsole() throws Exception {
        ConsoleRobot.stopConsole(app);
    }

    @Test
    @Order(1)
    void theHtmlBodyShowsWithoutScriptsOrRemoteImagesAndWithItsInlineLogo() {
        select("December newsletter");
        MessageDetailView detail = detail();
        TabPane tabs = detail.tabs();
        Tab html = fx(() -> tabs.getTabs().stream().filter(t -> "tab-html".equals(t.getId())).findFirst().orElseThrow());
        robot.interact(() -> tabs.getSelectionModel().select(html));

        waitUntil(() -> fx(() -> detail.webView() != null && detail.webView().getEngine().getDocument() != null
                && detail.webView().getEngine().getDocument().getElementsByTagName("h1").getLength() == 1));
        WebView web = detail.webView();
        assertThat(fx(() -> web.getEngine().isJavaScriptEnabled())).isFalse();
        assertThat(fx(() -> web.getEngine().getDocument().getElementsByTagName("script").getLength())).isZero();
        List<String> sources = fx(() -> {
            NodeList imgs = web.getEngine().getDocument().getElementsByTagName("img");
            List<String> s = new java.util.ArrayList<>();
            for (int i = 0; i < imgs.getLength(); i++) {
                s.add(((org.w3c.dom.Element) imgs.item(i)).getAttribute("src"));
            }
            return s;
        });
        assertThat(sources).hasSize(2).anySatisfy(s -> assertThat(s).isEqualTo("data:image/png;base64," + PNG))
                .noneSatisfy(s -> assertThat(s).contains("tracker.test"));
        Label note = robot.lookup("#html-note").queryAs(Label.class);
        assertThat(fx(note::getText)).contains("1 remote image not loaded").contains("1 link shown as its address");
        assertThat(fx(() -> web.getEngine().getDocument().getDocumentElement().getTextContent()))
                .contains("Read online <https://contoso.test/news>").doesNotContain("stolen");
    }

    @Test
    @Order(2)
    void anAttachmentSavesAndOpensAsItsDecodedContentButAProgramDoesNotOpen() throws Exception {
        MessageDetailView detail = detail();
        robot.interact(() -> detail.tabs().getSelectionModel().select(detail.tabs().getTabs().stream()
                .filter(t -> t.getText().equals("Attachments")).findFirst().orElseThrow()));
        ListView<MessageDetails.Attachment> list = detail.attachments();
        assertThat(fx(() -> list.getItems().stream().map(MessageDetails.Attachment::fileName).toList()))
                .contains("agenda.pdf", "update.exe");

        robot.interact(() -> list.getSelectionModel().select(item(list, "agenda.pdf")));
        Path target = saved.resolve("agenda.pdf");
        detail.save(fx(() -> item(list, "agenda.pdf")), target).get(30, TimeUnit.SECONDS);
        assertThat(Files.readString(target, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 agenda\n");
        robot.clickOn("#attachment-open");
        waitUntil(() -> !opened.isEmpty());
        assertThat(opened.get(0).getFileName()).hasToString("agenda.pdf");
        assertThat(Files.readString(opened.get(0), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 agenda\n");

        robot.interact(() -> list.getSelectionModel().select(item(list, "update.exe")));
        Button open = robot.lookup("#attachment-open").queryButton();
        assertThat(fx(open::isDisabled)).isTrue();
        assertThat(fx(() -> robot.lookup("#attachment-status").queryAs(Label.class).getText()))
                .contains("update.exe could run code if opened");
    }

    @Test
    @Order(3)
    void aMessageDeletedAfterConfirmationLeavesSentItemsButStaysInTheTrace() {
        TableView<SentItemRow> table = table();
        SentItemRow reminder = select("Plain reminder");
        MenuItem delete = fx(() -> {
            ContextMenu menu = table.getContextMenu();
            menu.show(table, javafx.geometry.Side.BOTTOM, 0, 0);
            MenuItem item = menu.getItems().stream().filter(i -> "delete-message".equals(i.getId())).findFirst().orElseThrow();
            menu.hide();
            return item;
        });
        assertThat(fx(delete::isVisible)).isTrue();
        // Chosen from the menu: the confirmation it opens waits for an answer on the FX thread.
        javafx.application.Platform.runLater(delete::fire);
        clickInDialog(ButtonType.OK);

        waitUntil(() -> fx(() -> table.getItems().stream().noneMatch(r -> r.id() == reminder.id())));
        assertThat(app.window().workspace().live().store().sentItems().raw(reminder.id())).isEmpty();
        assertThat(fx(() -> table.getItems().stream().map(SentItemRow::subject).toList())).contains("December newsletter");
        TraceQuery byId = new TraceQuery(Optional.empty(), Optional.empty(), Optional.of("<reminder-1@contoso.test>"),
                Optional.empty(), Optional.empty(), Optional.empty(), TraceQuery.DEFAULT_LIMIT);
        List<TraceRow> trace = new org.submitlab.app.trace.MessageTrace(app.window().workspace().live().store(), false)
                .find(byId, Optional.empty());
        assertThat(trace).extracting(TraceRow::status).contains(TraceRow.Status.ACCEPTED);
    }

    @Test
    @Order(4)
    void cancellingKeepsTheMailboxAndClearingItEmptiesItsSentItems() {
        TableView<SentItemRow> table = table();
        ComboBox<String> mailbox = robot.lookup("#sent-items-mailbox").queryComboBox();
        robot.interact(() -> mailbox.setValue(MAILBOX));
        Button clear = robot.lookup("#clear-sent-items").queryButton();
        waitUntil(() -> fx(() -> !clear.isDisabled() && clear.isVisible()));

        robot.clickOn(clear);
        clickInDialog(ButtonType.CANCEL);
        assertThat(app.window().workspace().live().store().sentItems().count(Optional.of(MAILBOX), "")).isEqualTo(1);

        robot.clickOn(clear);
        clickInDialog(ButtonType.OK);
        waitUntil(() -> fx(() -> table.getItems().isEmpty()));
        assertThat(app.window().workspace().live().store().sentItems().count(Optional.of(MAILBOX), "")).isZero();
        waitUntil(() -> fx(() -> robot.lookup("#sent-items-status").queryAs(Label.class).getText()
                .equals("Deleted 1 message from the Sent Items of " + MAILBOX)));
    }

    private static void clickInDialog(ButtonType button) {
        waitUntil(() -> fx(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()));
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn(fx(() -> (Node) pane.lookupButton(button)));
        waitUntil(() -> fx(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty()));
    }

    private static MessageDetails.Attachment item(ListView<MessageDetails.Attachment> list, String name) {
        return list.getItems().stream().filter(a -> a.fileName().equals(name)).findFirst().orElseThrow();
    }

    private static TableView<SentItemRow> table() {
        return robot.lookup("#sent-items-table").queryTableView();
    }

    private static MessageDetailView detail() {
        return fx(() -> app.window().view().sentItems().detail());
    }

    private static SentItemRow select(String subject) {
        TableView<SentItemRow> table = table();
        waitUntil(() -> fx(() -> table.getItems().stream().anyMatch(r -> r.subject().equals(subject))));
        SentItemRow row = fx(() -> table.getItems().stream().filter(r -> r.subject().equals(subject)).findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().select(row));
        return row;
    }

    /** A newsletter as a mailing tool writes one: HTML with a script, a tracking pixel, an inline logo, a link. */
    private static String newsletter() {
        return String.join("\r\n",
                "From: Contoso News <" + MAILBOX + ">",
                "To: alice@fabrikam.test",
                "Subject: December newsletter",
                "Message-ID: <news-12@contoso.test>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"mixed\"",
                "",
                "--mixed",
                "Content-Type: multipart/related; boundary=\"related\"",
                "",
                "--related",
                "Content-Type: text/html; charset=UTF-8",
                "",
                "<html><body><h1>News</h1><script>document.title='stolen'</script>",
                "<img src=\"cid:logo@contoso.test\"><img src=\"https://tracker.test/p.gif?u=alice\">",
                "<p><a href=\"https://contoso.test/news\">Read online</a></p></body></html>",
                "--related",
                "Content-Type: image/png",
                "Content-ID: <logo@contoso.test>",
                "Content-Transfer-Encoding: base64",
                "",
                PNG,
                "--related--",
                "--mixed",
                "Content-Type: application/pdf; name=\"agenda.pdf\"",
                "Content-Disposition: attachment; filename=\"agenda.pdf\"",
                "Content-Transfer-Encoding: base64",
                "",
                java.util.Base64.getEncoder().encodeToString("%PDF-1.4 agenda\n".getBytes(StandardCharsets.US_ASCII)),
                "--mixed",
                "Content-Type: application/octet-stream; name=\"update.exe\"",
                "Content-Disposition: attachment; filename=\"update.exe\"",
                "Content-Transfer-Encoding: base64",
                "",
                "TVo=",
                "--mixed--",
                "");
    }
}
