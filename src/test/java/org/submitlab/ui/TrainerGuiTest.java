package org.submitlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.ui.ConsoleRobot.fx;
import static org.submitlab.ui.ConsoleRobot.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.app.Run;
import org.submitlab.app.RunState;
import org.submitlab.ui.compare.CompareWindow;
import org.submitlab.ui.timeline.SlotTimeline;
import org.testfx.api.FxRobot;

/**
 * What a trainer does in front of a room: picks a preset (its speed is only suggested), compares the printers
 * sharing a mailbox with a mailbox per device side by side, steps a paused run, and switches to presentation mode
 * and the high-contrast theme, where every tab title stays whole.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainerGuiTest {

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static ConsoleApp app;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startConsole() throws Exception {
        app = ConsoleRobot.startConsole(data);
        waitUntil(() -> fx(() -> !robot.lookup("#scenario-start").queryButton().isDisabled()));
    }

    @AfterAll
    static void stopConsole() throws Exception {
        ConsoleRobot.stopConsole(app);
    }

    @Test
    @Order(1)
    void pickingAPresetSuggestsItsSpeedAndLeavesTheChosenOne() {
        ComboBox<Double> speed = robot.lookup("#speed").queryComboBox();
        robot.interact(() -> speed.setValue(5.0));
        ComboBox<String> picker = robot.lookup("#scenario-picker").queryComboBox();
        robot.interact(() -> picker.setValue("alert-storm"));
        robot.interact(() -> picker.setValue("printers-sharing-mailbox"));

        Button suggested = robot.lookup("#use-suggested-speed").queryButton();
        waitUntil(() -> fx(() -> suggested.isVisible() && suggested.getText().equals("Use 60\u00d7")));
        assertThat(fx(speed::getValue)).isEqualTo(5.0);
        robot.clickOn(suggested);
        assertThat(fx(speed::getValue)).isEqualTo(60.0);
        waitUntil(() -> fx(() -> !suggested.isVisible()));
    }

    @Test
    @Order(2)
    void theComparisonShowsTheProblemsRefusalsAboveTheRemedysNoneAndSavesAHandout() throws Exception {
        robot.clickOn("#compare-open");
        waitUntil(() -> fx(() -> robot.lookup("#compare-dialog").tryQuery().isPresent()));
        DialogPane dialog = robot.lookup("#compare-dialog").queryAs(DialogPane.class);
        robot.clickOn(fx(() -> (Node) dialog.lookupButton(ButtonType.OK)));

        waitUntil(() -> app.window().lastComparison() != null);
        CompareWindow w = app.window().lastComparison();
        waitUntil(() -> fx(() -> w.result().isPresent()));
        assertThat(fx(() -> w.timelineA().shownMailbox())).contains("printer@contoso.test");
        waitUntil(() -> fx(() -> w.timelineA().model().bars("printer@contoso.test", java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(86_400 * 30)).stream()
                .anyMatch(b -> b.outcome() == SlotTimeline.Outcome.REFUSED_432)));
        assertThat(fx(() -> w.timelineB().model().mailboxes())).hasSizeGreaterThan(1);
        for (String m : fx(() -> w.timelineB().model().mailboxes())) {
            assertThat(fx(() -> w.timelineB().model().bars(m, java.time.Instant.EPOCH,
                    java.time.Instant.now().plusSeconds(86_400 * 30)))).isNotEmpty()
                    .noneMatch(b -> b.outcome() == SlotTimeline.Outcome.REFUSED_432);
        }
        List<String[]> rows = fx(() -> List.copyOf(w.figures().getItems()));
        String[] refused = rows.stream().filter(r -> r[0].equals("refused")).findFirst().orElseThrow();
        assertThat(Long.parseLong(refused[1])).isPositive();
        assertThat(refused[2]).isEqualTo("0");
        assertThat(rows.stream().filter(r -> r[0].equals("lost")).findFirst().orElseThrow()[2]).isEqualTo("0");

        Path handout = out.resolve("printers.html");
        w.saveHandout(handout).get(60, TimeUnit.SECONDS);
        String html = Files.readString(handout, StandardCharsets.UTF_8);
        assertThat(html).contains(w.result().orElseThrow().comparison().a().runId())
                .contains(w.result().orElseThrow().comparison().b().runId()).contains("<svg")
                .doesNotContainPattern("(src|href)=\"https?:");
        robot.interact(() -> w.stage().close());
    }

    @Test
    @Order(3)
    void stepPlaysAFewSecondsOfAPausedRunAndPausesAgain() {
        ComboBox<Double> speed = robot.lookup("#speed").queryComboBox();
        robot.interact(() -> speed.setValue(1.0));
        robot.clickOn("#scenario-start");
        waitUntil(() -> fx(() -> app.window().view() != null && app.window().view().world() instanceof Run r
                && r.info().state() == RunState.RUNNING));
        Run run = (Run) fx(() -> app.window().view().world());
        javafx.scene.control.Label banner = robot.lookup("#caption-banner").queryAs(javafx.scene.control.Label.class);
        waitUntil(() -> fx(() -> banner.isVisible() && banner.getText().contains("hollow bar")));
        robot.clickOn("#scenario-pause");
        waitUntil(() -> run.info().state() == RunState.PAUSED);
        java.time.Instant before = run.clock().instant();

        Button step = robot.lookup("#scenario-step").queryButton();
        robot.clickOn(step);

        waitUntil(() -> fx(() -> !step.isDisabled()) && run.info().state() == RunState.PAUSED
                && run.clock().instant().isAfter(before.plusSeconds(4)));
        assertThat(java.time.Duration.between(before, run.clock().instant())).isLessThan(java.time.Duration.ofSeconds(8));
        robot.clickOn("#scenario-stop");
        waitUntil(() -> !run.info().state().active());
        robot.interact(() -> app.window().tabs().getSelectionModel().select(0));
        waitUntil(() -> fx(() -> app.window().view().world().equals(run)));

        // The stopped run replays from its recorded events at 60x: its transactions come back on the timeline.
        robot.interact(() -> speed.setValue(60.0));
        Button replay = robot.lookup("#replay-run").queryButton();
        waitUntil(() -> fx(() -> !replay.isDisabled()));
        robot.clickOn(replay);
        waitUntil(() -> app.window().lastReplay() != null);
        var w = app.window().lastReplay();
        waitUntil(() -> fx(() -> w.timeline().model().mailboxes().contains("printer@contoso.test")
                && w.replay().now().equals(w.replay().end())));
        assertThat(fx(() -> w.timeline().model().bars("printer@contoso.test", java.time.Instant.EPOCH, w.replay().end())))
                .isNotEmpty();
        robot.interact(() -> w.stage().close());
    }

    @Test
    @Order(4)
    void inPresentationModeEveryTabTitleIsWholeAndHighContrastApplies() {
        robot.clickOn("#presentation-mode");
        robot.clickOn("#theme-high-contrast");
        waitUntil(() -> fx(() -> app.window().scene().getStylesheets().stream().anyMatch(s -> s.endsWith("presentation.css"))
                && app.window().scene().getStylesheets().stream().anyMatch(s -> s.endsWith("high-contrast.css"))));
        assertThat(fx(() -> robot.lookup("#theme-dark").queryAs(ToggleButton.class).isSelected())).isFalse();
        assertThat(fx(() -> robot.lookup("#address-hint").query().isVisible())).isFalse();

        // Every tab header lies inside the tab pane: none is pushed behind the overflow menu.
        Node pane = robot.lookup("#panels").query();
        waitUntil(() -> fx(() -> {
            Bounds paneBounds = pane.localToScene(pane.getLayoutBounds());
            // The window's own tab headers (the panels hold tab panes of their own).
            List<Node> headers = pane.lookupAll(".tab").stream().filter(h -> tabPaneOf(h) == pane).toList();
            return headers.size() == 10 && app.window().scene().getWidth() >= 1280 && headers.stream().allMatch(h -> {
                Bounds b = h.localToScene(h.getLayoutBounds());
                return h.isVisible() && b.getMaxX() <= paneBounds.getMaxX() - 30;
            });
        }));
        assertThat(fx(() -> app.window().tabs().getTabs().stream().map(Tab::getText).toList()))
                .contains("Budget", "Log", "Mailboxes", "Tenant");
        // No column title is cut: each header's label (text, or the title with its help) gets the width it wants.
        robot.interact(() -> app.window().tabs().getSelectionModel().select(0));
        waitUntil(() -> fx(() -> app.window().view().connections().table().lookupAll(".column-header .label").stream()
                .map(n -> (javafx.scene.control.Label) n)
                .allMatch(l -> l.getWidth() + 0.5 >= l.prefWidth(-1))));

        robot.clickOn("#presentation-mode");
        waitUntil(() -> fx(() -> app.window().tabs().getTabs().stream().map(Tab::getText).toList()
                .contains("Recipient budget")));
        assertThat(fx(() -> robot.lookup("#address-hint").query().isVisible())).isTrue();
        robot.clickOn("#theme-high-contrast");
    }

    private static Node tabPaneOf(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof javafx.scene.control.TabPane)) {
            p = p.getParent();
        }
        return p;
    }
}
