package org.submitlab.ui.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.submitlab.app.Replay;
import org.submitlab.app.Run;
import org.submitlab.ui.common.BackgroundTasks;
import org.submitlab.ui.common.CaptionBanner;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.UiContext;
import org.submitlab.ui.timeline.SlotTimelineView;

/**
 * A finished run played again from its recorded events, at a speed the trainer picks and may change while it
 * plays, with its slot timeline and its captions. Nothing is sent again: the run's store and journal are only read.
 */
public final class ReplayWindow {

    private final Run run;
    private final Replay replay;
    private final Stage stage = new Stage();
    private final SlotTimelineView timeline;
    private final EventPump pump;
    private final ComboBox<Double> speed = new ComboBox<>();
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Label clock = new Label();
    private final CaptionBanner caption = new CaptionBanner("replay-caption");

    public ReplayWindow(Run run, double atSpeed, BackgroundTasks background, ZoneId zone) {
        this.run = run;
        this.replay = Replay.of(run, atSpeed);
        this.timeline = new SlotTimelineView(new UiContext(zone, background, replay.now(), false,
                replay.clock()::speed));
        this.pump = new EventPump(replay, replay::now);
        pump.addListener(timeline);
        pump.addListener(new EventPump.Listener() {
            @Override
            public void onTick(Instant now) {
                clock.setText(Formats.dateTime(now, zone) + (now.equals(replay.end()) ? "  (the run ended here)" : ""));
                caption.show(run.captionAt(now).orElse(""));
            }
        });
        speed.setId("replay-speed");
        org.submitlab.ui.common.Speeds.offer(speed);
        speed.setValue(atSpeed);
        speed.setOnAction(e -> {
            if (speed.getValue() != null && !replay.clock().isStopped()) {
                replay.clock().setSpeed(speed.getValue());
            }
        });
        pause.setId("replay-pause");
        pause.setOnAction(e -> {
            if (pause.isSelected()) {
                replay.clock().pause();
            } else {
                replay.clock().resume();
            }
        });
        clock.setId("replay-clock");
        clock.getStyleClass().add("sim-clock");
        HBox bar = new HBox(8, new Label("Replay of run " + run.id() + " (" + run.name() + ") at"), speed, pause, clock);
        bar.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(timeline.node());
        root.setTop(new javafx.scene.layout.VBox(6, bar, caption.node()));
        root.setPadding(new Insets(8));
        root.setId("replay-window");
        stage.setScene(new Scene(root, 1280, 640));
        stage.setTitle("Replay: " + run.name() + " (" + run.id() + ")");
        stage.setOnHidden(e -> pump.close());
    }

    public void show(Window owner) {
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        // Wholly on the screen: a window past its edge is cut on a small display (and breaks Monocle's test screen).
        org.submitlab.ui.common.Windows.fitOnScreen(stage, 1280, 640);
        stage.show();
        pump.start(EventPump.DEFAULT_HZ);
    }

    public SlotTimelineView timeline() {
        return timeline;
    }

    public Replay replay() {
        return replay;
    }

    public Stage stage() {
        return stage;
    }

    /** How far into the run the replay is. */
    public Duration elapsed() {
        Instant start = run.info().simulatedStart() != null ? run.info().simulatedStart() : run.info().started();
        return Duration.between(start, replay.now());
    }
}
