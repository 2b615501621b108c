package org.submitlab.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every panel of one world's view shares: the display zone, the world's time (moved by the
 * pump each tick, so countdown cells bind to it), and the background threads for database reads.
 */
public final class UiContext {

    private final ZoneId zone;
    private final BackgroundTasks background;
    private final ObjectProperty<Instant> now;
    private final boolean live;
    private final java.util.function.DoubleSupplier speed;
    private final javafx.beans.property.BooleanProperty listsPaused = new javafx.beans.property.SimpleBooleanProperty();

    /** @param live whether the world shown is Live (real time) rather than a run (simulated time) */
    public UiContext(ZoneId zone, BackgroundTasks background, Instant start, boolean live) {
        this(zone, background, start, live, () -> 1.0);
    }

    /** @param speed how fast the world's clock runs against real time (1 for Live) */
    public UiContext(ZoneId zone, BackgroundTasks background, Instant start, boolean live,
            java.util.function.DoubleSupplier speed) {
        this.speed = speed;
        this.zone = zone;
        this.background = background;
        this.now = new SimpleObjectProperty<>(start);
        this.live = live;
    }

    public boolean isLive() {
        return live;
    }

    /** How many times faster than real time the world's clock runs now. */
    public double speed() {
        return speed.getAsDouble();
    }

    public ZoneId zone() {
        return zone;
    }

    public BackgroundTasks background() {
        return background;
    }

    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    public Instant now() {
        return now.get();
    }

    /** The console's "Pause lists": live tables hold their rows while it is on. */
    public javafx.beans.property.BooleanProperty listsPausedProperty() {
        return listsPaused;
    }
}
