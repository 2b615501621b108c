package org.submitlab.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.submitlab.events.LabEvent;

/**
 * What the slot timeline draws, built from a world's events: per mailbox, each transaction from its MAIL FROM to
 * its end-of-DATA reply (or an earlier refusal) on the lane of the device that sent it, the transactions in
 * flight after each change against the limit, and where each 432 happened. A device is known by the name it
 * gave in EHLO (its address when it gave none); a device with several connections at once gets one lane per
 * connection it had open at the same time ("alerts", "alerts #2"). Keeps the newest {@link #KEPT_TRANSACTIONS}
 * transactions per mailbox, so a day-long run does not grow it. Not thread-safe: the FX thread feeds and reads it.
 */
public final class SlotTimeline {

    /** Every mailbox at once: each device's lane, no in-flight line (the limit is per mailbox). */
    public static final String ALL = "all mailboxes";

    /** Per mailbox; older transactions (and their slot steps) are dropped, newest kept. */
    public static final int KEPT_TRANSACTIONS = 5_000;

    public enum Outcome { IN_FLIGHT, ACCEPTED, REFUSED_432, REFUSED }

    /** One transaction: {@code end} null while in flight; {@code slot} whether it held a concurrency slot. */
    public record Bar(String lane, Instant start, Instant end, Outcome outcome, boolean slot, String reply) {
    }

    /** Transactions in flight (holding a slot) just after {@code time}. */
    public record Step(Instant time, int inUse, int limit) {
    }

    private static final class Open {
        final String lane;
        final Instant start;
        boolean slot;

        Open(String lane, Instant start) {
            this.lane = lane;
            this.start = start;
        }
    }

    private static final class Session {
        String address;
        String ehlo;
        String mailbox;
        Open open;
    }

    private static final class Mailbox {
        final Deque<Bar> bars = new ArrayDeque<>();
        final Deque<Step> steps = new ArrayDeque<>();
        final List<String> lanes = new ArrayList<>();
        /** Lane to how many transactions on it are open. */
        final Map<String, Integer> busy = new HashMap<>();
        int limit = 3;
    }

    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
    private long version;

    public void apply(List<LabEvent> events) {
        for (LabEvent e : events) {
            apply(e);
        }
    }

    public void apply(LabEvent e) {
        if (e instanceof LabEvent.ConnectionOpened o) {
            session(o.sessionId()).address = o.clientAddress();
        } else if (e instanceof LabEvent.TranscriptLine t) {
            if (t.fromClient()) {
                ehlo(t);
            }
        } else if (e instanceof LabEvent.TransactionStarted t) {
            start(t);
        } else if (e instanceof LabEvent.SlotRequested r) {
            slot(r);
        } else if (e instanceof LabEvent.SlotReleased r) {
            step(mailbox(r.mailbox()), new Step(r.time(), r.inUse(), r.limit()));
        } else if (e instanceof LabEvent.SubmissionAccepted a) {
            end(a.sessionId(), a.time(), Outcome.ACCEPTED, a.reply());
        } else if (e instanceof LabEvent.SubmissionRefused r) {
            end(r.sessionId(), r.time(), r.reply().startsWith("432") ? Outcome.REFUSED_432 : Outcome.REFUSED, r.reply());
        } else if (e instanceof LabEvent.ConnectionClosed c) {
            Session s = sessions.remove(c.sessionId());
            if (s != null && s.open != null) {
                end(s, c.time(), Outcome.REFUSED, "connection closed before the end of DATA");
            }
        }
    }

    private void ehlo(LabEvent.TranscriptLine t) {
        String line = t.line().trim();
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : "";
        if (verb.equals("EHLO") || verb.equals("HELO")) {
            String name = line.substring(4).trim();
            if (!name.isEmpty()) {
                session(t.sessionId()).ehlo = name;
            }
        }
    }

    private void start(LabEvent.TransactionStarted t) {
        Session s = session(t.sessionId());
        if (s.open != null) {
            end(s, t.time(), Outcome.REFUSED, "a new MAIL FROM before this one ended");
        }
        s.mailbox = t.mailbox();
        Mailbox m = mailbox(t.mailbox());
        String device = s.ehlo != null ? s.ehlo : s.address != null ? s.address : t.sessionId();
        String lane = device;
        for (int k = 2; m.busy.getOrDefault(lane, 0) > 0; k++) {
            lane = device + " #" + k;
        }
        if (!m.lanes.contains(lane)) {
            m.lanes.add(lane);
        }
        m.busy.merge(lane, 1, Integer::sum);
        s.open = new Open(lane, t.time());
        version++;
    }

    private void slot(LabEvent.SlotRequested r) {
        Mailbox m = mailbox(r.mailbox());
        m.limit = r.limit();
        Session s = sessions.get(r.sessionId());
        if (r.granted()) {
            if (s != null && s.open != null) {
                s.open.slot = true;
            }
            step(m, new Step(r.time(), r.inUse(), r.limit()));
        }
    }

    private void step(Mailbox m, Step s) {
        m.limit = s.limit();
        m.steps.addLast(s);
        version++;
    }

    private void end(String sessionId, Instant time, Outcome outcome, String reply) {
        Session s = sessions.get(sessionId);
        if (s != null && s.open != null) {
            end(s, time, outcome, reply);
        }
    }

