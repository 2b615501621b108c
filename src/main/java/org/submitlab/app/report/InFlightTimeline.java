package org.submitlab.app.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.submitlab.app.EventJournal;
import org.submitlab.app.JournalFollower;
import org.submitlab.events.LabEvent;
import org.submitlab.sim.SimulationReport;

/**
 * Mail transactions in flight over a run's time, as its server saw them (from the run's recorded events): one
 * step per change, in all and in the busiest mailbox (the one the per-mailbox limit is about), the concurrency
 * limit, and where a {@code 432} refusal came. Time is simulated seconds from the run's start.
 *
 * @param points       (seconds, in flight in all, in the busiest mailbox) after each change, oldest first; at most
 *                     {@value #MAX_POINTS}
 * @param limit        the mailboxes' concurrency limit (0 when no slot was asked for)
 * @param refusals     seconds at which a transaction got {@code 432} (at most {@value #MAX_POINTS})
 * @param seconds      the run's length
 * @param peak         the most transactions in flight at once, in all
 * @param peakMailbox  the most transactions of one mailbox in flight at once
 */
public record InFlightTimeline(List<Point> points, int limit, List<Double> refusals, double seconds, int peak,
        int peakMailbox) {

    static final int MAX_POINTS = 4000;

    /** @param busiest in flight in the mailbox with the most in flight at that moment */
    public record Point(double seconds, int inFlight, int busiest) {
    }

    public InFlightTimeline {
        points = List.copyOf(points);
        refusals = List.copyOf(refusals);
    }

    public static InFlightTimeline empty(double seconds) {
        return new InFlightTimeline(List.of(), 0, List.of(), seconds, 0, 0);
    }

    /** The timeline of a run that ended, from its folder's recorded events and its report's start and end. */
    public static InFlightTimeline ofRun(Path runFolder, SimulationReport r) {
        if (r.startedAt() == null) {
            return empty(r.simulatedSeconds());
        }
        Instant start = Instant.parse(r.startedAt());
        Instant end = r.endedAt() == null ? start.plusSeconds(r.simulatedSeconds()) : Instant.parse(r.endedAt());
        return ofRun(runFolder, start, end);
    }

    /** Reads the history recorded in a run's folder (a run that ended: nobody writes its journal any more). */
    public static InFlightTimeline ofRun(Path runFolder, Instant start, Instant end) {
        List<LabEvent> events = new ArrayList<>();
        try (JournalFollower f = EventJournal.history(runFolder, start)) {
            List<LabEvent> batch = new ArrayList<>();
            while (true) {
                boolean more = f.replaying();
                batch.clear();
                int n = f.drainTo(batch, 10_000);
                for (LabEvent e : batch) {
                    if (e instanceof LabEvent.TransactionStarted || e instanceof LabEvent.SubmissionAccepted
                            || e instanceof LabEvent.SubmissionRefused || e instanceof LabEvent.ConnectionClosed
                            || e instanceof LabEvent.SlotRequested) {
                        events.add(e);
                    }
                }
                if (n == 0 && !more) {
                    break;
                }
                if (n == 0) {
                    Thread.sleep(5);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return of(events, start, end);
    }

    /** Transactions in flight from these events: from MAIL FROM to the end-of-DATA reply, a reset or a disconnect. */
    public static InFlightTimeline of(List<LabEvent> events, Instant start, Instant end) {
        double length = seconds(start, end);
        Map<String, String> open = new HashMap<>(); // session -> mailbox of its open transaction
        Map<String, Integer> perMailbox = new HashMap<>();
        List<Point> points = new ArrayList<>();
        List<Double> refusals = new ArrayList<>();
        int limit = 0;
        int peak = 0;
        int peakMailbox = 0;
        points.add(new Point(0, 0, 0));
        for (LabEvent e : events) {
            boolean changed = false;
            if (e instanceof LabEvent.TransactionStarted t) {
                String mailbox = t.mailbox() == null ? "" : t.mailbox();
                String before = open.put(t.sessionId(), mailbox);
                if (before != null) {
                    perMailbox.merge(before, -1, Integer::sum);
                }
                perMailbox.merge(mailbox, 1, Integer::sum);
                changed = true;
            } else if (e instanceof LabEvent.SubmissionAccepted a) {
                changed = end(open, perMailbox, a.sessionId());
            } else if (e instanceof LabEvent.SubmissionRefused r) {
                // a recipient refused at RCPT TO leaves the transaction open; the end of DATA or an abort ends it
                if (!"RCPT".equals(r.phase()) || r.reply().startsWith("aborted")) {
                    changed = end(open, perMailbox, r.sessionId());
                }
                if (r.reply().startsWith("432") && refusals.size() < MAX_POINTS) {
                    refusals.add(seconds(start, r.time()));
                }
            } else if (e instanceof LabEvent.ConnectionClosed c) {
                changed = end(open, perMailbox, c.sessionId());
            } else if (e instanceof LabEvent.SlotRequested s) {
                limit = Math.max(limit, s.limit());
            }
            if (changed) {
                int busiest = 0;
                for (int n : perMailbox.values()) {
                    busiest = Math.max(busiest, n);
                }
                peak = Math.max(peak, open.size());
                peakMailbox = Math.max(peakMailbox, busiest);
                points.add(new Point(seconds(start, e.time()), open.size(), busiest));
            }
        }
        return new InFlightTimeline(thin(points, length), limit, refusals, length, peak, peakMailbox);
    }

    private static boolean end(Map<String, String> open, Map<String, Integer> perMailbox, String session) {
        String mailbox = open.remove(session);
        if (mailbox == null) {
            return false;
        }
        perMailbox.merge(mailbox, -1, Integer::sum);
        return true;
    }

    /** At most {@value #MAX_POINTS} points: per time bucket, the highest and the last value (peaks stay visible). */
    private static List<Point> thin(List<Point> points, double length) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        int buckets = MAX_POINTS / 2;
        double width = Math.max(length, points.get(points.size() - 1).seconds()) / buckets;
        List<Point> out = new ArrayList<>();
        int i = 0;
        while (i < points.size()) {
            long bucket = (long) (points.get(i).seconds() / width);
            Point max = points.get(i);
            Point last = points.get(i);
            while (i < points.size() && (long) (points.get(i).seconds() / width) == bucket) {
                last = points.get(i);
                if (last.inFlight() > max.inFlight() || last.busiest() > max.busiest()) {
                    max = last;
                }
                i++;
            }
            out.add(max);
            if (last != max) {
                out.add(last);
            }
        }
        return out;
    }

    private static double seconds(Instant from, Instant to) {
        double s = Duration.between(from, to).toNanos() / 1e9;
        return Math.max(0, Math.round(s * 1000) / 1000.0);
    }
}
