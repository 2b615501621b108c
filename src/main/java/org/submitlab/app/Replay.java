package org.submitlab.app;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.submitlab.events.EventSource;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.ScaledClock;

/**
 * A finished run played again from its recorded events at any speed: a clock of its own that starts where the run
 * started, and a source that hands out each event once that clock has passed its time. The run itself is not
 * touched; nothing is sent again.
 */
public final class Replay implements EventSource {

    private static final int READ_AHEAD = 50_000;

    private final EventSource recorded;
    private final ScaledClock clock;
    private final Instant end;
    private final ArrayDeque<LabEvent> ahead = new ArrayDeque<>();
    private final List<LabEvent> scratch = new ArrayList<>();

    Replay(EventSource recorded, Instant start, Instant end, double speed) {
        this.recorded = recorded;
        this.clock = new ScaledClock(start, speed);
        this.end = end;
    }

    /** The run's recorded events from its start, at {@code speed} times real time. */
    public static Replay of(Run run, double speed) {
        RunInfo info = run.info();
        Instant start = info.simulatedStart() != null ? info.simulatedStart() : info.started();
        Instant end = info.simulatedEnd() != null ? info.simulatedEnd() : run.clock().instant();
        return new Replay(run.follow(), start, end, speed);
    }

    /** The replay's own clock: pause, resume and change its speed here. */
    public ScaledClock clock() {
        return clock;
    }

    /** Where the run ended; the clock stops there. */
    public Instant end() {
        return end;
    }

    /** The replay's time now, never past the run's end (the clock stops there). */
    public Instant now() {
        Instant t = clock.instant();
        if (!t.isBefore(end) && !clock.isStopped()) {
            clock.stop();
        }
        return t.isAfter(end) ? end : t;
    }

    @Override
    public synchronized int drainTo(Collection<? super LabEvent> target, int max) {
        if (ahead.size() < READ_AHEAD) {
            scratch.clear();
            recorded.drainTo(scratch, READ_AHEAD - ahead.size());
            ahead.addAll(scratch);
        }
        Instant now = now();
        int n = 0;
        while (n < max && !ahead.isEmpty() && !ahead.peekFirst().time().isAfter(now)) {
            target.add(ahead.pollFirst());
            n++;
        }
        return n;
    }

    @Override
    public long dropped() {
        return recorded.dropped();
    }

    @Override
    public void close() {
        clock.stop();
        recorded.close();
    }
}
