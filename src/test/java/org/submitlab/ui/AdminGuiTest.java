package org.submitlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.submitlab.ui.ConsoleRobot.fx;
import static org.submitlab.ui.ConsoleRobot.showTab;
import static org.submitlab.ui.ConsoleRobot.waitUntil;

import jakarta.mail.AuthenticationFailedException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.app.Endpoint;
import org.submitlab.app.admin.MailboxView;
import org.submitlab.policy.Settings;
import org.submitlab.testing.MailClient;
import org.testfx.api.FxRobot;

/**
 * Live's administration through the console's own controls, checked by real logins against Live's
 * running server: a mailbox added in the Live mailboxes tab works at once; a duplicate is refused in the
 * dialog with the reason; a limit out of range is refused in the Live tenant tab; turning the tenant's SMTP
 * AUTH off there refuses the next login with Exchange's 5.7.139.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminGuiTest {

    private static final String SCANNER = "scanner2@contoso.test";
    private static final String PASSWORD = "Floor2-Scanner!";

    @TempDir
    static Path data;

    private static ConsoleApp app;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startConsole() throws Exception {
        app = ConsoleRobot.startConsole(data);
    }

    @AfterAll
    static void stopConsole() throws Exception {
        ConsoleRobot.stopConsole(app);
    }

    @Test
    @Order(1)
    void aMailboxAddedInTheConsoleLogsInAndSendsAtOnce() throws Exception {
        showTab(KeyCode.DIGIT8);
        TableView<MailboxView> table = robot.lookup("#mailboxes-table").queryTableView();
        waitUntil(() -> fx(() -> !table.getItems().isEmpty()));
        assertThat(fx(() -> table.getItems().stream().noneMatch(m -> m.address().equals(SCANNER)))).isTrue();

        robot.clickOn("#mailbox-add");
        robot.clickOn("#mailbox-address").write(SCANNER);
        robot.clickOn("#mailbox-password").write(PASSWORD);
        robot.clickOn(okButton());

        waitUntil(() -> fx(() -> table.getItems().stream().anyMatch(m -> m.address().equals(SCANNER))));
        try (MailClient c = client(SCANNER, PASSWORD)) {
            c.send(SCANNER, "frontdesk@contoso.test", "scan from floor 2", "<scan-1@contoso.test>");
        }
    }

    @Test
    @Order(2)
    void aDuplicateMailboxIsRefusedInTheDialogAndNothingChanges() {
        TableView<MailboxView> table = robot.lookup("#mailboxes-table").queryTableView();
        int before = fx(() -> table.getItems().size());

        robot.clickOn("#mailbox-add");
        robot.clickOn("#mailbox-address").write(SCANNER);
        robot.clickOn(okButton());

        Label error = robot.lookup("#mailbox-error").queryAs(Label.class);
        waitUntil(() -> fx(() -> error.getText().contains(SCANNER) && error.getText().contains("exists already")));
        assertThat(fx(() -> robot.lookup("#mailbox-address").queryAs(TextField.class).getText())).isEqualTo(SCANNER);
        robot.clickOn(fx(() -> (Node) dialog().lookupButton(ButtonType.CANCEL)));
        waitUntil(() -> fx(() -> robot.lookup("#mailbox-dialog").tryQuery().isEmpty()));
        assertThat(fx(() -> table.getItems().size())).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aLimitOutOfRangeIsRefusedWithItsReasonAndNotApplied() {
        showTab(KeyCode.DIGIT9);
        TextField concurrency = (TextField) editor(Settings.CONCURRENT_PER_MAILBOX.label()).lookup(".text-field");

        robot.doubleClickOn(concurrency).eraseText(6).write("0");

        Label errors = robot.lookup("#tenant-errors").queryAs(Label.class);
        waitUntil(() -> fx(() -> errors.getText().contains(Settings.CONCURRENT_PER_MAILBOX.label())));
        assertThat(fx(() -> robot.lookup("#tenant-apply").queryButton().isDisabled())).isTrue();
        assertThat(app.window().workspace().live().settings().limits().concurrentPerMailbox()).isEqualTo(3);
        robot.clickOn("#tenant-revert");
        waitUntil(() -> fx(() -> errors.getText().isEmpty()));
    }

    @Test
    @Order(4)
    void turningSmtpAuthOffForTheTenantRefusesTheNextLogin() throws Exception {
        CheckBox smtpAuth = (CheckBox) editor(Settings.SMTP_AUTH.label()).lookup(".check-box");
        assertThat(fx(smtpAuth::isSelected)).isTrue();

        robot.clickOn(smtpAuth);
        Button apply = robot.lookup("#tenant-apply").queryButton();
        waitUntil(() -> fx(() -> !apply.isDisabled()));
        robot.clickOn(apply);

        waitUntil(() -> !app.window().workspace().live().settings().smtpAuthEnabled());
        assertThatThrownBy(() -> client(SCANNER, PASSWORD).close())
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("5.7.139");
    }

    private static MailClient client(String user, String password) throws Exception {
        Endpoint live = app.window().workspace().live().endpoint().orElseThrow();
        return new MailClient(live.host(), live.port(), user, password);
    }

    /** The editor beside a setting's name in the tenant's property sheet, its group opened as a user would. */
    private static Node editor(String label) {
        Node name = fx(() -> robot.lookup("#tenant-settings").lookup(".label")
                .match((Label l) -> label.equals(l.getText())).query());
        TitledPane group = fx(() -> {
            Node n = name;
            while (!(n instanceof TitledPane)) {
                n = n.getParent();
            }
            return (TitledPane) n;
        });
        if (!fx(group::isExpanded)) {
            robot.clickOn(fx(() -> group.lookup(".title")));
            // Opened when the slide-down is over: the whole content shows below the title.
            waitUntil(() -> fx(() -> group.isExpanded()
                    && group.getHeight() >= group.getContent().prefHeight(group.getWidth())));
        }
        return fx(() -> {
            GridPane grid = (GridPane) name.getParent();
            Integer row = GridPane.getRowIndex(name);
            return grid.getChildren().stream()
                    .filter(n -> n != name && java.util.Objects.equals(GridPane.getRowIndex(n), row))
                    .findFirst().orElseThrow();
        });
    }

    private static DialogPane dialog() {
        return robot.lookup("#mailbox-dialog").queryAs(DialogPane.class);
    }

    private static Node okButton() {
        return fx(() -> dialog().lookupButton(ButtonType.OK));
    }

}
