package org.submitlab.app.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.submitlab.app.trace.TraceRow.Kind;
import org.submitlab.app.trace.TraceRow.Status;
import org.submitlab.store.Delivery;
import org.submitlab.store.Store;
import org.submitlab.store.SubmissionRecord;
import org.submitlab.store.TraceQuery;
import org.submitlab.store.TracedSubmission;

/**
 * The message trace of one world: every submission that matches, accepted or refused, each accepted one
 * followed by its deliveries; in a run that has ended, the messages its devices never got accepted.
 */
public final class MessageTrace {

    static final String HEADER_RECIPIENT = "only in the To/Cc header, not in the envelope: delivered because the "
            + "tenant replays the 2018 incident (deliver to header recipients)";

    private final Store store;
    private final boolean ended;

    /**
     * @param ended  the world is a run that has ended: a message with no accepted attempt is lost, not pending
     */
    public MessageTrace(Store store, boolean ended) {
        this.store = store;
        this.ended = ended;
    }

    /** The rows of the newest submissions matching {@code q}, oldest first; {@code status} keeps rows of that status. */
    public List<TraceRow> find(TraceQuery q, Optional<Status> status) {
        TraceQuery query = status.map(s -> withAccepted(q, s == Status.ACCEPTED || s == Status.DELIVERED
                || s == Status.DELAYED || s == Status.FAILED)).orElse(q);
        List<TracedSubmission> found = store.submissions().trace(query);
        // Each submission with its deliveries as one group, lost messages as groups of their own, in time order.
        List<List<TraceRow>> groups = new ArrayList<>();
        for (TracedSubmission t : found) {
            SubmissionRecord r = t.submission();
            List<TraceRow> group = new ArrayList<>();
            group.add(submission(r));
            Set<String> envelope = r.envelopeTo().stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            for (Delivery d : t.deliveries()) {
                group.add(delivery(r, d, envelope.contains(d.recipient().toLowerCase(Locale.ROOT))));
            }
            groups.add(group);
        }
        if (ended) {
            lost(found).forEach(l -> groups.add(List.of(l)));
            groups.sort(java.util.Comparator.comparing(g -> g.get(0).time()));
        }
        List<TraceRow> rows = groups.stream().flatMap(List::stream).toList();
        return status.map(s -> rows.stream().filter(r -> r.status() == s).toList()).orElse(rows);
    }

    private static TraceQuery withAccepted(TraceQuery q, boolean accepted) {
        return new TraceQuery(q.sender(), q.recipient(), q.messageId(), q.since(), q.until(), Optional.of(accepted),
                q.limit());
    }

    /** Messages whose every attempt in view was refused and that no later attempt got accepted either. */
    private List<TraceRow> lost(List<TracedSubmission> found) {
        Map<String, List<SubmissionRecord>> refusedByMessage = new LinkedHashMap<>();
        Set<String> accepted = new java.util.HashSet<>();
        for (TracedSubmission t : found) {
            SubmissionRecord r = t.submission();
            if (r.messageId() == null) {
                continue;
            }
            if (r.accepted()) {
                accepted.add(r.messageId());
            } else {
                refusedByMessage.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(r);
            }
        }
        refusedByMessage.keySet().removeAll(accepted);
        // One query for all of them: a later attempt outside the view may have got through.
        refusedByMessage.keySet().removeAll(store.submissions().acceptedAmong(refusedByMessage.keySet()));
        List<TraceRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<SubmissionRecord>> e : refusedByMessage.entrySet()) {
            List<SubmissionRecord> attempts = e.getValue();
            SubmissionRecord last = attempts.get(attempts.size() - 1);
            String reason = "never accepted: " + attempts.size() + (attempts.size() == 1 ? " attempt" : " attempts")
                    + ", then the device gave up or the run ended (last reply: " + last.reply() + ")";
            rows.add(new TraceRow(Kind.LOST, Status.LOST, last.time(), last.mailbox(), last.clientAddress(),
                    last.sessionId(), last.envelopeFrom(), last.envelopeTo(), last.messageId(), last.reply(),
                    Optional.empty(), Optional.empty(), Optional.of(reason), last.size()));
        }
        return rows;
    }

    private static TraceRow submission(SubmissionRecord r) {
        return new TraceRow(Kind.SUBMISSION, r.accepted() ? Status.ACCEPTED : Status.REFUSED, r.time(), r.mailbox(),
                r.clientAddress(), r.sessionId(), r.envelopeFrom(), r.envelopeTo(), r.messageId(), r.reply(),
                Optional.empty(), Optional.ofNullable(r.deliverAt()), rewritten(r), r.size());
    }

    /** What the display-name replay switch did to the message's From field, if it changed it. */
    static Optional<String> rewritten(SubmissionRecord r) {
        if (r.fromRewrite() == null) {
            return Optional.empty();
        }
        String[] was = r.fromRewrite().split("\n", 2);
        return Optional.of("From rewritten by the tenant (it replays the 2018 display-name rewrite): " + was[0]
                + " \u2192 " + (was.length > 1 ? was[1] : ""));
    }

    private static TraceRow delivery(SubmissionRecord r, Delivery d, boolean inEnvelope) {
        boolean delayed = d.deliverAt().isAfter(r.time());
        List<String> why = new ArrayList<>();
        if (delayed) {
            why.add("held by the mailbox's message rate for " + org.submitlab.policy.Durations.format(
                    Duration.between(r.time(), d.deliverAt())) + ", until " + d.deliverAt());
        }
        if (!inEnvelope) {
            why.add(HEADER_RECIPIENT);
        }
        if (d.failed()) {
            why.add(0, "not delivered: the non-delivery report says " + d.failure());
        }
        Status status = d.failed() ? Status.FAILED : delayed ? Status.DELAYED : Status.DELIVERED;
        return new TraceRow(Kind.DELIVERY, status, d.deliverAt(), r.mailbox(),
                r.clientAddress(), r.sessionId(), r.envelopeFrom(), r.envelopeTo(), r.messageId(),
                d.failed() ? d.failure() : r.reply(),
                Optional.of(d.recipient()), Optional.of(d.deliverAt()), why.isEmpty() ? Optional.empty()
                        : Optional.of(String.join("; ", why)), r.size());
    }

    /** The time a person typed for --since or --until: an instant, a local date and time, or a duration ago. */
    public static Instant parseTime(String text, Instant now, java.time.ZoneId zone) {
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            // a local time or a duration, below
        }
        for (String pattern : List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
                "yyyy-MM-dd'T'HH:mm")) {
            try {
                return java.time.LocalDateTime.parse(t, java.time.format.DateTimeFormatter.ofPattern(pattern))
                        .atZone(zone).toInstant();
            } catch (java.time.format.DateTimeParseException next) {
                // try the next form
            }
        }
        try {
            return java.time.LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (java.time.format.DateTimeParseException notADate) {
            // a duration ago, below
        }
        try {
            return now.minus(org.submitlab.policy.Durations.parse(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: write 2026-12-02T09:00:00Z, "
                    + "2026-12-02 09:00 (local time), 2026-12-02, or how long ago (30m, 2h, 1d)");
        }
    }
}