    private void end(Session s, Instant time, Outcome outcome, String reply) {
        Mailbox m = mailbox(s.mailbox);
        Open o = s.open;
        s.open = null;
        m.busy.merge(o.lane, -1, Integer::sum);
        m.bars.addLast(new Bar(o.lane, o.start, time, outcome, o.slot, reply));
        while (m.bars.size() > KEPT_TRANSACTIONS) {
            Instant dropped = m.bars.removeFirst().end();
            while (!m.steps.isEmpty() && m.steps.peekFirst().time().isBefore(dropped)) {
                m.steps.removeFirst();
            }
        }
        version++;
    }

    private Session session(String id) {
        return sessions.computeIfAbsent(id, k -> new Session());
    }

    private Mailbox mailbox(String address) {
        return mailboxes.computeIfAbsent(address == null ? "" : address.toLowerCase(Locale.ROOT), k -> new Mailbox());
    }

    /** Changes with every event that changes what is drawn. */
    public long version() {
        return version;
    }

    /** The mailboxes seen, in order of first transaction. */
    public List<String> mailboxes() {
        return mailboxes.keySet().stream().filter(k -> !k.isEmpty()).toList();
    }

    /** The mailbox with the most transactions in flight or, when none, the most transactions: a sensible default. */
    public Optional<String> busiest() {
        return mailboxes.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .max(java.util.Comparator.comparingInt((Map.Entry<String, Mailbox> e) ->
                        e.getValue().busy.values().stream().mapToInt(Integer::intValue).sum())
                        .thenComparingInt(e -> e.getValue().bars.size()))
                .map(Map.Entry::getKey);
    }

    public List<String> lanes(String mailbox) {
        if (ALL.equals(mailbox)) {
            return mailboxes().stream().flatMap(k -> mailboxes.get(k).lanes.stream()).distinct().toList();
        }
        Mailbox m = mailboxes.get(mailbox.toLowerCase(Locale.ROOT));
        return m == null ? List.of() : List.copyOf(m.lanes);
    }

    public int limit(String mailbox) {
        Mailbox m = mailboxes.get(mailbox.toLowerCase(Locale.ROOT));
        return m == null ? 3 : m.limit;
    }

    /** The transactions of the mailbox that overlap [from, to], ended ones first, then those in flight (end null). */
    public List<Bar> bars(String mailbox, Instant from, Instant to) {
        List<Bar> out = new ArrayList<>();
        if (ALL.equals(mailbox)) {
            mailboxes().forEach(k -> out.addAll(bars(k, from, to)));
            return out;
        }
        Mailbox m = mailboxes.get(mailbox.toLowerCase(Locale.ROOT));
        if (m == null) {
            return out;
        }
        for (Bar b : m.bars) {
            if (!b.end().isBefore(from) && !b.start().isAfter(to)) {
                out.add(b);
            }
        }
        for (Session s : sessions.values()) {
            if (s.open != null && mailbox.equalsIgnoreCase(s.mailbox) && !s.open.start.isAfter(to)) {
                out.add(new Bar(s.open.lane, s.open.start, null, Outcome.IN_FLIGHT, s.open.slot, ""));
            }
        }
        return out;
    }

    /** The in-flight steps in [from, to], led by the last one before {@code from} (the level the window starts at). */
    public List<Step> steps(String mailbox, Instant from, Instant to) {
        List<Step> out = new ArrayList<>();
        if (ALL.equals(mailbox)) {
            return out;
        }
        Mailbox m = mailboxes.get(mailbox.toLowerCase(Locale.ROOT));
        if (m == null) {
            return out;
        }
        Step before = null;
        for (Step s : m.steps) {
            if (s.time().isBefore(from)) {
                before = s;
            } else if (!s.time().isAfter(to)) {
                out.add(s);
            }
        }
        if (before != null) {
            out.add(0, before);
        }
        return out;
    }

    /** The first and last instants with a transaction of the mailbox, for scrolling; empty before any. */
    public Optional<Instant[]> extent(String mailbox) {
        if (ALL.equals(mailbox)) {
            Instant[] all = null;
            for (String k : mailboxes()) {
                Optional<Instant[]> e = extent(k);
                if (e.isPresent()) {
                    all = all == null ? e.get().clone() : new Instant[] {
                        e.get()[0].isBefore(all[0]) ? e.get()[0] : all[0], e.get()[1].isAfter(all[1]) ? e.get()[1] : all[1]};
                }
            }
            return Optional.ofNullable(all);
        }
        Mailbox m = mailboxes.get(mailbox.toLowerCase(Locale.ROOT));
        if (m == null || (m.bars.isEmpty() && m.busy.values().stream().allMatch(n -> n == 0))) {
            return Optional.empty();
        }
        Instant first = m.bars.isEmpty() ? null : m.bars.peekFirst().start();
        Instant last = m.bars.isEmpty() ? null : m.bars.peekLast().end();
        for (Session s : sessions.values()) {
            if (s.open != null && mailbox.equalsIgnoreCase(s.mailbox)) {
                first = first == null || s.open.start.isBefore(first) ? s.open.start : first;
                last = last == null || s.open.start.isAfter(last) ? s.open.start : last;
            }
        }
        return Optional.of(new Instant[] {first, last});
    }

    /**
     * The time window shown by default at {@code speed}× : about 20 seconds of real time, at least 30 seconds
     * and at most 6 hours of the world's time, so that bars have a readable width at 1× and at 3,600×.
     */
    public static Duration defaultWindow(double speed) {
        double seconds = Math.max(30, Math.min(6 * 3600, 20 * Math.max(1, speed)));
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
