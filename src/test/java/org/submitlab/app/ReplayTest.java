package org.submitlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.submitlab.events.EventSource;
import org.submitlab.events.LabEvent;

class ReplayTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    /** A run's recorded events, as its journal hands them out: all at once. */
    private static final class Recorded implements EventSource {
        final ArrayDeque<LabEvent> events = new ArrayDeque<>();
        boolean closed;

        @Override
        public int drainTo(Collection<? super LabEvent> target, int max) {
            int n = 0;
            while (n < max && !events.isEmpty()) {
                target.add(events.poll());
                n++;
            }
            return n;
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void eachEventComesOnceTheReplaysClockPassedItsTimeAndTheClockStopsAtTheRunsEnd() throws Exception {
        Recorded recorded = new Recorded();
        for (int s : new int[] {1, 5, 10}) {
            recorded.events.add(new LabEvent.ConnectionOpened(T0.plusSeconds(s), "s" + s, "127.0.0.1"));
        }
        Replay replay = new Replay(recorded, T0, T0.plusSeconds(10), 100);
        replay.clock().pause();
        List<LabEvent> out = new ArrayList<>();

        assertThat(replay.drainTo(out, 100)).isZero();
        replay.clock().setSpeed(1000);
        replay.clock().resume();
        Thread.sleep(3); // at 1,000x: 3 s and more of the run's time
        replay.drainTo(out, 100);
        assertThat(out).isNotEmpty().allSatisfy(e -> assertThat(e.time()).isBeforeOrEqualTo(replay.now()));
        Thread.sleep(30); // past the end
        replay.drainTo(out, 100);

        assertThat(out).extracting(LabEvent::sessionId).containsExactly("s1", "s5", "s10");
        assertThat(replay.now()).isEqualTo(T0.plusSeconds(10));
        assertThat(replay.clock().isStopped()).isTrue();
        assertThat(Duration.between(T0, replay.now())).isEqualTo(Duration.ofSeconds(10));
        replay.close();
        assertThat(recorded.closed).isTrue();
    }
}
