package org.submitlab.ui.sessionlog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.submitlab.events.LabEvent;
import org.submitlab.ui.common.Formats;

/**
 * Every SMTP session as a transcript of commands and replies, built from TranscriptLine and
 * outcome events: the helpdesk's view of what a device saw. Bounded: the newest
 * {@code maxSessions} sessions, each with at most {@code maxLines} lines.
 */
public final class SessionLogViewModel {

    /** One transcript line; {@code fromClient} lines are commands, the others replies. */
    public record Line(Instant time, boolean fromClient, String text) {
    }

    private static final class Session {
        final String id;
        final Instant started;
        String clientAddress = "";
        String client = "";
        String mailbox = "";
        boolean open = true;
        boolean authFailed;
        int accepted;
        int refused;
        String lastReply = "";
        String lastRefusal = "";
        String lastAccepted = "";
        String tls = "";
        int droppedLines;
        final ArrayDeque<Line> lines = new ArrayDeque<>();

        Session(String id, Instant started) {
            this.id = id;
            this.started = started;
        }

        SessionOutcome outcome() {
            if (refused > 0) {
                return SessionOutcome.REFUSED;
            }
            if (accepted > 0) {
                return SessionOutcome.ACCEPTED;
            }
            if (authFailed) {
                return SessionOutcome.AUTH_FAILED;
            }
            return open ? SessionOutcome.IN_PROGRESS : SessionOutcome.NOTHING_SENT;
        }

        SessionEntry entry() {
            return new SessionEntry(id, started, clientAddress, client, mailbox, outcome(), accepted, refused,
                    !lastRefusal.isEmpty() ? lastRefusal : !lastAccepted.isEmpty() ? lastAccepted : lastReply,
                    lines.size() + droppedLines, tls);
        }
    }

    private final int maxSessions;
    private final int maxLines;
    private final int maxTotalLines;
    private int totalLines;
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>();
    private String mailboxFilter = "";
    private String clientFilter = "";
    private Optional<SessionOutcome> outcomeFilter = Optional.empty();
    private long version;

    public SessionLogViewModel() {
        this(2_000, 400, 100_000);
    }

    /** Keeps the newest {@code maxSessions}, each with its last {@code maxLines}, and {@code maxTotalLines} in all. */
    public SessionLogViewModel(int maxSessions, int maxLines, int maxTotalLines) {
        this.maxSessions = maxSessions;
        this.maxLines = maxLines;
        this.maxTotalLines = maxTotalLines;
    }

    public void apply(List<LabEvent> events) {
        for (LabEvent e : events) {
            apply(e);
        }
    }

    public void apply(LabEvent e) {
        if (e instanceof LabEvent.ConnectionOpened o) {
            session(o.sessionId(), o.time()).clientAddress = o.clientAddress();
        } else if (e instanceof LabEvent.TranscriptLine t) {
            Session s = session(t.sessionId(), t.time());
            if (s.lines.size() >= maxLines) {
                s.lines.pollFirst();
                s.droppedLines++;
                totalLines--;
            }
            s.lines.addLast(new Line(t.time(), t.fromClient(), t.line()));
            totalLines++;
            while (totalLines > maxTotalLines && sessions.size() > 1) {
                dropOldest();
            }
            if (t.fromClient()) {
                String upper = t.line().toUpperCase(Locale.ROOT);
                if ((upper.startsWith("EHLO ") || upper.startsWith("HELO ")) && s.client.isEmpty()) {
                    s.client = t.line().substring(5).trim();
                }
            } else {
                s.lastReply = t.line();
            }
        } else if (e instanceof LabEvent.AuthAttempted a) {
            Session s = session(a.sessionId(), a.time());
            if (a.success()) {
                s.mailbox = a.user() == null ? "" : a.user().toLowerCase(Locale.ROOT);
                s.authFailed = false;
            } else {
                s.authFailed = true;
                s.lastRefusal = a.reply();
                if (s.mailbox.isEmpty() && a.user() != null) {
                    // the login tried: a helpdesk filters by the mailbox to find exactly these failures
                    s.mailbox = a.user().toLowerCase(Locale.ROOT);
                }
            }
        } else if (e instanceof LabEvent.TlsStarted t) {
            session(t.sessionId(), t.time()).tls = t.protocol() == null ? "" : t.protocol();
        } else if (e instanceof LabEvent.SubmissionAccepted a) {
            Session s = session(a.sessionId(), a.time());
            s.accepted++;
            s.lastAccepted = a.reply() == null ? "" : a.reply();
        } else if (e instanceof LabEvent.SubmissionRefused r) {
            Session s = session(r.sessionId(), r.time());
            s.refused++;
            s.lastRefusal = r.reply();
        } else if (e instanceof LabEvent.ConnectionClosed c) {
            Session s = sessions.get(c.sessionId());
            if (s == null) {
                return;
            }
            s.open = false;
            if (s.mailbox.isEmpty() && c.mailbox() != null) {
                s.mailbox = c.mailbox();
            }
        } else {
            return;
        }
        version++;
    }

    private Session session(String id, Instant time) {
        Session s = sessions.get(id);
        if (s == null) {
            s = new Session(id, time);
            sessions.put(id, s);
            if (sessions.size() > maxSessions) {
                dropOldest();
            }
        }
        return s;
    }

    private void dropOldest() {
        Iterator<Session> it = sessions.values().iterator();
        totalLines -= it.next().lines.size();
        it.remove();
    }

    public void setMailboxFilter(String text) {
        mailboxFilter = norm(text);
        version++;
    }

    public void setClientFilter(String text) {
        clientFilter = norm(text);
        version++;
    }

    public void setOutcomeFilter(Optional<SessionOutcome> outcome) {
        outcomeFilter = outcome;
        version++;
    }

    /** Sessions passing the filters, newest first. */
    public List<SessionEntry> sessions() {
        List<SessionEntry> out = new ArrayList<>();
        List<Session> all = new ArrayList<>(sessions.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            Session s = all.get(i);
            if (matches(s)) {
                out.add(s.entry());
            }
        }
        return out;
    }

    private boolean matches(Session s) {
        if (!mailboxFilter.isEmpty() && !s.mailbox.toLowerCase(Locale.ROOT).contains(mailboxFilter)) {
            return false;
        }
        if (!clientFilter.isEmpty() && !s.client.toLowerCase(Locale.ROOT).contains(clientFilter)
                && !s.clientAddress.contains(clientFilter)) {
            return false;
        }
        return outcomeFilter.map(o -> o == s.outcome()).orElse(true);
    }

    public List<Line> lines(String sessionId) {
        Session s = sessions.get(sessionId);
        return s == null ? List.of() : List.copyOf(s.lines);
    }

    /** The transcript as a device log would read it: "C: EHLO printer-1" / "S: 250 ...". */
    public String transcript(String sessionId, ZoneId zone) {
        Session s = sessions.get(sessionId);
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (s.droppedLines > 0) {
            sb.append("(").append(s.droppedLines).append(" earlier lines not kept)\n");
        }
        for (Line l : s.lines) {
            sb.append(Formats.clockSeconds(l.time(), zone)).append(l.fromClient() ? "  C: " : "  S: ")
                    .append(l.text()).append('\n');
        }
        return sb.toString();
    }

    public int size() {
        return sessions.size();
    }

    public long version() {
        return version;
    }

    public String emptyText() {
        if (sessions.isEmpty()) {
            return "No SMTP sessions yet. Connect a device to the address in the toolbar, or start a scenario.";
        }
        return "No session matches the filters.";
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
