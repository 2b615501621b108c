package org.submitlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.submitlab.events.EventBus;
import org.submitlab.events.LabEvent;

class EventPumpTest {

    private static final Instant T0 = Instant.parse("2025-01-26T09:00:00Z");

    private final EventBus bus = new EventBus();
    private final List<List<LabEvent>> batches = new ArrayList<>();
    private final List<Instant> ticks = new ArrayList<>();

    private EventPump pump(int maxPerTick) {
        EventPump pump = new EventPump(bus.subscribe("test", 1_000), () -> T0, maxPerTick);
        pump.addListener(new EventPump.Listener() {
            @Override
            public void onEvents(List<LabEvent> events) {
                batches.add(events);
            }

            @Override
            public void onTick(Instant now) {
                ticks.add(now);
            }
        });
        return pump;
    }

    @Test
    void oneTickHandsEveryWaitingEventOverAsOneBatch() {
        EventPump pump = pump(100);
        for (int i = 0; i < 50; i++) {
            bus.publish(new LabEvent.ConnectionOpened(T0, "s" + i, "127.0.0.1"));
        }

        assertThat(pump.tick()).isEqualTo(50);

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(50);
    }

    @Test
    void aQuietTickStillTicksButHandsOutNoBatch() {
        EventPump pump = pump(100);

        pump.tick();

        assertThat(batches).isEmpty();
        assertThat(ticks).containsExactly(T0);
    }

    @Test
    void aBacklogLargerThanOneTickIsSpreadOverTicksInOrder() {
        EventPump pump = pump(30);
        for (int i = 0; i < 50; i++) {
            bus.publish(new LabEvent.ConnectionOpened(T0, "s" + i, "127.0.0.1"));
        }

        pump.tick();
        pump.tick();

        assertThat(batches).extracting(List::size).containsExactly(30, 20);
        assertThat(batches.get(1).get(0).sessionId()).isEqualTo("s30");
        assertThat(pump.delivered()).isEqualTo(50);
    }
}
