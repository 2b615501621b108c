package org.submitlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.ui.connections.MailboxActivity;
import org.submitlab.ui.retries.RetryRow;
import org.submitlab.ui.sentitems.SentItemRow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console end to end, headless under Monocle: a real server on a free port, a real SQLite
 * file in a temp folder, the printers preset's devices over real sockets. One app for the
 * class; the tests follow one run of the preset in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAppGuiTest {

    /** Generous: the machine may be busy; the conditions, not the times, are what is tested. */
    private static final int WAIT_SECONDS = 180;

    @TempDir
    static Path data;

    private static ConsoleApp app;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startConsoleAndPrintersPreset() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(ConsoleOptions.forTests(data)));
        waitUntil(() -> app.lab().runningAddress().isPresent());
        Button start = robot.lookup("#scenario-start").queryButton();
        waitUntil(() -> !start.isDisabled());
        // Real time: the printers' retries stay queued long enough to be seen on a busy machine.
        javafx.scene.control.ComboBox<Double> speed = robot.lookup("#speed").queryComboBox();
        robot.interact(() -> speed.setValue(1.0));
        robot.clickOn(start);
    }

    @AfterAll
    static void stopConsole() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    @Order(1)
    void a432AppearsInTheConnectionsPanel() {
        TableView<MailboxActivity> table = robot.lookup("#connections-table").queryTableView();

        waitUntil(() -> anyRow(table, r -> r.mailbox().equals("printer@contoso.test")
                && r.lastRefusal().startsWith("432 4.3.2")));
    }

    @Test
    @Order(2)
    void theRefusedScanWaitsInTheRetryQueue() {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<RetryRow> table = robot.lookup("#retries-table").queryTableView();

        waitUntil(() -> anyRow(table, r -> r.lastReply().startsWith("432 4.3.2") && r.attempt() >= 2));
        assertThat(selectedTab()).isEqualTo("tab-retries");
    }

    @Test
    @Order(3)
    void sentItemsFillAndASearchNarrowsThem() {
        robot.clickOn("Sent Items");
        TableView<SentItemRow> table = robot.lookup("#sent-items-table").queryTableView();
        waitUntil(() -> table.getItems().stream().map(SentItemRow::subject).distinct().count() >= 3);

        robot.clickOn("#sent-items-search").write("mfp-03").type(KeyCode.ENTER);

        waitUntil(() -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(r -> r.subject().contains("mfp-03")));
    }

    @Test
    @Order(4)
    void openingAMessageShowsItsEnvelopeAndSource() {
        TableView<SentItemRow> table = robot.lookup("#sent-items-table").queryTableView();
        javafx.scene.control.TableCell<?, ?> subject = robot.lookup("#sent-items-table .table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.isVisible() && c.getText() != null && c.getText().contains("mfp-03"))
                .findFirst().orElseThrow();
        robot.clickOn(subject);

        waitUntil(() -> robot.lookup("#message-detail").tryQuery().map(n -> n.getScene() != null).orElse(false));
        assertThat(robot.lookup("#message-summary .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .contains("Envelope recipients (RCPT TO)", table.getItems().get(0).envelopeTo().get(0));
        robot.clickOn("Raw source");
        assertThat(robot.lookup(".text-area").queryAllAs(javafx.scene.control.TextArea.class))
                .anyMatch(a -> a.getText().contains("Subject: Scanned document from mfp-03"));
    }

    private static String selectedTab() {
        TabPane tabs = robot.lookup("#panels").query();
        return tabs.getSelectionModel().getSelectedItem().getId();
    }

    private static <T> boolean anyRow(TableView<T> table, Predicate<T> p) {
        return table.getItems().stream().anyMatch(p);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the console did not get there", e);
        }
    }
}
