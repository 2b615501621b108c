package org.submitlab.ui.compare;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.submitlab.app.Run;
import org.submitlab.app.compare.CompareRuns;
import org.submitlab.app.compare.ComparisonHtml;
import org.submitlab.app.compare.ComparisonTable;
import org.submitlab.ui.common.BackgroundTasks;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.UiContext;
import org.submitlab.ui.timeline.SlotTimelineView;

/**
 * A problem and its remedy side by side: the two runs' slot timelines one above the other, each following its own
 * run (both started together at one speed with one seed), and, once both have ended, the table of figures and the
 * handout. Closing the window stops following; the two runs stay in the world list, like any run.
 */
public final class CompareWindow {

    private final CompareRuns compare;
    private final BackgroundTasks background;
    private final Stage stage = new Stage();
    private final SlotTimelineView timelineA;
    private final SlotTimelineView timelineB;
    private final EventPump pumpA;
    private final EventPump pumpB;
    private final TableView<String[]> figures = new TableView<>();
    private final Label state = new Label("Both runs play on one clock\u2026 the figures come when both have ended.");
    private final Button handout = new Button("Save handout\u2026");
    private CompareRuns.Result result;

    public CompareWindow(CompareRuns compare, BackgroundTasks background, ZoneId zone) {
        this.compare = compare;
        this.background = background;
        Run a = compare.a();
        Run b = compare.b();
        this.timelineA = new SlotTimelineView(new UiContext(zone, background, a.clock().instant(), false, a.clock()::speed));
        this.timelineB = new SlotTimelineView(new UiContext(zone, background, b.clock().instant(), false, b.clock()::speed));
        timelineA.preferAllMailboxes();
        timelineB.preferAllMailboxes();
        this.pumpA = pump(a, timelineA);
        this.pumpB = pump(b, timelineB);

        String title = compare.pair().map(p -> p.title()).orElse(a.name() + " vs " + b.name());
        Label heading = new Label(title);
        heading.getStyleClass().add("panel-subtitle");
        Label explanation = new Label(compare.pair().map(p -> p.explanation()).orElse("")
                + String.format(Locale.US, " Both at %,.0f\u00d7, seed %d.", compare.speed(), compare.seed()));
        explanation.setWrapText(true);
        explanation.getStyleClass().add("panel-help");
        state.setId("compare-state");
        state.getStyleClass().add("panel-help");
        handout.setId("compare-handout");
        handout.setDisable(true);
        handout.setTooltip(new javafx.scene.control.Tooltip("One self-contained HTML page with both runs' figures, "
                + "charts and explanations, for the room to take home."));
        handout.setOnAction(e -> chooseHandoutFile());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, state, spacer, handout);
        bar.setAlignment(Pos.CENTER_LEFT);

        figures.setId("compare-figures");
        figures.setPlaceholder(Tables.emptyState("The figures come when both runs have ended."));
        figures.getColumns().setAll(List.of(column("", 0, 230), column("A: " + a.name(), 1, 260),
                column("B: " + b.name(), 2, 260)));
        figures.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        VBox lanes = new VBox(6, caption("A (problem): " + a.name() + ", run " + a.id()), timelineA.node(),
                caption("B (remedy): " + b.name() + ", run " + b.id()), timelineB.node());
        VBox.setVgrow(timelineA.node(), Priority.ALWAYS);
        VBox.setVgrow(timelineB.node(), Priority.ALWAYS);
        SplitPane split = new SplitPane(lanes, figures);
        split.setDividerPositions(0.66);
        BorderPane root = new BorderPane(split);
        root.setTop(new VBox(4, heading, explanation, bar));
        root.setPadding(new Insets(8));
        root.setId("compare-window");
        Scene scene = new Scene(root, 1320, 780);
        stage.setScene(scene);
        stage.setTitle("Compare: " + title);
        stage.setOnHidden(e -> close());
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-name");
        return l;
    }

    private static TableColumn<String[], String> column(String title, int index, double width) {
        TableColumn<String[], String> c = new TableColumn<>(title);
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()[index]));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private EventPump pump(Run run, SlotTimelineView timeline) {
        EventPump p = new EventPump(run.follow(), run.clock()::instant);
        p.addListener(timeline);
        return p;
    }

    /** Shows the window (with the main window's stylesheets) and follows both runs; the figures follow their end. */
    public CompletableFuture<CompareRuns.Result> show(Window owner) {
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        // Wholly on the screen: a window past its edge is cut on a small display (and breaks Monocle's test screen).
        org.submitlab.ui.common.Windows.fitOnScreen(stage, 1320, 780);
        stage.show();
        pumpA.start(EventPump.DEFAULT_HZ);
        pumpB.start(EventPump.DEFAULT_HZ);
        return background.run(() -> compare.awaitEnd().orElseThrow(() -> new IllegalStateException(
                "a run failed; its run.json says why")), r -> {
                    result = r;
                    List<String[]> rows = ComparisonTable.rows(r.comparison());
                    figures.getItems().setAll(rows.subList(1, rows.size())); // the first is the columns' titles
                    state.setText("Both runs have ended. A is the problem, B its remedy.");
                    handout.setDisable(false);
                }, e -> state.setText("The comparison could not finish: " + e.getMessage()));
    }

    private void chooseHandoutFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the comparison as one HTML page");
        chooser.setInitialFileName(compare.pair().map(p -> p.id()).orElse("comparison") + ".html");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Web page (*.html)", "*.html"));
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            saveHandout(f.toPath());
        }
    }

    /** Writes the handout (once both runs ended) in the background. */
    public CompletableFuture<Path> saveHandout(Path file) {
        CompareRuns.Result r = result;
        return background.run(() -> Files.writeString(file, ComparisonHtml.render(r.report(), r.timelines()),
                StandardCharsets.UTF_8), p -> state.setText("Saved the handout to " + p),
                e -> state.setText("Could not save the handout: " + e.getMessage()));
    }

    public SlotTimelineView timelineA() {
        return timelineA;
    }

    public SlotTimelineView timelineB() {
        return timelineB;
    }

    public TableView<String[]> figures() {
        return figures;
    }

    public Optional<CompareRuns.Result> result() {
        return Optional.ofNullable(result);
    }

    public Stage stage() {
        return stage;
    }

    private void close() {
        pumpA.close();
        pumpB.close();
    }
}
