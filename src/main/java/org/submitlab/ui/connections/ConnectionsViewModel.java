package org.submitlab.ui.connections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.Replies;
import org.submitlab.ui.common.MinuteSeries;
import org.submitlab.ui.common.RateCounter;

/**
 * Aggregates events per mailbox: open connections, transactions in flight against the
 * limit, outcomes per minute for the chart. A live status snapshot from the server, when
 * there is one, overrides the counts derived from events (events may be dropped under load).
 */
public final class ConnectionsViewModel {

    /** Row name for refusals before any login (530 and the like). */
    public static final String NOT_LOGGED_IN = "(not logged in)";
    public static final int CHART_MINUTES = 15;
    private static final int MAX_OPEN_SESSIONS = 50_000;

    private static final class Tally {
        int connections;
        int inFlight;
        int limit;
        long accepted;
        long refused;
        String lastRefusal = "";
        final RateCounter refusedRate = new RateCounter();
        final MinuteSeries series = new MinuteSeries(CHART_MINUTES * 4);
    }

    private final Map<String, Tally> mailboxes = new TreeMap<>();
    private final LinkedHashMap<String, String> openSessions = new LinkedHashMap<>();
    private final MinuteSeries total = new MinuteSeries(CHART_MINUTES * 4);
    private final RateCounter acceptedRate = new RateCounter();
    private final RateCounter refusedRate = new RateCounter();
    private int defaultLimit = 3;
    private long version;

    public void setDefaultLimit(int limit) {
        defaultLimit = limit;
    }

    /** Shows every mailbox of the tenant, even those that have not connected yet. */
    public void setKnownMailboxes(Collection<String> addresses) {
        for (String a : addresses) {
            tally(a);
        }
        version++;
    }

    public void apply(List<LabEvent> events) {
        for (LabEvent e : events) {
            apply(e);
        }
    }

    public void apply(LabEvent event) {
        if (event instanceof LabEvent.ConnectionOpened o) {
            openSessions.put(o.sessionId(), "");
            while (openSessions.size() > MAX_OPEN_SESSIONS) {
                openSessions.remove(openSessions.keySet().iterator().next());
            }
        } else if (event instanceof LabEvent.AuthAttempted a) {
            if (!a.success() || a.user() == null) {
                return;
            }
            String mailbox = key(a.user());
            openSessions.put(a.sessionId(), mailbox);
            tally(mailbox).connections++;
        } else if (event instanceof LabEvent.ConnectionClosed c) {
            String mailbox = openSessions.remove(c.sessionId());
            if (mailbox != null && !mailbox.isEmpty()) {
                Tally t = tally(mailbox);
                t.connections = Math.max(0, t.connections - 1);
            }
        } else if (event instanceof LabEvent.SlotRequested s) {
            Tally t = tally(s.mailbox());
            t.inFlight = s.inUse();
            t.limit = s.limit();
        } else if (event instanceof LabEvent.SlotReleased s) {
            Tally t = tally(s.mailbox());
            t.inFlight = s.inUse();
            t.limit = s.limit();
        } else if (event instanceof LabEvent.SubmissionAccepted a) {
            Tally t = tally(a.mailbox());
            t.accepted++;
            t.series.add(a.time(), MinuteSeries.Outcome.ACCEPTED);
            total.add(a.time(), MinuteSeries.Outcome.ACCEPTED);
            acceptedRate.add(a.time());
        } else if (event instanceof LabEvent.SubmissionRefused r) {
            Tally t = tally(r.mailbox());
            MinuteSeries.Outcome outcome = is432(r.reply())
                    ? MinuteSeries.Outcome.CONCURRENCY_432 : MinuteSeries.Outcome.OTHER_REFUSAL;
            t.refused++;
            t.lastRefusal = r.reply();
            t.refusedRate.add(r.time());
            t.series.add(r.time(), outcome);
            total.add(r.time(), outcome);
            refusedRate.add(r.time());
        } else {
            return;
        }
        version++;
    }

    /** Live counts from the server; they win over what events suggested. */
    public void applyStatus(String mailbox, int connections, int inFlight, int limit, long accepted, long refused) {
        Tally t = tally(key(mailbox));
        if (t.connections != connections || t.inFlight != inFlight || t.limit != limit
                || t.accepted != accepted || t.refused != refused) {
            t.connections = connections;
            t.inFlight = inFlight;
            t.limit = limit;
            t.accepted = Math.max(t.accepted, accepted);
            t.refused = Math.max(t.refused, refused);
            version++;
        }
    }

    public List<MailboxActivity> rows(Instant now) {
        List<MailboxActivity> rows = new ArrayList<>(mailboxes.size());
        for (Map.Entry<String, Tally> e : mailboxes.entrySet()) {
            Tally t = e.getValue();
            rows.add(new MailboxActivity(e.getKey(), t.connections, t.inFlight, t.limit == 0 ? defaultLimit : t.limit,
                    t.refusedRate.lastMinute(now), t.accepted, t.refused, t.lastRefusal));
        }
        return rows;
    }

    /** The chart's points for one mailbox, or all of them. */
    public List<MinuteSeries.Point> chart(Optional<String> mailbox, Instant now) {
        MinuteSeries s = mailbox.map(m -> mailboxes.get(key(m))).map(t -> t.series).orElse(total);
        return s == null ? total.lastMinutes(now, CHART_MINUTES) : s.lastMinutes(now, CHART_MINUTES);
    }

    public int openConnections() {
        return openSessions.size();
    }

    public long acceptedLastMinute(Instant now) {
        return acceptedRate.lastMinute(now);
    }

    public long refusedLastMinute(Instant now) {
        return refusedRate.lastMinute(now);
    }

    /** Grows whenever something shown changed: panels skip redraws when it did not. */
    public long version() {
        return version;
    }

    private Tally tally(String mailbox) {
        return mailboxes.computeIfAbsent(key(mailbox), k -> new Tally());
    }

    private static String key(String mailbox) {
        return mailbox == null ? NOT_LOGGED_IN : mailbox.trim().toLowerCase(Locale.ROOT);
    }

    static boolean is432(String reply) {
        try {
            return reply != null && Replies.code(reply) == 432;
        } catch (RuntimeException e) {
            return false;
        }
    }

    Map<String, Integer> connectionsByMailbox() {
        Map<String, Integer> m = new HashMap<>();
        mailboxes.forEach((k, v) -> m.put(k, v.connections));
        return m;
    }
}
