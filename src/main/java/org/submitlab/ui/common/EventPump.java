package org.submitlab.ui.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.submitlab.events.LabEvent;
import org.submitlab.events.EventSource;

/**
 * The console's one pump: a {@link Timeline} on the FX thread, a few times a second, drains the
 * world's events (its history, then what happens now) and hands each batch to every listener. Never one
 * {@code Platform.runLater} per event; listeners apply a whole batch at once.
 * {@link #tick()} is plain Java, so tests drive the pump without a stage.
 */
public final class EventPump {

    /** Something the pump feeds. Both methods run on the thread calling {@link #tick()} (the FX thread). */
    public interface Listener {
        /** A batch of new events, oldest first; never empty. */
        default void onEvents(List<LabEvent> events) {
        }

        /** Every tick, events or not: for clocks, countdowns and polled snapshots. */
        default void onTick(Instant now) {
        }
    }

    public static final int DEFAULT_HZ = 5;
    private static final int CATCH_UP_PER_TICK = 100_000;

    private final EventSource subscription;
    private final Supplier<Instant> clock;
    private final int maxPerTick;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<LabEvent> batch = new ArrayList<>();
    private final long[] tickNanos = new long[1024];
    private int ticks;
    private long delivered;
    private Timeline timeline;

    public EventPump(EventSource source, Supplier<Instant> clock) {
        this(source, clock, 20_000);
    }

    public EventPump(EventSource source, Supplier<Instant> clock, int maxPerTick) {
        this.subscription = source;
        this.clock = clock;
        this.maxPerTick = maxPerTick;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Drains up to the per-tick maximum and feeds every listener; returns how many events were handed out. */
    public int tick() {
        long t0 = System.nanoTime();
        try {
            return drainAndFeed();
        } finally {
            tickNanos[ticks++ % tickNanos.length] = System.nanoTime() - t0;
        }
    }

    private int drainAndFeed() {
        batch.clear();
        // A world's recorded history arrives in bigger batches: applying events is cheap, redrawing per tick is not.
        int n = subscription.drainTo(batch, subscription.catchingUp() ? CATCH_UP_PER_TICK : maxPerTick);
        if (n > 0) {
            List<LabEvent> events = List.copyOf(batch);
            batch.clear();
            delivered += n;
            for (Listener l : listeners) {
                l.onEvents(events);
            }
        }
        Instant now = clock.get();
        for (Listener l : listeners) {
            l.onTick(now);
        }
        return n;
    }

    /** Starts ticking on the FX thread at {@code hz} (clamped to 4..10). Call on the FX thread. */
    public void start(int hz) {
        int rate = Math.max(4, Math.min(10, hz));
        stop();
        timeline = new Timeline(new KeyFrame(Duration.millis(1000.0 / rate), e -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }

    /** Stops ticking and unsubscribes. */
    public void close() {
        stop();
        subscription.close();
    }

    /** The 99th percentile of the last 1,024 ticks' durations, in milliseconds (the endurance benchmark's figure). */
    public double tickMillisP99() {
        int n = Math.min(ticks, tickNanos.length);
        if (n == 0) {
            return 0;
        }
        long[] sorted = java.util.Arrays.copyOf(tickNanos, n);
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6;
    }

    public long delivered() {
        return delivered;
    }

    /** Events lost because the console fell behind (its queue was full). */
    public long dropped() {
        return subscription.dropped();
    }
}
