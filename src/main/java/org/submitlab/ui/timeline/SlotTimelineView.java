package org.submitlab.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import org.submitlab.events.LabEvent;
import org.submitlab.ui.common.ChartImages;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.Showing;
import org.submitlab.ui.common.UiContext;

/**
 * The slot timeline of one mailbox: a lane per device, each transaction a bar from MAIL FROM to its reply coloured by
 * outcome (hollow while it runs without a slot: it will get 432 at the end of DATA), each 432 marked, and below them
 * the transactions in flight against the limit. Follows the world's clock by default over a window that suits its
 * speed ({@link SlotTimeline#defaultWindow}); zoom with the buttons or Ctrl+wheel, scroll with the wheel or by
 * dragging (which stops following), Pause to hold the picture. Drawn with CSS-styled shapes, so the themes and
 * presentation mode apply.
 */
public final class SlotTimelineView implements EventPump.Listener {

    private static final double LANE_LABEL_WIDTH = 170;
    private static final double STEPS_HEIGHT = 64;
    private static final double AXIS_HEIGHT = 22;
    private static final double MIN_BAR_WIDTH = 2;
    private static final Duration MIN_WINDOW = Duration.ofSeconds(5);
    private static final Duration MAX_WINDOW = Duration.ofDays(2);

    private final UiContext ui;
    private final SlotTimeline model;
    private final ComboBox<String> mailbox = new ComboBox<>();
    private final ToggleButton follow = new ToggleButton("Follow");
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Button zoomIn = new Button("+");
    private final Button zoomOut = new Button("\u2212");
    private final Button fit = new Button("Fit");
    private final Label range = new Label();
    private final Pane plot = new Pane();
    private final BorderPane root = new BorderPane();
    private final Tooltip tip = new Tooltip();
    private Duration window;
    /** The world's time at the last tick (the view may run beside a pump of its own: a comparison, a replay). */
    private Instant now;
    private boolean windowChosen;
    private Instant end;
    private double shownSpeed;
    private long shownVersion = -1;
    private Instant shownEnd;
    private double shownWidth;
    private double shownHeight;
    private List<SlotTimeline.Bar> shown = List.of();
    private final List<double[]> shownBoxes = new ArrayList<>();
    private boolean preferAll;
    private double laneTextFont = -1;
    private double laneTextHeight;
    private double dragX = Double.NaN;
    private Instant dragEnd;

    public SlotTimelineView(UiContext ui) {
        this(ui, new SlotTimeline());
    }

