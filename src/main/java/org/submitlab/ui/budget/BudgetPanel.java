package org.submitlab.ui.budget;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.submitlab.ui.common.ChartImages;
import org.submitlab.ui.common.Charts;
import org.submitlab.ui.common.DrawnWhenShown;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.LimitHelp;
import org.submitlab.ui.common.PanelLayout;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.UiContext;

/** The recipient-rate budget: the sliding 24-hour window per mailbox, when it frees up, who is blocked. */
public final class BudgetPanel implements EventPump.Listener {

    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");

    private final RecipientBudgetViewModel vm;
    private final UiContext ui;
    private final TableView<BudgetRow> table = new TableView<>();
    private final BarChart<String, Number> chart;
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();
    private final Label chartTitle = new Label();
    private final BorderPane root = new BorderPane();
    private List<BudgetRow> pending;
    private long shownHour = -1;
    private final DrawnWhenShown chartDrawing;
    private final CategoryAxis hours = new CategoryAxis();

    public BudgetPanel(UiContext ui) {
        this.ui = ui;
        this.vm = new RecipientBudgetViewModel(ui.zone());
        table.setId("budget-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Tables.emptyState("No mailboxes yet. Start the server to see each mailbox's "
                + "recipients in the last 24 hours against its limit."));
        TableColumn<BudgetRow, BudgetRow> used = Tables.withHelp(Tables.column("Used in 24 h", 260, r -> r),
                LimitHelp.recipients(10_000));
        used.setCellFactory(c -> new UsageCell());
        TableColumn<BudgetRow, String> status = Tables.liveColumn("Status", 230,
                r -> Bindings.createStringBinding(() -> vm.status(r, ui.now()), ui.nowProperty()));
        Tables.withHelp(status, "A mailbox at its limit is refused with 554 5.2.0 SubmissionQuotaExceededException "
                + "until enough recipients leave the window.");
        table.getColumns().setAll(List.of(
                Tables.column("Mailbox", 240, BudgetRow::mailbox),
                used,
                Tables.withHelp(Tables.column("Limit", 90, r -> Formats.count(r.limit())),
                        "RecipientLimitPerDay: 10,000 by default, an admin may lower it per mailbox (1 to 10,000)."),
                status,
                Tables.withHelp(Tables.column("Next to free up", 280, (BudgetRow r) -> vm.nextFree(r, ui.now())),
                        "Recipients leave the window exactly 24 hours after their message was accepted.")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BudgetRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(BLOCKED, !empty && item != null && item.blocked());
            }
        });
        // A new row for the same mailbox (every update replaces them) is charted by onTick, once.
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (a == null || b == null || !a.mailbox().equals(b.mailbox())) {
                refreshChart();
            }
        });

        // Categories set by hand (Charts.show): auto-ranging keeps yesterday's "13:00" when today's 13:00
        // arrives, so the newest bar would be drawn first.
        hours.setAutoRanging(false);
        hours.setLabel("hour sent (leaves the window 24 h later)");
        NumberAxis y = Charts.countAxis("recipients");
        chart = new BarChart<>(hours, y);
        chart.setId("budget-chart");
        chartDrawing = new DrawnWhenShown(chart, this::drawChart);
        ChartImages.offerPng(chart, "recipient-budget.png");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(3);
        series.setName("Recipients");
        chart.getData().add(series);
        chartTitle.getStyleClass().add("panel-subtitle");
        VBox chartBox = new VBox(4, chartTitle, chart);
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        chartBox.setPadding(new Insets(6, 0, 0, 0));

        PanelLayout.fill(root, PanelLayout.help("Recipients (To + Cc + Bcc of the envelope) per mailbox in a sliding "
                + "24-hour window. Blocked mailboxes are highlighted. Select a mailbox to chart its window."),
                PanelLayout.stacked(table, chartBox, 0.45));
    }

    public Node node() {
        return root;
    }

    public TableView<BudgetRow> table() {
        return table;
    }

    public void setRows(List<BudgetRow> rows) {
        pending = rows;
    }

    @Override
    public void onTick(Instant now) {
        boolean hourChanged = Math.floorDiv(now.getEpochSecond(), 3600L) != shownHour;
        if (pending != null && !Tables.held(table)) {
            vm.setRows(pending);
            pending = null;
            if (Tables.update(table, vm.rows(), BudgetRow::mailbox)) {
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                }
                refreshChart();
                return;
            }
        }
        if (hourChanged) {
            refreshChart();
        } else {
            chartDrawing.catchUp();
        }
    }

    private void refreshChart() {
        chartDrawing.request();
    }

    private void drawChart() {
        Instant now = ui.now();
        shownHour = Math.floorDiv(now.getEpochSecond(), 3600L);
        Optional<BudgetRow> row = Optional.ofNullable(table.getSelectionModel().getSelectedItem())
                .flatMap(r -> vm.row(r.mailbox()));
        if (row.isEmpty()) {
            chartTitle.setText("Select a mailbox to chart its 24-hour window.");
            Charts.show(hours, series, List.of(), List.of());
            return;
        }
        BudgetRow r = row.get();
        chartTitle.setText(r.mailbox() + ": " + Formats.count(r.used()) + " of " + Formats.count(r.limit())
                + " recipients in the last 24 hours. " + vm.nextFree(r, now) + ".");
        List<RecipientBudgetViewModel.HourBar> bars = vm.hourly(r, now);
        Charts.show(hours, series, bars.stream().map(vm::hourLabel).toList(),
                bars.stream().map(b -> (Number) b.recipients()).toList());
    }

    /** A bar with "2,500 / 10,000" on it. */
    private static final class UsageCell extends TableCell<BudgetRow, BudgetRow> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final StackPane pane = new StackPane(bar, text);

        UsageCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
            text.getStyleClass().add("usage-text");
        }

        @Override
        protected void updateItem(BudgetRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(item.fraction());
            bar.pseudoClassStateChanged(BLOCKED, item.blocked());
            text.setText(Formats.count(item.used()) + " / " + Formats.count(item.limit()));
            setGraphic(pane);
        }
    }
}
