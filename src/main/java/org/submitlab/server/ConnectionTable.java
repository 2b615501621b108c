package org.submitlab.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.policy.ConnectionLimits;

/**
 * The connections the server holds: at most {@code maxConnections}, at most {@code perAddress} from one
 * client address. When the table is full, a newcomer takes the place of the oldest connection that has not
 * authenticated (an idle one first), which gets 421 4.3.2 and is closed; authenticated connections are
 * never shed. A watchdog ({@link #sweep}) closes connections whose deadline passed while their thread could
 * not notice (in a TLS handshake, or blocked writing to a client that does not read).
 */
final class ConnectionTable {

    /** One admitted connection. */
    record Entry(String address, ReplyShapingSocket socket) {
        ConnectionDeadlines deadlines() {
            return socket.deadlines();
        }
    }

    enum Verdict { ADMITTED, ADDRESS_FULL, TABLE_FULL }

    /** The verdict, and the connection shed to make room (already out of the table), if any. */
    record Admission(Verdict verdict, Optional<Entry> shed) {
    }

    /** How long a deadline may be overdue, or a shed connection linger, before the watchdog closes it. */
    static final long SLACK_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SUMMARY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTable.class);

    private final LinkedHashSet<Entry> entries = new LinkedHashSet<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final List<Entry> shedding = new ArrayList<>();
    // Counted, and logged as a summary at most once a minute: a flood must not flood the log too.
    private final LongAdder shedCount = new LongAdder();
    private final LongAdder refusedAddress = new LongAdder();
    private final LongAdder refusedFull = new LongAdder();
    private long lastSummary = System.nanoTime();

    /** Admits {@code e}, or says why not; a shed connection must be {@linkplain #shed shed} by the caller. */
    synchronized Admission admit(Entry e, ConnectionLimits limits) {
        if (perAddress.getOrDefault(e.address(), 0) >= limits.perAddress()) {
            refusedAddress.increment();
            return new Admission(Verdict.ADDRESS_FULL, Optional.empty());
        }
        Optional<Entry> victim = Optional.empty();
        if (entries.size() >= limits.maxConnections()) {
            victim = oldestUnauthenticated();
            if (victim.isEmpty()) {
                refusedFull.increment();
                return new Admission(Verdict.TABLE_FULL, Optional.empty());
            }
            removeLocked(victim.get());
            shedding.add(victim.get());
        }
        entries.add(e);
        perAddress.merge(e.address(), 1, Integer::sum);
        return new Admission(Verdict.ADMITTED, victim);
    }

    /** Ends a shed connection: its thread answers 421 4.3.2 and closes it (the watchdog makes sure). */
    void shed(Entry victim) {
        victim.deadlines().shed(System.nanoTime());
        victim.socket().interruptRead();
        shedCount.increment();
        LOG.debug("Connection table full: closing an unauthenticated connection from {} to make room", victim.address());
    }

    synchronized void remove(Entry e) {
        removeLocked(e);
        shedding.remove(e);
    }

    synchronized int size() {
        return entries.size();
    }

    /** The watchdog: closes connections whose deadline is overdue or that were shed and still linger. */
    void sweep() {
        long now = System.nanoTime();
        summarize(now);
        List<Entry> overdue = new ArrayList<>();
        synchronized (this) {
            for (Entry e : entries) {
                if (e.deadlines().overdue(now, SLACK_NANOS).isPresent()) {
                    overdue.add(e);
                }
            }
            for (Iterator<Entry> it = shedding.iterator(); it.hasNext();) {
                Entry e = it.next();
                if (now - e.deadlines().shedAt() > SLACK_NANOS) {
                    overdue.add(e);
                    it.remove();
                }
            }
        }
        for (Entry e : overdue) {
            LOG.debug("Closing a connection from {} past its deadline", e.address());
            try {
                e.socket().close();
            } catch (IOException ex) {
                // closed already
            }
        }
    }

    private void summarize(long now) {
        if (now - lastSummary < SUMMARY_NANOS) {
            return;
        }
        lastSummary = now;
        long shed = shedCount.sumThenReset();
        long address = refusedAddress.sumThenReset();
        long full = refusedFull.sumThenReset();
        if (shed + address + full > 0) {
            LOG.info("In the last minute: {} connection(s) refused at the per-address limit, {} refused with the"
                    + " table full, {} unauthenticated one(s) closed to make room", address, full, shed);
        }
    }

    /** The oldest unauthenticated connection waiting for a command, else the oldest unauthenticated one. */
    private Optional<Entry> oldestUnauthenticated() {
        Entry busy = null;
        for (Entry e : entries) {
            ConnectionDeadlines d = e.deadlines();
            if (d.isAuthenticated()) {
                continue;
            }
            if (d.waitingForCommand()) {
                return Optional.of(e);
            }
            if (busy == null) {
                busy = e;
            }
        }
        return Optional.ofNullable(busy);
    }

    private void removeLocked(Entry e) {
        if (entries.remove(e)) {
            perAddress.computeIfPresent(e.address(), (k, n) -> n <= 1 ? null : n - 1);
        }
    }
}
