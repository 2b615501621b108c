package org.submitlab.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** Fans events out to subscribers' bounded queues. {@link #publish} never blocks. */
public final class EventBus {

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final LongAdder published = new LongAdder();

    public void publish(LabEvent event) {
        published.increment();
        for (Subscription s : subscriptions) {
            s.offer(event);
        }
    }

    /** A new subscriber that receives every event published from now on, up to {@code capacity} unread. */
    public Subscription subscribe(String name, int capacity) {
        Subscription[] holder = new Subscription[1];
        Subscription s = new Subscription(name, capacity, () -> subscriptions.remove(holder[0]));
        holder[0] = s;
        subscriptions.add(s);
        return s;
    }

    public long publishedCount() {
        return published.sum();
    }
}
