package org.submitlab.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTest {

    private static LabEvent opened(int i) {
        return new LabEvent.ConnectionOpened(Instant.EPOCH, "s" + i, "127.0.0.1");
    }

    @Test
    void everySubscriberSeesEveryEventInOrder() {
        EventBus bus = new EventBus();
        Subscription a = bus.subscribe("a", 10);
        Subscription b = bus.subscribe("b", 10);
        bus.publish(opened(1));
        bus.publish(opened(2));
        List<LabEvent> got = new ArrayList<>();
        assertThat(a.drainTo(got, 10)).isEqualTo(2);
        assertThat(got).extracting(LabEvent::sessionId).containsExactly("s1", "s2");
        assertThat(b.drainTo(new ArrayList<>(), 10)).isEqualTo(2);
    }

    @Test
    void fullSubscriberDropsAndCountsInsteadOfBlocking() {
        EventBus bus = new EventBus();
        Subscription slow = bus.subscribe("slow", 2);
        for (int i = 0; i < 5; i++) {
            bus.publish(opened(i));
        }
        assertThat(slow.dropped()).isEqualTo(3);
        assertThat(slow.drainTo(new ArrayList<>(), 10)).isEqualTo(2);
        assertThat(bus.publishedCount()).isEqualTo(5);
    }

    @Test
    void closedSubscriptionReceivesNothingMore() {
        EventBus bus = new EventBus();
        Subscription s = bus.subscribe("s", 10);
        s.close();
        bus.publish(opened(1));
        assertThat(s.isOpen()).isFalse();
        assertThat(s.drainTo(new ArrayList<>(), 10)).isZero();
    }
}
