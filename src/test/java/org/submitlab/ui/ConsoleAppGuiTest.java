package org.submitlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.ui.ConsoleRobot.fx;
import static org.submitlab.ui.ConsoleRobot.showTab;
import static org.submitlab.ui.ConsoleRobot.waitUntil;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.app.DemoTenant;
import org.submitlab.app.Endpoint;
import org.submitlab.app.LiveWorld;
import org.submitlab.app.Run;
import org.submitlab.app.Workspace;
import org.submitlab.app.trace.TraceRow;
import org.submitlab.policy.Durations;
import org.submitlab.sim.Scenarios;
import org.submitlab.testing.MailClient;
import org.submitlab.ui.connections.MailboxActivity;
import org.submitlab.ui.retries.RetryRow;
import org.submitlab.ui.sentitems.SentItemRow;
import org.submitlab.ui.timeline.SlotTimeline;
import org.submitlab.ui.timeline.SlotTimelineView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console end to end, headless under Monocle: a real server on a free port, a real SQLite
 * file in a temp folder, the printers preset's devices over real sockets. One app for the
 * class; the tests follow one run of the preset in order: at 1x until the first 432, paused
 * (the devices' timetables stand still, so the queued retries stay queued), then resumed at
 * the preset's 60x until it finishes, so Sent Items no longer change while a message is opened.
 * Every wait is on the console's state, never on a time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAppGuiTest {

    private static final String PRINTERS = "printers-sharing-mailbox";

    @TempDir
    static Path data;

    private static ConsoleApp app;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startConsoleAndPrintersPreset() throws Exception {
        app = ConsoleRobot.startConsole(data);
        sendOneRealMessageToLive();
        Button start = robot.lookup("#scenario-start").queryButton();
        waitUntil(() -> !start.isDisabled());
        ComboBox<String> picker = robot.lookup("#scenario-picker").queryComboBox();
        assertThat(picker.getValue()).isEqualTo(PRINTERS);
        // 1x until the first 432: its retry waits 5-15 s and the ones after it longer, far more
        // than pressing Pause takes even on a busy machine.
        setSpeed(1.0);
        robot.clickOn(start);
        waitUntil(() -> fx(() -> app.window().view() != null && !app.window().view().world().isLive()));
    }

    @AfterAll
    static void stopConsole() throws Exception {
        ConsoleRobot.stopConsole(app);
    }

    @Test
    @Order(1)
    void a432AppearsInTheConnectionsPanel() {
        TableView<MailboxActivity> table = table("#connections-table");

        waitUntil(() -> anyRow(table, r -> r.mailbox().equals("printer@contoso.test")
                && r.lastRefusal().startsWith("432 4.3.2")));
    }

    @Test
    @Order(2)
    void theSlotTimelineShowsWhichThreeHoldTheSlotsWhenTheFourthIsRefused() {
        SlotTimelineView timeline = fx(() -> app.window().view().connections().timeline());
        waitUntil(() -> fx(() -> timeline.shownMailbox().orElse("").equals("printer@contoso.test")
                && timeline.shownBars().stream().anyMatch(b -> b.outcome() == SlotTimeline.Outcome.REFUSED_432)));
        Node plot = shownNode("#timeline-plot");
        assertThat(fx(() -> plot.lookupAll(".slot-refused-432").size())).isGreaterThan(0);
        assertThat(fx(() -> plot.lookupAll(".slot-432-mark").size())).isGreaterThan(0);
        assertThat(fx(() -> plot.lookupAll(".slot-steps").size())).isEqualTo(1);
        // When each refused transaction began (MAIL FROM, where the slot is decided), three others held the slots.
        fx(() -> {
            List<SlotTimeline.Bar> bars = timeline.shownBars();
            for (SlotTimeline.Bar refused : bars) {
                if (refused.outcome() == SlotTimeline.Outcome.REFUSED_432) {
                    long holders = bars.stream().filter(b -> b.slot() && !b.start().isAfter(refused.start())
                            && (b.end() == null || !b.end().isBefore(refused.start()))).count();
                    assertThat(holders).as("slot holders at %s", refused.start()).isGreaterThanOrEqualTo(3);
                }
            }
            return null;
        });
        assertThat(fx(() -> timeline.window())).isEqualTo(SlotTimeline.defaultWindow(1));

        robot.interact(() -> ((Button) shownNode("#timeline-zoom-in")).fire());
        assertThat(fx(() -> timeline.window())).isEqualTo(SlotTimeline.defaultWindow(1).dividedBy(2));
        robot.interact(() -> timeline.pan(-200));
        assertThat(fx(() -> timeline.follow().isSelected())).isFalse();
        robot.interact(() -> timeline.follow().setSelected(true));
        robot.interact(() -> timeline.pause().setSelected(true));
        List<SlotTimeline.Bar> held = fx(() -> timeline.shownBars());
        long version = fx(() -> timeline.model().version());
        waitUntil(() -> fx(() -> timeline.model().version() > version));
        assertThat(fx(() -> timeline.shownBars())).isEqualTo(held);
        robot.interact(() -> timeline.pause().setSelected(false));
        robot.interact(() -> ((Button) shownNode("#timeline-zoom-out")).fire());
    }

    @Test
    @Order(3)
    void pausedTheRefusedScanWaitsInTheRetryQueue() {
        robot.clickOn("#scenario-pause");
        waitUntil(() -> scenarioState().endsWith(": paused"));
        showTab(KeyCode.DIGIT2);
        TableView<RetryRow> table = table("#retries-table");

        // Attempts on the wire when Pause came finish; their retries join the queue and stay.
        waitUntil(() -> anyRow(table, r -> r.lastReply().startsWith("432 4.3.2") && r.attempt() >= 2));
        assertThat(selectedTab()).isEqualTo("tab-retries");
    }

    @Test
    @Order(4)
    void resumedSentItemsFillAndASearchNarrowsThem() {
        setSpeed(60.0);
        robot.clickOn("#scenario-pause");
        waitUntil(() -> scenarioState().endsWith(": finished"));
        showTab(KeyCode.DIGIT4);
        TableView<SentItemRow> table = table("#sent-items-table");
        waitUntil(() -> table.getItems().stream().map(SentItemRow::subject).distinct().count() >= 3);
        assertThat(fx(() -> shownCells(table, "Accepted"))).isNotEmpty()
                .allSatisfy(c -> assertThat(((Text) c.lookup(".text")).getText()).isEqualTo(c.getText()));

        robot.clickOn("#sent-items-search").write("mfp-03").type(KeyCode.ENTER);

        waitUntil(() -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(r -> r.subject().contains("mfp-03")));
    }

    @Test
    @Order(5)
    void openingAMessageShowsItsEnvelopeAndSource() {
        TableView<SentItemRow> table = table("#sent-items-table");
        SentItemRow message = fx(() -> table.getItems().get(0));
        // The rows on screen, not leftovers from before the search: a cell found by its text
        // before the table had laid out the new page was an empty row by the time it was clicked.
        waitUntil(() -> fx(() -> shownRow(table, message) != null));
        robot.clickOn(fx(() -> shownRow(table, message)));

        waitUntil(() -> message.equals(fx(() -> table.getSelectionModel().getSelectedItem())));
        waitUntil(() -> fx(() -> robot.lookup("#message-summary .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList()).containsAll(
                        List.of("Envelope recipients (RCPT TO)", message.envelopeTo().get(0))));
        robot.clickOn("Raw source");
        waitUntil(() -> fx(() -> robot.lookup("#message-detail .text-area").queryAllAs(TextArea.class).stream()
                .anyMatch(a -> a.getText().contains("Subject: Scanned document from mfp-03"))));
    }

    @Test
    @Order(6)
    void liveAndTheRunEachShowTheirOwnRows() {
        String runId = fx(() -> app.window().view().world().id());
        printersRun = runId;
        ComboBox<ConsoleWindow.WorldChoice> worlds = robot.lookup("#world-picker").queryComboBox();

        selectWorld(worlds, "live");
        showTab(KeyCode.DIGIT4);
        TableView<SentItemRow> sent = table("#sent-items-table");
        waitUntil(() -> fx(() -> sent.getItems().size() == 1
                && sent.getItems().get(0).subject().equals(LIVE_SUBJECT)));
        showTab(KeyCode.DIGIT1);
        TableView<MailboxActivity> connections = table("#connections-table");
        waitUntil(() -> anyRow(connections, r -> r.mailbox().equals("printer@contoso.test") && r.accepted() == 1));
        assertThat(fx(() -> connections.getItems().stream().noneMatch(r -> r.lastRefusal().startsWith("432"))))
                .as("Live shows none of the run's refusals").isTrue();

        selectWorld(worlds, runId);
        showTab(KeyCode.DIGIT4);
        TableView<SentItemRow> runSent = table("#sent-items-table");
        waitUntil(() -> fx(() -> runSent.getItems().size() >= 3
                && runSent.getItems().stream().noneMatch(r -> r.subject().equals(LIVE_SUBJECT))));
        showTab(KeyCode.DIGIT1);
        TableView<MailboxActivity> runConnections = table("#connections-table");
        waitUntil(() -> anyRow(runConnections, r -> r.mailbox().equals("printer@contoso.test")
                && r.lastRefusal().startsWith("432 4.3.2")));
    }

    @Test
    @Order(7)
    void viewsOfWorldsNoLongerShownAreReleased() throws Exception {
        Workspace w = app.window().workspace();
        List<String> worlds = new ArrayList<>(List.of(LiveWorld.ID, fx(() -> app.window().view().world().id())));
        for (int i = 0; i < 3; i++) {
            Run r = w.startRun(Scenarios.preset("alert-storm").withDuration(Durations.parse("10s")), 600);
            r.awaitEnd();
            worlds.add(r.id());
        }
        List<WeakReference<WorldView>> shown = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = worlds.get(i % worlds.size());
            robot.interact(() -> app.window().select(id));
            waitUntil(() -> fx(() -> app.window().view().world().id().equals(id)));
            shown.add(new WeakReference<>(fx(() -> app.window().view())));
        }

        waitUntil(() -> {
            System.gc();
            return shown.stream().map(WeakReference::get).filter(Objects::nonNull).distinct().count()
                    <= ConsoleWindow.KEPT_VIEWS;
        });
    }

    @Test
    @Order(8)
    void aBrokenScenarioFileIsExplainedInADialogAndTheNextFileStillOpens(@TempDir Path files) throws Exception {
        Path broken = files.resolve("broken.json");
        java.nio.file.Files.writeString(broken, Scenarios.presetText("alert-storm").replace("\"at\": \"30s\"",
                "\"at\": \"soon\""));
        Path good = files.resolve("office.json");
        java.nio.file.Files.writeString(good, Scenarios.presetText("mailbox-per-device"));
        ComboBox<String> picker = robot.lookup("#scenario-picker").queryComboBox();

        robot.interact(() -> app.window().openScenario(broken));
        waitUntil(() -> fx(() -> robot.lookup("#scenario-error").tryQuery().isPresent()));
        String text = fx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#scenario-error").query()).getContentText());
        assertThat(text).contains("File: " + broken).contains("Line ").contains("Field: devices[0].schedule.at")
                .contains("'soon'");
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#scenario-error").query().getScene().getWindow()).close());

        robot.interact(() -> app.window().openScenario(good));
        waitUntil(() -> fx(() -> "office.json".equals(picker.getValue())));
        assertThat(fx(() -> picker.getItems())).contains("office.json");
    }

    @Test
    @Order(9)
    void aReplyRightClickedInATableIsExplainedInTheExplainTab() {
        ComboBox<ConsoleWindow.WorldChoice> worlds = robot.lookup("#world-picker").queryComboBox();
        selectWorld(worlds, printersRun);
        showTab(KeyCode.DIGIT1);
        TableView<MailboxActivity> connections = table("#connections-table");
        waitUntil(() -> fx(() -> shownCells(connections, "Last refusal").stream()
                .anyMatch(c -> c.getText() != null && c.getText().startsWith("432"))));
        TableCell<?, ?> cell = fx(() -> shownCells(connections, "Last refusal").stream()
                .filter(c -> c.getText() != null && c.getText().startsWith("432")).findFirst().orElseThrow());

        // What a right-click does: the cell's menu opens on it, and its first item explains the reply.
        robot.interact(() -> {
            javafx.scene.control.ContextMenu menu = cell.getContextMenu();
            menu.show(cell, javafx.geometry.Side.BOTTOM, 0, 0);
            javafx.scene.control.MenuItem explain = menu.getItems().get(0);
            assertThat(explain.getId()).isEqualTo("explain-reply");
            explain.fire();
            menu.hide();
        });

        waitUntil(() -> selectedTab().equals("tab-explain"));
        TextArea answer = robot.lookup("#explain-answer").queryAs(TextArea.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> answer.getText())).startsWith("Too many submissions at once (432 4.3.2)");
        assertThat(fx(() -> robot.lookup("#explain-verdict").queryAs(Label.class).getText())).contains("retry");
    }

    @Test
    @Order(10)
    void theTraceFindsTheRunsRefusalsAndLivesOwnMessageByItsId() {
        ComboBox<ConsoleWindow.WorldChoice> worlds = robot.lookup("#world-picker").queryComboBox();
        selectWorld(worlds, printersRun);
        showTab(KeyCode.DIGIT7);
        TableView<TraceRow> trace = table("#trace-table");

        robot.clickOn((Node) shownNode("#trace-sender")).write("printer@contoso.test").type(KeyCode.ENTER);

        waitUntil(() -> anyRow(trace, r -> r.status() == TraceRow.Status.REFUSED && r.reply().startsWith("432 4.3.2"))
                && anyRow(trace, r -> r.status() == TraceRow.Status.DELIVERED));
        robot.interact(() -> ((ComboBox<String>) shownNode("#trace-status")).setValue("refused"));
        robot.clickOn((Node) shownNode("#trace-find"));
        waitUntil(() -> fx(() -> !trace.getItems().isEmpty()
                && trace.getItems().stream().allMatch(r -> r.status() == TraceRow.Status.REFUSED)));

        selectWorld(worlds, LiveWorld.ID);
        TableView<TraceRow> liveTrace = table("#trace-table");
        robot.clickOn((Node) shownNode("#trace-message-id")).write("real-1@contoso.test").type(KeyCode.ENTER);
        waitUntil(() -> fx(() -> liveTrace.getItems().size() == 2
                && liveTrace.getItems().get(0).status() == TraceRow.Status.ACCEPTED
                && liveTrace.getItems().get(1).recipient().equals(java.util.Optional.of("frontdesk@contoso.test"))));
    }

    @Test
    @Order(11)
    void pausedListsHoldTheirRowsWhileCountersCountAndCatchUpWhenResumed() throws Exception {
        ComboBox<ConsoleWindow.WorldChoice> worlds = robot.lookup("#world-picker").queryComboBox();
        selectWorld(worlds, LiveWorld.ID);
        showTab(KeyCode.DIGIT6);
        TableView<?> sessions = table("#session-table");
        waitUntil(() -> fx(() -> !sessions.getItems().isEmpty()));
        int before = fx(() -> sessions.getItems().size());
        Label accepted = shownNode("#status-accepted");
        int acceptedBefore = Integer.parseInt(fx(accepted::getText).replace(",", ""));

        robot.clickOn("#pause-lists");
        Endpoint live = app.window().workspace().live().endpoint().orElseThrow();
        try (MailClient c = new MailClient(live.host(), live.port(), "printer@contoso.test", DemoTenant.PASSWORD)) {
            c.send("printer@contoso.test", "frontdesk@contoso.test", "while paused", "<paused-1@contoso.test>");
        }

        // The counter saw the new session on a tick; the same tick left the held list alone.
        waitUntil(() -> Integer.parseInt(fx(accepted::getText).replace(",", "")) > acceptedBefore);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> sessions.getItems().size())).isEqualTo(before);
        robot.clickOn("#pause-lists");
        robot.moveTo("#world-picker");
        waitUntil(() -> fx(() -> sessions.getItems().size() == before + 1));
    }

    @Test
    @Order(12)
    void theSessionLogExportsAsCsvWithSecretsMaskedAndAChartAsPng(@TempDir Path out) throws Exception {
        ComboBox<ConsoleWindow.WorldChoice> worlds = robot.lookup("#world-picker").queryComboBox();
        selectWorld(worlds, LiveWorld.ID);
        Path csv = out.resolve("sessions.csv");
        Path png = out.resolve("chart.png");

        robot.interact(() -> app.window().view().sessionLog().exportCsv(csv));
        robot.interact(() -> {
            try {
                org.submitlab.ui.common.ChartImages.writePng(app.window().view().connections().chart(), png);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });

        waitUntil(() -> java.nio.file.Files.exists(csv) && java.nio.file.Files.size(csv) > 0);
        String text = java.nio.file.Files.readString(csv);
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text)).getRecords();
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get("direction")).isEqualTo("C");
            assertThat(r.get("line")).startsWith("EHLO");
        });
        assertThat(records).anySatisfy(r -> assertThat(r.get("line")).startsWith("235 2.7.0"));
        assertThat(records).allSatisfy(r -> assertThat(r.get("mailbox")).isNotNull());
        assertThat(text).doesNotContain(DemoTenant.PASSWORD)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(DemoTenant.PASSWORD.getBytes()));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(200);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            colours.add(image.getRGB(x, image.getHeight() / 2));
        }
        assertThat(colours).hasSizeGreaterThan(1);
    }

    @Test
    @Order(13)
    void liveListsTheRealPrinterWithItsVerdictsForTheBasicAuthChange() {
        ComboBox<ConsoleWindow.WorldChoice> worlds = robot.lookup("#world-picker").queryComboBox();
        selectWorld(worlds, LiveWorld.ID);
        showTab(KeyCode.DIGIT5);
        TableView<org.submitlab.ui.devices.SeenDevicesPanel.Row> seen = table("#seen-devices-table");

        waitUntil(() -> anyRow(seen, r -> r.device().login().equals("printer@contoso.test")
                && r.device().mechanism().equals("LOGIN")));
        org.submitlab.ui.devices.SeenDevicesPanel.Row printer = fx(() -> seen.getItems().stream()
                .filter(r -> r.device().login().equals("printer@contoso.test")).findFirst().orElseThrow());
        assertThat(printer.device().accepted()).isGreaterThanOrEqualTo(1);
        assertThat(printer.verdicts().get("today").breaks()).isFalse();
        assertThat(printer.verdicts().get("basicAuthDisabled").breaks()).isTrue();
        assertThat(fx(() -> shownCells(seen, "Basic off").stream().map(TableCell::getText).toList()))
                .contains("breaks");
    }

    @Test
    @Order(14)
    void aSentItemRightClickedIsTracedInTheTraceTab() {
        ComboBox<ConsoleWindow.WorldChoice> worlds = robot.lookup("#world-picker").queryComboBox();
        selectWorld(worlds, LiveWorld.ID);
        showTab(KeyCode.DIGIT4);
        TableView<SentItemRow> sent = table("#sent-items-table");
        waitUntil(() -> anyRow(sent, r -> r.subject().equals(LIVE_SUBJECT)));

        // What a right-click does: the row is selected, the table's menu opens, "Trace this message" is chosen.
        robot.interact(() -> {
            sent.getSelectionModel().select(sent.getItems().stream().filter(r -> r.subject().equals(LIVE_SUBJECT))
                    .findFirst().orElseThrow());
            javafx.scene.control.ContextMenu menu = sent.getContextMenu();
            menu.show(sent, javafx.geometry.Side.BOTTOM, 0, 0);
            javafx.scene.control.MenuItem trace = menu.getItems().get(0);
            assertThat(trace.getId()).isEqualTo("trace-message");
            trace.fire();
            menu.hide();
        });

        waitUntil(() -> selectedTab().equals("tab-trace"));
        TableView<TraceRow> rows = table("#trace-table");
        waitUntil(() -> fx(() -> rows.getItems().size() == 2
                && rows.getItems().stream().allMatch(r -> "<real-1@contoso.test>".equals(r.messageId()))));
    }

    /** The node with this id in the shown world's view (kept views hold one each, hidden). */
    @SuppressWarnings("unchecked")
    private static <T extends Node> T shownNode(String id) {
        waitUntil(() -> fx(() -> robot.lookup(id).queryAll().stream().anyMatch(ConsoleAppGuiTest::shown)));
        return (T) fx(() -> robot.lookup(id).queryAll().stream().filter(ConsoleAppGuiTest::shown).findFirst().orElseThrow());
    }

    private static String printersRun;

    private static final String LIVE_SUBJECT = "A real device's scan";

    /** What a real printer does: log in to Live with the demo password and send one scan. */
    private static void sendOneRealMessageToLive() throws Exception {
        Endpoint live = app.window().workspace().live().endpoint().orElseThrow();
        try (MailClient c = new MailClient(live.host(), live.port(), "printer@contoso.test", DemoTenant.PASSWORD)) {
            c.send("printer@contoso.test", "frontdesk@contoso.test", LIVE_SUBJECT, "<real-1@contoso.test>");
        }
    }

    private static void selectWorld(ComboBox<ConsoleWindow.WorldChoice> worlds, String id) {
        waitUntil(() -> fx(() -> worlds.getItems().stream().anyMatch(c -> c.id().equals(id))));
        robot.interact(() -> worlds.setValue(worlds.getItems().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow()));
        waitUntil(() -> fx(() -> app.window().view().world().id().equals(id)));
    }

    /** The shown world's table: after a switch of worlds the new view's nodes appear on the next pulse. */
    private static <T> TableView<T> table(String id) {
        waitUntil(() -> fx(() -> robot.lookup(id).tryQuery().filter(n -> shown(n)).isPresent()));
        return robot.lookup(id).queryTableView();
    }

    private static void setSpeed(double speed) {
        ComboBox<Double> box = robot.lookup("#speed").queryComboBox();
        robot.interact(() -> box.setValue(speed));
    }

    private static String scenarioState() {
        return fx(() -> robot.lookup("#scenario-state").queryAs(Label.class).getText());
    }

    private static String selectedTab() {
        TabPane tabs = robot.lookup("#panels").query();
        return fx(() -> tabs.getSelectionModel().getSelectedItem().getId());
    }

    /** The table row on screen showing {@code item}, or null while the table has not laid it out. */
    private static TableRow<?> shownRow(TableView<?> table, Object item) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && item.equals(r.getItem()) && !r.isEmpty() && shown(r))
                .map(n -> (TableRow<?>) n).findFirst().orElse(null);
    }

    private static List<TableCell<?, ?>> shownCells(TableView<?> table, String columnId) {
        return table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && columnId.equals(c.getTableColumn().getId()) && !c.isEmpty() && shown(c))
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n).toList();
    }

    /** Visible itself and every parent: cells kept for reuse or measuring sit in hidden parents. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static <T> boolean anyRow(TableView<T> table, Predicate<T> p) {
        return fx(() -> table.getItems().stream().anyMatch(p));
    }

}
