package org.submitlab.ui.connections;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.submitlab.events.LabEvent;
import org.submitlab.ui.common.ChartImages;
import org.submitlab.ui.common.Charts;
import org.submitlab.ui.common.DrawnWhenShown;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.LimitHelp;
import org.submitlab.ui.common.MinuteSeries;
import org.submitlab.ui.common.PanelLayout;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.UiContext;
import org.submitlab.ui.timeline.SlotTimelineView;

/** Connections per mailbox: open connections, transactions in flight against the limit, and a chart of the last minutes. */
public final class ConnectionsPanel implements EventPump.Listener {

    private static final PseudoClass AT_LIMIT = PseudoClass.getPseudoClass("at-limit");

    private final ConnectionsViewModel vm;
    private final UiContext ui;
    private final TableView<MailboxActivity> table = new TableView<>();
    private final StackedBarChart<String, Number> chart;
    private final XYChart.Series<String, Number> accepted = new XYChart.Series<>();
    private final XYChart.Series<String, Number> refused432 = new XYChart.Series<>();
    private final XYChart.Series<String, Number> otherRefusals = new XYChart.Series<>();
    private final Label chartTitle = new Label();
    private final BorderPane root = new BorderPane();
    private final CategoryAxis minutes = new CategoryAxis();
    private final SlotTimelineView timeline;
    private final javafx.scene.control.TabPane charts = new javafx.scene.control.TabPane();
    private long shownVersion = -1;
    private long shownMinute = -1;
    private final DrawnWhenShown chartDrawing;

    public ConnectionsPanel(ConnectionsViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        this.timeline = new SlotTimelineView(ui);
        table.setId("connections-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Tables.emptyState("No mailboxes yet. Start the server: every mailbox of the tenant "
                + "appears here with its open connections and submissions in flight."));
        TableColumn<MailboxActivity, String> mailbox = Tables.column("Mailbox", 240, MailboxActivity::mailbox);
        TableColumn<MailboxActivity, Integer> connections = Tables.withHelp(
                Tables.column("Connections", 110, MailboxActivity::connections), LimitHelp.connections());
        TableColumn<MailboxActivity, String> inFlight = Tables.withHelp(
                Tables.column("In flight / limit", 130, MailboxActivity::inFlightText), LimitHelp.concurrency(3));
        TableColumn<MailboxActivity, Long> perMinute = Tables.withHelp(
                Tables.column("Refused / min", 110, MailboxActivity::refusedLastMinute), LimitHelp.refusalsPerMinute());
        TableColumn<MailboxActivity, String> acceptedCol = Tables.column("Accepted", 100, r -> Formats.count(r.accepted()));
        TableColumn<MailboxActivity, String> refusedCol = Tables.column("Refused", 100, r -> Formats.count(r.refused()));
        TableColumn<MailboxActivity, String> last = Tables.withHelp(
                Tables.column("Last refusal", 520, MailboxActivity::lastRefusal),
                "The last refusal this mailbox got, in full. Hover a reply for what it means and what to do.");
        Tables.replyCells(last);
        table.getColumns().setAll(List.of(mailbox, connections, inFlight, perMinute, acceptedCol, refusedCol, last));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MailboxActivity item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(AT_LIMIT, !empty && item != null && item.atLimit());
            }
        });
        // A new row for the same mailbox (every update replaces them) changes nothing: onTick has charted it.
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (a != null && b != null && a.mailbox().equals(b.mailbox())) {
                return;
            }
            refreshChart();
            if (b != null) {
                timeline.showMailbox(b.mailbox());
            }
        });

        minutes.setAutoRanging(false);
        NumberAxis y = Charts.countAxis("submissions per minute");
        chart = new StackedBarChart<>(minutes, y);
        chart.setId("connections-chart");
        chartDrawing = new DrawnWhenShown(chart, this::drawChart);
        ChartImages.offerPng(chart, "submissions-per-minute.png");
        chart.setAnimated(false);
        chart.setCategoryGap(4);
        accepted.setName("Accepted");
        refused432.setName("432 concurrency");
        otherRefusals.setName("Other refusals");
        chart.getData().setAll(List.of(accepted, refused432, otherRefusals));
        chart.setLegendVisible(true);
        chartTitle.getStyleClass().add("panel-subtitle");
        VBox chartBox = new VBox(4, chartTitle, chart);
        chartBox.setPadding(new Insets(6, 0, 0, 0));
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);

        javafx.scene.control.Tab slots = new javafx.scene.control.Tab("Slot timeline", timeline.node());
        slots.setId("tab-slot-timeline");
        javafx.scene.control.Tab perMinuteTab = new javafx.scene.control.Tab("Last " + ConnectionsViewModel.CHART_MINUTES
                + " minutes", chartBox);
        perMinuteTab.setId("tab-per-minute");
        charts.getTabs().setAll(List.of(slots, perMinuteTab));
        charts.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        charts.setId("connections-charts");
        PanelLayout.fill(root, PanelLayout.help("Each mailbox may have a few submissions in flight at once (Exchange: 3); "
                + "the next is refused with 432 4.3.2 at the end of DATA. Select a mailbox to see its slots and chart it alone."),
                PanelLayout.stacked(table, charts, 0.3));
    }

    public Node node() {
        return root;
    }

    public StackedBarChart<String, Number> chart() {
        return chart;
    }

    public TableView<MailboxActivity> table() {
        return table;
    }

    public SlotTimelineView timeline() {
        return timeline;
    }

    @Override
    public void onEvents(List<LabEvent> events) {
        vm.apply(events);
        timeline.onEvents(events);
    }

    @Override
    public void onTick(Instant now) {
        timeline.onTick(now);
        if ((vm.version() != shownVersion || minute(now) != shownMinute) && !Tables.held(table)) {
            shownVersion = vm.version();
            Tables.update(table, vm.rows(now), MailboxActivity::mailbox);
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
        Optional<String> selected = Optional.ofNullable(table.getSelectionModel().getSelectedItem())
                .map(MailboxActivity::mailbox);
        List<MinuteSeries.Point> points = vm.chart(selected, now);
        shownMinute = minute(now);
        chartTitle.setText("Last " + ConnectionsViewModel.CHART_MINUTES + " minutes ("
                + (ui.isLive() ? "real" : "simulated") + " time"
                + (points.isEmpty() ? "" : ", " + Formats.clock(points.get(0).minute(), ui.zone()) + " to "
                        + Formats.clock(points.get(points.size() - 1).minute(), ui.zone()))
                + "), " + selected.orElse("all mailboxes"));
        List<String> slots = minutesAgo(points.size());
        Charts.show(minutes, accepted, slots, points.stream().map(p -> (Number) p.accepted()).toList());
        Charts.show(minutes, refused432, slots, points.stream().map(p -> (Number) p.concurrency432()).toList());
        Charts.show(minutes, otherRefusals, slots, points.stream().map(p -> (Number) p.otherRefusals()).toList());
    }

    /** "−14 min" … "−1 min", "now": labels that stay put while time runs, so points are never replaced. */
    static List<String> minutesAgo(int n) {
        List<String> labels = new java.util.ArrayList<>(n);
        for (int i = n - 1; i >= 0; i--) {
            labels.add(i == 0 ? "now" : "\u2212" + i + " min");
        }
        return labels;
    }

    private static long minute(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60L);
    }
}