    public SlotTimelineView(UiContext ui, SlotTimeline model) {
        this.ui = ui;
        this.model = model;
        this.now = ui.now();
        root.setId("slot-timeline");
        mailbox.setId("timeline-mailbox");
        mailbox.setPromptText("no transactions yet");
        mailbox.setTooltip(new Tooltip("The mailbox whose slots are shown."));
        mailbox.valueProperty().addListener((o, a, b) -> repaint());
        follow.setId("timeline-follow");
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the newest transactions in view as the clock runs."));
        follow.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                pause.setSelected(false);
            }
            repaint();
        });
        pause.setId("timeline-pause");
        pause.setTooltip(new Tooltip("Hold the picture; transactions are still recorded and show when you resume."));
        pause.selectedProperty().addListener((o, a, on) -> {
            if (!on) {
                repaint();
            }
        });
        zoomIn.setId("timeline-zoom-in");
        zoomIn.setTooltip(new Tooltip("Show a shorter time (Ctrl+wheel up)"));
        zoomIn.setOnAction(e -> zoom(0.5));
        zoomOut.setId("timeline-zoom-out");
        zoomOut.setTooltip(new Tooltip("Show a longer time (Ctrl+wheel down)"));
        zoomOut.setOnAction(e -> zoom(2));
        fit.setId("timeline-fit");
        fit.setTooltip(new Tooltip("Show every transaction kept for this mailbox."));
        fit.setOnAction(e -> fitAll());
        range.setId("timeline-range");
        range.getStyleClass().add("panel-help");
        range.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, new Label("Slots of"), mailbox, zoomOut, zoomIn, fit, follow, pause, spacer, range);
        bar.setAlignment(Pos.CENTER_LEFT);
        FlowPane legend = new FlowPane(14, 2, swatch("slot-accepted", "accepted"),
                swatch("slot-refused-432", "432: no slot free at the end of DATA"),
                swatch("slot-refused", "other refusal"), swatch("slot-in-flight", "in flight"),
                swatch("slot-no-slot", "in flight without a slot"), lineSwatch("slot-steps", "in flight / limit"));
        legend.setId("timeline-legend");
        VBox top = new VBox(4, bar, legend);
        top.setPadding(new Insets(0, 0, 4, 0));
        plot.setId("timeline-plot");
        plot.getStyleClass().add("timeline-plot");
        plot.setMinHeight(140);
        plot.widthProperty().addListener((o, a, b) -> repaint());
        plot.heightProperty().addListener((o, a, b) -> repaint());
        plot.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragEnd = currentEnd();
        });
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        plot.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragX = Double.NaN);
        plot.addEventHandler(MouseEvent.MOUSE_MOVED, this::onHover);
        Tooltip.install(plot, tip);
        root.setTop(top);
        root.setCenter(plot);
        ChartImages.offerPng(root, "slot-timeline.png");
    }

    private static Node swatch(String styleClass, String text) {
        Rectangle r = new Rectangle(14, 10);
        r.getStyleClass().addAll("slot-bar", styleClass);
        Label l = new Label(text, r);
        l.getStyleClass().add("timeline-legend-item");
        return l;
    }

    private static Node lineSwatch(String styleClass, String text) {
        Line line = new Line(0, 5, 16, 5);
        line.getStyleClass().add(styleClass);
        Label l = new Label(text, line);
        l.getStyleClass().add("timeline-legend-item");
        return l;
    }

    public Node node() {
        return root;
    }

    public SlotTimeline model() {
        return model;
    }

    /** Shows {@code address}'s slots (when it has transactions, or once it gets some). */
    public void showMailbox(String address) {
        if (address != null) {
            if (!mailbox.getItems().contains(address.toLowerCase(java.util.Locale.ROOT))) {
                mailbox.getItems().add(address.toLowerCase(java.util.Locale.ROOT));
            }
            mailbox.setValue(address.toLowerCase(java.util.Locale.ROOT));
        }
    }

    public ComboBox<String> mailbox() {
        return mailbox;
    }

    /** The window of time shown now. */
    public Duration window() {
        return window == null ? SlotTimeline.defaultWindow(ui.speed()) : window;
    }

    /** The transactions drawn at the last paint. */
    public List<SlotTimeline.Bar> shownBars() {
        return shown;
    }

    public ToggleButton follow() {
        return follow;
    }

    public ToggleButton pause() {
        return pause;
    }

    @Override
    public void onEvents(List<LabEvent> events) {
        model.apply(events);
    }

    @Override
    public void onTick(Instant now) {
        this.now = now;
        List<String> known = model.mailboxes();
        if (!mailbox.getItems().containsAll(known)) {
            known.stream().filter(m -> !mailbox.getItems().contains(m)).forEach(mailbox.getItems()::add);
            if (known.size() > 1 && !mailbox.getItems().contains(SlotTimeline.ALL)) {
                mailbox.getItems().add(0, SlotTimeline.ALL);
            }
        }
        if (mailbox.getValue() == null) {
            if (preferAll && known.size() > 1) {
                mailbox.setValue(SlotTimeline.ALL);
            } else {
                model.busiest().ifPresent(mailbox::setValue);
            }
        }
        if (!windowChosen && ui.speed() != shownSpeed) {
            shownSpeed = ui.speed();
            window = SlotTimeline.defaultWindow(shownSpeed);
        }
        if (pause.isSelected() || !Showing.of(plot)) {
            return; // hidden: painted at the first tick it can be seen (its version is then behind)
        }
        Instant e = currentEnd();
        if (model.version() != shownVersion || !e.equals(shownEnd) || plot.getWidth() != shownWidth
                || plot.getHeight() != shownHeight) {
            paint(e);
        }
    }

    private Instant currentEnd() {
        if (follow.isSelected() || end == null) {
            // The newest second in view with a little room on the right, so a bar being drawn is not at the edge.
            return now.plus(window().dividedBy(20));
        }
        return end;
    }

    private void repaint() {
        if (!pause.isSelected()) {
            paint(currentEnd());
        }
    }

    private void zoom(double factor) {
        Duration w = Duration.ofMillis(Math.round(window().toMillis() * factor));
        window = w.compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : w.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW : w;
        windowChosen = true;
        if (!follow.isSelected()) {
            end = (end == null ? currentEnd() : end);
        }
        repaint();
    }

    private void fitAll() {
        String m = mailbox.getValue();
        if (m == null) {
            return;
        }
        model.extent(m).ifPresent(x -> {
            Instant last = follow.isSelected() ? now : x[1];
            Duration span = Duration.between(x[0], last);
            Duration w = span.plus(span.dividedBy(10));
            window = w.compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : w.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW : w;
            windowChosen = true;
            end = x[0].plus(window);
            follow.setSelected(false);
            repaint();
        });
    }

    private void onScroll(ScrollEvent e) {
        if (e.isControlDown()) {
            zoom(e.getDeltaY() > 0 ? 0.5 : 2);
        } else {
            double delta = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            pan(-delta);
        }
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (Double.isNaN(dragX)) {
            return;
        }
        follow.setSelected(false);
        double width = Math.max(1, plot.getWidth() - LANE_LABEL_WIDTH - 10);
        long millis = Math.round((dragX - e.getX()) / width * window().toMillis());
        end = dragEnd.plusMillis(millis);
        repaint();
    }

    /** Moves the window by {@code pixels} (positive: later). */
    public void pan(double pixels) {
        follow.setSelected(false);
        double width = Math.max(1, plot.getWidth() - LANE_LABEL_WIDTH - 10);
        end = currentEnd().plusMillis(Math.round(pixels / width * window().toMillis()));
        repaint();
    }

    private void onHover(MouseEvent e) {
        for (int i = shownBoxes.size() - 1; i >= 0; i--) {
            double[] b = shownBoxes.get(i);
            if (e.getX() >= b[0] - 2 && e.getX() <= b[0] + b[2] + 2 && e.getY() >= b[1] && e.getY() <= b[1] + b[3]) {
                tip.setText(describe(shown.get(i)));
                return;
            }
        }
        tip.setText("One lane per device; a bar is one transaction, from MAIL FROM to the reply at the end of DATA.");
    }

    private String describe(SlotTimeline.Bar b) {
        String when = Formats.clockSeconds(b.start(), ui.zone()) + (b.end() == null ? ", still running"
                : " to " + Formats.clockSeconds(b.end(), ui.zone()) + " ("
                        + Formats.countdown(Duration.between(b.start(), b.end())) + ")");
        String slot = b.slot() ? "held a slot" : "had no slot";
        return b.lane() + "\n" + when + ", " + slot + (b.reply().isEmpty() ? "" : "\n" + b.reply());
    }

    private void paint(Instant to) {
        String m = mailbox.getValue();
        Duration w = window();
        Instant from = to.minus(w);
        shownEnd = to;
        shownWidth = plot.getWidth();
        shownHeight = plot.getHeight();
        shownVersion = model.version();
        range.setText(Formats.countdown(w) + " \u00b7 " + Formats.clockSeconds(from, ui.zone()) + " to "
                + Formats.clockSeconds(to, ui.zone()) + (ui.isLive() ? "" : " (simulated time)"));
        List<Node> nodes = new ArrayList<>();
        shownBoxes.clear();
        if (m == null) {
            shown = List.of();
            Label empty = new Label("No transactions yet. Each one shows here as a bar on its device's lane.");
            empty.getStyleClass().add("empty-state");
            empty.relocate(12, 12);
            plot.getChildren().setAll(empty);
            return;
        }
        List<SlotTimeline.Bar> bars = model.bars(m, from, to);
        List<String> lanes = new ArrayList<>();
        for (String lane : model.lanes(m)) {
            if (bars.stream().anyMatch(b -> b.lane().equals(lane))) {
                lanes.add(lane);
            }
        }
        String suffix = commonDomain(lanes);
        double left = LANE_LABEL_WIDTH;
        double right = Math.max(left + 20, plot.getWidth() - 10);
        double lanesHeight = Math.max(20, plot.getHeight() - STEPS_HEIGHT - AXIS_HEIGHT - 8);
        double laneHeight = lanes.isEmpty() ? 24 : Math.max(4, Math.min(26, lanesHeight / lanes.size()));
        double fromMs = from.toEpochMilli();
        double scale = (right - left) / Math.max(1, w.toMillis());
        // Lanes thinner than a line of text (many devices, or large type) get a name every few lanes only.
        double textHeight = laneTextHeight();
        int every = (int) Math.max(1, Math.ceil(textHeight / Math.max(1, laneHeight)));
        for (int i = 0; i < lanes.size(); i++) {
            double y = i * laneHeight;
            if (i % every == 0) {
                String lane = lanes.get(i);
                Label name = new Label(suffix.isEmpty() ? lane : lane.replace(suffix, ""));
                name.getStyleClass().add("timeline-lane");
                name.setMaxWidth(LANE_LABEL_WIDTH - 8);
                name.setPrefHeight(Math.max(laneHeight, textHeight));
                name.setMaxHeight(Math.max(laneHeight, textHeight));
                name.relocate(4, y + (laneHeight - Math.max(laneHeight, textHeight)) / 2);
                nodes.add(name);
            }
            Line guide = new Line(left, y + laneHeight, right, y + laneHeight);
            guide.getStyleClass().add("timeline-guide");
            nodes.add(guide);
        }
        List<SlotTimeline.Bar> drawn = new ArrayList<>();
        for (SlotTimeline.Bar b : bars) {
            int lane = lanes.indexOf(b.lane());
            double x0 = Math.max(left, left + (b.start().toEpochMilli() - fromMs) * scale);
            Instant stop = b.end() == null ? now : b.end();
            double x1 = Math.min(right, left + (stop.toEpochMilli() - fromMs) * scale);
            double width = Math.max(MIN_BAR_WIDTH, x1 - x0);
            double y = lane * laneHeight + Math.max(1, laneHeight * 0.15);
            double h = Math.max(2, laneHeight * 0.7);
            Rectangle r = new Rectangle(x0, y, width, h);
            r.getStyleClass().addAll("slot-bar", styleOf(b));
            nodes.add(r);
            drawn.add(b);
            shownBoxes.add(new double[] {x0, y, width, h});
            if (b.outcome() == SlotTimeline.Outcome.REFUSED_432 && b.end() != null && !b.end().isBefore(from)) {
                double cy = y + h / 2;
                Polygon mark = new Polygon(x1, cy - 6, x1 + 6, cy, x1, cy + 6, x1 - 6, cy);
                mark.getStyleClass().add("slot-432-mark");
                nodes.add(mark);
                double sy = lanesHeight + 4;
                Line tick = new Line(x1, sy, x1, sy + STEPS_HEIGHT);
                tick.getStyleClass().add("slot-432-tick");
                nodes.add(tick);
            }
        }
        shown = List.copyOf(drawn);
        if (SlotTimeline.ALL.equals(m)) {
            Label note = new Label("In flight against the limit: pick one mailbox (the limit is per mailbox).");
            note.getStyleClass().add("timeline-axis-label");
            note.relocate(left, lanesHeight + 4 + STEPS_HEIGHT / 2 - 10);
            nodes.add(note);
        } else {
            nodes.addAll(steps(m, from, to, left, right, lanesHeight + 4, scale, fromMs));
        }
        nodes.addAll(axis(from, w, left, right, lanesHeight + 4 + STEPS_HEIGHT, scale, fromMs));
        plot.getChildren().setAll(nodes);
    }

    private List<Node> steps(String m, Instant from, Instant to, double left, double right, double top, double scale,
            double fromMs) {
        List<Node> out = new ArrayList<>();
        int limit = model.limit(m);
        List<SlotTimeline.Step> steps = model.steps(m, from, to);
        int max = Math.max(limit + 1, steps.stream().mapToInt(SlotTimeline.Step::inUse).max().orElse(0));
        double bottom = top + STEPS_HEIGHT - 4;
        double unit = (STEPS_HEIGHT - 8) / max;
        Line limitLine = new Line(left, bottom - limit * unit, right, bottom - limit * unit);
        limitLine.getStyleClass().add("slot-limit");
        out.add(limitLine);
        Label limitLabel = new Label("limit " + limit);
        limitLabel.getStyleClass().add("timeline-axis-label");
        limitLabel.relocate(4, bottom - limit * unit - 10);
        out.add(limitLabel);
        Label caption = new Label("in flight");
        caption.getStyleClass().add("timeline-axis-label");
        caption.relocate(4, bottom - 14);
        out.add(caption);
        Polyline line = new Polyline();
        line.getStyleClass().add("slot-steps");
        int level = 0;
        int i = 0;
        if (!steps.isEmpty() && steps.get(0).time().isBefore(from)) {
            level = steps.get(0).inUse();
            i = 1;
        }
        line.getPoints().addAll(left, bottom - level * unit);
        for (; i < steps.size(); i++) {
            SlotTimeline.Step s = steps.get(i);
            double x = Math.max(left, Math.min(right, left + (s.time().toEpochMilli() - fromMs) * scale));
            line.getPoints().addAll(x, bottom - level * unit, x, bottom - s.inUse() * unit);
            level = s.inUse();
        }
        double nowX = Math.min(right, left + (Math.min(to.toEpochMilli(), now.toEpochMilli()) - fromMs) * scale);
        line.getPoints().addAll(Math.max(left, nowX), bottom - level * unit);
        out.add(line);
        return out;
    }

    private List<Node> axis(Instant from, Duration w, double left, double right, double top, double scale, double fromMs) {
        List<Node> out = new ArrayList<>();
        Line base = new Line(left, top, right, top);
        base.getStyleClass().add("timeline-guide");
        out.add(base);
        long tick = tickMillis(w.toMillis(), right - left);
        long first = Math.floorDiv(from.toEpochMilli(), tick) * tick + tick;
        for (long t = first; t <= from.toEpochMilli() + w.toMillis(); t += tick) {
            double x = left + (t - fromMs) * scale;
            Line mark = new Line(x, top, x, top + 4);
            mark.getStyleClass().add("timeline-guide");
            Label label = new Label(tick < 60_000 ? Formats.clockSeconds(Instant.ofEpochMilli(t), ui.zone())
                    : Formats.clock(Instant.ofEpochMilli(t), ui.zone()));
            label.getStyleClass().add("timeline-axis-label");
            label.relocate(x - 24, top + 4);
            out.add(mark);
            out.add(label);
        }
        return out;
    }

    /** A line of lane text high, measured once per font (presentation mode and the themes change it). */
    private double laneTextHeight() {
        double font = range.getFont().getSize();
        if (font != laneTextFont) {
            Label probe = new Label("mfp");
            probe.getStyleClass().add("timeline-lane");
            plot.getChildren().add(probe);
            probe.applyCss();
            laneTextHeight = probe.getFont().getSize() * 1.15;
            plot.getChildren().remove(probe);
            laneTextFont = font;
        }
        return laneTextHeight;
    }

    /**
     * The domain every lane's device name ends with ("mfp-01.devices.contoso.test", "mfp-02.devices.contoso.test":
     * ".devices.contoso.test"), left out of the lane labels so the names that differ fit; "" when they share none.
     */
    static String commonDomain(List<String> lanes) {
        if (lanes.size() < 2 || lanes.stream().anyMatch(l -> l.matches("[\\d.]+( #\\d+)?|.*:.*|\\[.*"))) {
            return ""; // addresses, not names
        }
        String first = lanes.get(0).replaceAll(" #\\d+$", "");
        int dot = first.indexOf('.');
        while (dot >= 0) {
            String suffix = first.substring(dot);
            if (lanes.stream().allMatch(l -> l.replaceAll(" #\\d+$", "").endsWith(suffix)
                    && l.replaceAll(" #\\d+$", "").length() > suffix.length())) {
                return suffix;
            }
            dot = first.indexOf('.', dot + 1);
        }
        return "";
    }

    /** A tick interval from a list of round ones, about one per 110 pixels. */
    static long tickMillis(long windowMillis, double width) {
        long[] nice = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
                1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000};
        double wanted = windowMillis / Math.max(1, width / 110);
        for (long n : nice) {
            if (n >= wanted) {
                return n;
            }
        }
        return nice[nice.length - 1];
    }

    private static String styleOf(SlotTimeline.Bar b) {
        switch (b.outcome()) {
            case ACCEPTED:
                return "slot-accepted";
            case REFUSED_432:
                return "slot-refused-432";
            case REFUSED:
                return "slot-refused";
            default:
                return b.slot() ? "slot-in-flight" : "slot-no-slot";
        }
    }

    /** Start on every mailbox at once when there are several (a mailbox per device), instead of the busiest. */
    public void preferAllMailboxes() {
        preferAll = true;
    }

    /** For tests: the mailbox shown. */
    public Optional<String> shownMailbox() {
        return Optional.ofNullable(mailbox.getValue());
    }
}
